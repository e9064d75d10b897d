"""Writes for users, memberships, invitations, sessions and API tokens (the sign-in throttle is
accounts.throttle). Each module's services are importable from here."""

from counterpart.accounts.services.invitations import (
    invitation_accept,
    invitation_create,
    invitation_key_issue,
    invitation_resend,
    invitation_withdraw,
)
from counterpart.accounts.services.sessions import (
    session_end,
    session_forgotten,
    session_seen,
    session_started,
    sessions_end_all,
)
from counterpart.accounts.services.tokens import (
    api_token_authenticate,
    api_token_create,
    api_token_revoke,
    tokens_revoke_all,
)
from counterpart.accounts.services.two_factor import (
    totp_device_confirm,
    totp_device_start,
    totp_devices_remove,
)
from counterpart.accounts.services.users import (
    SYSTEM_USERNAME,
    membership_grant,
    membership_revoke,
    password_change,
    system_actor,
    user_create,
    user_reactivate,
    user_suspend,
)

__all__ = [
    "SYSTEM_USERNAME",
    "api_token_authenticate",
    "api_token_create",
    "api_token_revoke",
    "invitation_accept",
    "invitation_create",
    "invitation_key_issue",
    "invitation_resend",
    "invitation_withdraw",
    "membership_grant",
    "membership_revoke",
    "password_change",
    "session_end",
    "session_forgotten",
    "session_seen",
    "session_started",
    "sessions_end_all",
    "system_actor",
    "tokens_revoke_all",
    "totp_device_confirm",
    "totp_device_start",
    "totp_devices_remove",
    "user_create",
    "user_reactivate",
    "user_suspend",
]
