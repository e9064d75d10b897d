"""The sign-in throttle: an attempt is counted before its password (or code, or current
password) is judged, per person and per person from one address, and forgiven only by a
success.

Counting first is what holds under attack: forty attempts sent at once each take a number, in
one atomic statement of the database (an upsert that returns the new count), before any slow
password hash runs; only those within the allowance are judged. An address whose attempts are
refused adds nothing to the person's count, so one address can neither lock the person out
everywhere nor buy more guesses. Empty or malformed submissions count like wrong passwords.
The pause lasts `LOGIN_THROTTLE_SECONDS` after the last attempt counted.

A username is one person however it is typed (" auditor", "AUDITOR", "ａｕｄｉｔｏｒ"). An address
alone is never counted: an office behind one address must not be locked out by one attacker.

Why not django-axes: it counts a failure after the password was judged, so attempts sent at
once all pass its check before any is counted, which is the hole this closes. The counters are
a table of their own (not the cache) because only the database's upsert is atomic on both
SQLite and PostgreSQL; they are bookkeeping of attacks, not records of the programme, so they
are not audited."""

import hashlib
import ipaddress
import time
import unicodedata

from django.conf import settings
from django.db import connection

from counterpart.accounts.models import SignInCount

# A person is paused after this many times the per-address allowance, whatever the addresses.
ACROSS_ADDRESSES = 4
TABLE = SignInCount._meta.db_table


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
    pair = hashlib.sha256(f"pair\n{person}\n{address}".encode()).hexdigest()
    alone = hashlib.sha256(f"person\n{person}".encode()).hexdigest()
    return pair, alone


def _counted(key: str) -> int:
    """One more attempt on `key`, atomically: the new count (1 when the last had expired)."""
    now = int(time.time())
    table, key_, count, expires = (
        connection.ops.quote_name(name) for name in (TABLE, "key", "count", "expires")
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key_}, {count}, {expires}) VALUES (%s, 1, %s) "
            f"ON CONFLICT ({key_}) DO UPDATE SET "
            f"{count} = CASE WHEN {table}.{expires} <= %s THEN 1 ELSE {table}.{count} + 1 END, "
            f"{expires} = excluded.{expires} RETURNING {count}",
            [key, now + settings.LOGIN_THROTTLE_SECONDS, now],
        )
        return cursor.fetchone()[0]


def attempt(*, username: str, address: str) -> bool:
    """Count an attempt for `username` from `address`; whether it may be judged."""
    pair, alone = _keys(username, address)
    limit = settings.LOGIN_THROTTLE_ATTEMPTS
    if _counted(pair) > limit:
        return False  # refused here: the person's own count is not touched
    return _counted(alone) <= limit * ACROSS_ADDRESSES


def is_throttled(*, username: str, address: str) -> bool:
    """Whether the next attempt would be refused (read only: pages that only show it)."""
    pair, alone = _keys(username, address)
    counts = dict(
        SignInCount.objects.filter(key__in=[pair, alone], expires__gt=int(time.time())).values_list(
            "key", "count"
        )
    )
    limit = settings.LOGIN_THROTTLE_ATTEMPTS
    return counts.get(pair, 0) >= limit or counts.get(alone, 0) >= limit * ACROSS_ADDRESSES


def succeeded(*, username: str, address: str) -> None:
    """The right password (and code): the person's and this address's count start again."""
    keys = list(_keys(username, address))
    table, key_ = connection.ops.quote_name(TABLE), connection.ops.quote_name("key")
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {key_} IN (%s, %s)", keys)
