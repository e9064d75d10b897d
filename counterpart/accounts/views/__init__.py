from counterpart.accounts.views.account import (
    account_view,
    api_token_revoke_view,
    session_end_view,
    two_factor_view,
)
from counterpart.accounts.views.invitations import invitation_view
from counterpart.accounts.views.signing_in import (
    LoginView,
    PasswordChangeView,
    PasswordResetConfirmView,
    PasswordResetView,
)

__all__ = [
    "LoginView",
    "PasswordChangeView",
    "PasswordResetConfirmView",
    "PasswordResetView",
    "account_view",
    "api_token_revoke_view",
    "invitation_view",
    "session_end_view",
    "two_factor_view",
]
