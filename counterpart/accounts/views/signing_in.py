from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django_otp import login as otp_login

from counterpart.accounts import services, throttle
from counterpart.accounts.forms import (
    QueuedPasswordResetForm,
    ResetPasswordForm,
    ThrottledLoginForm,
    ThrottledPasswordChangeForm,
)


class LoginView(auth_views.LoginView):
    form_class = ThrottledLoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        if form.device is not None:  # the second factor was given with the password
            otp_login(self.request, form.device)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """A new password by e-mail: the link goes out on the work queue, to an active account of
    that address. Requests are throttled like sign-ins (per address and e-mail)."""

    form_class = QueuedPasswordResetForm
    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        address = throttle.client_address(self.request)
        if throttle.attempt(username=email, address=address):  # each request counts
            form.send_by_queue(language=translation.get_language() or "en")
        return redirect(self.success_url)  # the same answer whether the address is known


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = ResetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form):
        services.password_change(
            actor=form.user, user=form.user, new_password=form.cleaned_data["new_password1"]
        )
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        messages.success(
            self.request, _("Your new password is set; your API tokens were revoked. Sign in.")
        )
        return redirect(self.success_url)


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = ThrottledPasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        user = services.password_change(
            actor=self.request.user,
            user=self.request.user,
            new_password=form.cleaned_data["new_password1"],
        )
        update_session_auth_hash(self.request, user)
        messages.success(
            self.request, _("Your password was changed; your API tokens were revoked.")
        )
        return redirect(self.success_url)
