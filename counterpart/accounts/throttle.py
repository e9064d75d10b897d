"""The sign-in throttle: failures are counted per username, and per username and address.

A username is one person however it is typed (" auditor", "AUDITOR", "ａｕｄｉｔｏｒ"). An address
alone is never counted: an office behind one address must not be locked out by one attacker. The
counters live in the database cache, which every worker process shares.
"""

import ipaddress
import unicodedata

from django.conf import settings
from django.core.cache import cache

# A username is paused after this many times the per-address allowance, whatever the addresses.
ACROSS_ADDRESSES = 4


def same_person(username: str) -> str:
    return unicodedata.normalize("NFKC", username or "").strip().casefold()


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or, when that is a proxy the settings trust, the
    nearest address in X-Forwarded-For that is not one of those proxies."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = set(settings.TRUSTED_PROXIES)
    if remote not in trusted:
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for address in reversed(forwarded):
        if address and address not in trusted and _is_address(address):
            return address
    return remote


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _keys(username: str, address: str) -> tuple[str, str]:
    person = same_person(username)
    return f"login-fail:user:{person}", f"login-fail:pair:{person}:{address}"


def is_throttled(*, username: str, address: str) -> bool:
    per_user, per_pair = _keys(username, address)
    limit = settings.LOGIN_THROTTLE_ATTEMPTS
    return (cache.get(per_pair) or 0) >= limit or (
        cache.get(per_user) or 0
    ) >= limit * ACROSS_ADDRESSES


def failed(*, username: str, address: str) -> None:
    for key in _keys(username, address):
        cache.add(key, 0, timeout=settings.LOGIN_THROTTLE_SECONDS)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=settings.LOGIN_THROTTLE_SECONDS)


def succeeded(*, username: str, address: str) -> None:
    """The right password from this address: its failures are forgiven (not others')."""
    cache.delete(_keys(username, address)[1])
