from django.contrib.auth import views as auth_views
from django.urls import path

from counterpart.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("two-factor/", views.two_factor_view, name="two_factor"),
    path("invitations/<str:key>/", views.invitation_view, name="invitation"),
    path("", views.account_view, name="account"),
    path("tokens/<int:pk>/revoke/", views.api_token_revoke_view, name="token_revoke"),
    path("sessions/<int:pk>/end/", views.session_end_view, name="session_end"),
]
