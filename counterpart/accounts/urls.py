from django.contrib.auth import views as auth_views
from django.urls import path

from counterpart.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("", views.account_view, name="account"),
    path("tokens/<int:pk>/revoke/", views.api_token_revoke_view, name="token_revoke"),
]
