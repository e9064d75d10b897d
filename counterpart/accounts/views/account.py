"""One's own account: roles, signed-in browsers, API tokens, and the second factor."""

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from counterpart.accounts import permissions, selectors, services, throttle
from counterpart.accounts.forms import ApiTokenForm, CodeForm, ThrottledLoginForm
from counterpart.core.forms import show_service_errors


@login_required
def account_view(request):
    user = request.user
    form = ApiTokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_key = services.api_token_create(actor=user, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            form = ApiTokenForm()
    return render(
        request,
        "accounts/account.html",
        {
            "form": form,
            "new_key": new_key,
            "tokens": user.api_tokens.filter(revoked_at__isnull=True),
            "sessions": user.sessions.all(),
            "this_session": request.session.session_key,
            "has_second_factor": permissions.user_has_device(user),
        },
    )


@login_required
@require_POST
def api_token_revoke_view(request, pk: int):
    token = selectors.api_token_own(actor=request.user, pk=pk)
    services.api_token_revoke(actor=request.user, token=token)
    messages.success(request, _("Token revoked."))
    return redirect("accounts:account")


@login_required
@require_POST
def session_end_view(request, pk: int):
    session = selectors.session_own(actor=request.user, pk=pk)
    services.session_end(actor=request.user, session=session)
    messages.success(request, _("That browser is signed out."))
    return redirect("accounts:account")


@login_required
def two_factor_view(request):
    """Set up a second factor (scan the code, type what the app shows), or give it for this
    session when it is set up and required."""
    user = request.user
    form = CodeForm(request.POST or None)
    device = TOTPDevice.objects.filter(user=user).order_by("-confirmed", "-id").first()
    if request.method == "POST" and request.POST.get("action") == "start":
        device = services.totp_device_start(actor=user)
        form = CodeForm()
    elif request.method == "POST" and device is not None and form.is_valid():
        code = form.cleaned_data["code"].replace(" ", "")
        address = throttle.client_address(request)
        try:
            if not throttle.attempt(username=user.get_username(), address=address):
                raise ValidationError({"code": ThrottledLoginForm.error_messages["throttled"]})
            if device.confirmed:
                if not device.verify_token(code):
                    raise ValidationError(
                        {"code": _("This code is not the one the app shows now.")}
                    )
                throttle.succeeded(username=user.get_username(), address=address)
            else:
                device = services.totp_device_confirm(actor=user, device=device, code=code)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            otp_login(request, device)
            messages.success(request, _("Second factor given."))
            return redirect("accounts:account")
    context = {
        "form": form,
        "device": device,
        "required": permissions.needs_second_factor(user),
        "verified": user.is_verified(),
    }
    if device is not None and not device.confirmed:
        context["qr"] = segno.make(device.config_url, error="m").svg_inline(scale=4)
        context["secret"] = device.config_url.split("secret=")[1].split("&")[0]
    return render(request, "accounts/two_factor.html", context)
