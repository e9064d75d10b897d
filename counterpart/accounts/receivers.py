"""Signed-in browsers, recorded as Django signs people in and out."""

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

from counterpart.accounts import services, throttle


@receiver(user_logged_in)
def browser_signed_in(sender, request, user, **kwargs) -> None:
    key = getattr(getattr(request, "session", None), "session_key", None)
    if key:  # Django's login() has just given the session its new key
        services.session_started(
            user=user,
            session_key=key,
            address=throttle.client_address(request),
            user_agent=request.META.get("HTTP_USER_AGENT", ""),
        )


@receiver(user_logged_out)
def browser_signed_out(sender, request, user, **kwargs) -> None:
    key = getattr(getattr(request, "session", None), "session_key", None)
    if key:
        services.session_forgotten(session_key=key)
