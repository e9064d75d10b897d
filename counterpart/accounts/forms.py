from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, match_token

from counterpart.accounts import throttle
from counterpart.core.forms import DATE
from counterpart.jobs.services import job_start


class ThrottledLoginForm(AuthenticationForm):
    """Sign-in that pauses a username or an address after repeated failures, and asks those who
    set up a second factor for the code their authenticator app shows."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        required=False,
        max_length=12,
        help_text=_("Only if you set up a second factor."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "throttled": _("Too many failed sign-ins. Wait a few minutes and try again."),
        "code": _("Enter the code your authenticator app shows now."),
    }
    device = None  # the second factor given, for the view to mark the session with

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # the words the rest of the product uses (Django's own Uyghur says "username" otherwise)
        self.fields["username"].label = _("Username")
        self.fields["password"].label = _("Password")

    def clean(self):
        """Counted before anything is judged (accounts/throttle.py); only a right password,
        and code where one is set up, forgives."""
        username = str(self.data.get("username", ""))
        address = throttle.client_address(self.request) if self.request else ""
        if not throttle.attempt(username=username, address=address):
            raise forms.ValidationError(self.error_messages["throttled"], code="throttled")
        cleaned = super().clean()
        self._check_second_factor(cleaned.get("code", ""))
        if self.get_user() is not None:  # an empty or malformed submission judged nothing
            throttle.succeeded(username=username, address=address)
        return cleaned

    def _check_second_factor(self, code: str) -> None:
        user = self.get_user()
        if user is None or not any(devices_for_user(user, confirmed=True)):
            return
        self.device = match_token(user, code.replace(" ", "")) if code else None
        if self.device is None:
            raise forms.ValidationError(self.error_messages["code"], code="code")


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("Where it will be used, e.g. 'monthly export script'."),
    )
    expires_on = forms.DateField(
        label=_("Expires on"),
        required=False,
        widget=DATE,
        help_text=_("At most a year from today; a year when left empty."),
    )


class ThrottledPasswordChangeForm(PasswordChangeForm):
    """A password change whose old-password check is throttled like the sign-in: a session
    left open must not become a way to guess the password."""

    error_messages = {**PasswordChangeForm.error_messages, **ThrottledLoginForm.error_messages}

    def __init__(self, user, *args, request=None, **kwargs):
        self.request = request
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self):
        username = self.user.get_username()
        address = throttle.client_address(self.request) if self.request else ""
        if not throttle.attempt(username=username, address=address):
            raise forms.ValidationError(self.error_messages["throttled"], code="throttled")
        old = super().clean_old_password()
        throttle.succeeded(username=username, address=address)
        return old

    def save(self, commit=True):
        raise NotImplementedError("accounts.services.password_change saves it")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's form, but the e-mail goes out on the work queue (a slow mail server never holds
    the page), made there with its one-time link."""

    def send_by_queue(self, *, language: str) -> int:
        users = list(self.get_users(self.cleaned_data["email"]))
        for user in users:
            job_start(
                actor=None,
                kind="counterpart.accounts.jobs.send_password_reset",
                params={"user_id": user.pk, "language": language},
            )
        return len(users)


class ResetPasswordForm(SetPasswordForm):
    def save(self, commit=True):
        raise NotImplementedError("accounts.services.password_change saves it")
