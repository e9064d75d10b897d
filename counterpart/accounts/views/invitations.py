"""Accepting an invitation: the invited person chooses a username and a password."""

from django import forms
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from counterpart.accounts import selectors, services
from counterpart.core.forms import show_service_errors


class AcceptForm(forms.Form):
    username = forms.CharField(label=gettext_lazy("Username"), max_length=150)
    display_name = forms.CharField(label=gettext_lazy("Your name"), max_length=150, required=False)
    password = forms.CharField(
        label=gettext_lazy("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )


def invitation_view(request, key: str):
    try:
        invitation = selectors.invitation_by_key(key)
    except ValidationError as refused:
        return render(
            request, "accounts/invitation.html", {"refused": refused.messages}, status=410
        )
    form = AcceptForm(request.POST or None, initial={"display_name": invitation.display_name})
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(key=key, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome. Your account is ready."))
            return redirect("home")
    return render(request, "accounts/invitation.html", {"invitation": invitation, "form": form})
