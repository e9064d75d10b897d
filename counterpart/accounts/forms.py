from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.utils.translation import gettext_lazy as _

from counterpart.accounts import throttle


class ThrottledLoginForm(AuthenticationForm):
    """Sign-in that pauses a username or an address after repeated failures."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "throttled": _("Too many failed sign-ins. Wait a few minutes and try again."),
    }

    def clean(self):
        username = self.data.get("username", "")
        address = throttle.client_address(self.request) if self.request else ""
        if throttle.is_throttled(username=username, address=address):
            raise forms.ValidationError(self.error_messages["throttled"], code="throttled")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            throttle.failed(username=username, address=address)
            raise
        throttle.succeeded(username=username, address=address)
        return cleaned


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("Where it will be used, e.g. 'monthly export script'."),
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
        if throttle.is_throttled(username=username, address=address):
            raise forms.ValidationError(self.error_messages["throttled"], code="throttled")
        try:
            return super().clean_old_password()
        except forms.ValidationError:
            throttle.failed(username=username, address=address)
            raise

    def save(self, commit=True):
        raise NotImplementedError("accounts.services.password_change saves it")
