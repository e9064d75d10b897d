"""API tokens: made by their owner with a name and an expiry, shown once, revoked at will."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.accounts.models import ApiToken, User, hash_token
from counterpart.audit.services import audit_record
from counterpart.core.service import bookkeeping, service, step

MAX_DAYS = 366  # a token lives a year at most: scripts are renewed, not forgotten


@service
def api_token_create(
    *, actor, name: str, expires_on: datetime.date | None = None
) -> tuple[ApiToken, str]:
    """A new token for the actor's own use, until `expires_on` (a year from today when not
    given). The raw key is returned once and never stored."""
    today = timezone.localdate()
    errors = {}
    if not name.strip():
        errors["name"] = _("Give the token a name, e.g. where it will be used.")
    expires_on = expires_on or today + datetime.timedelta(days=MAX_DAYS)
    if not today < expires_on <= today + datetime.timedelta(days=MAX_DAYS):
        errors["expires_on"] = _("A token expires after today and within a year.")
    if errors:
        raise ValidationError(errors)
    raw = ApiToken.new_key()
    token = ApiToken(
        user=actor,
        name=name.strip(),
        prefix=raw[3:11],
        key_hash=hash_token(raw),
        second_factor=_verified(actor),
        expires_at=timezone.make_aware(datetime.datetime.combine(expires_on, datetime.time.max)),
    )
    token.full_clean()
    token.save()
    audit_record(
        actor=actor,
        event_type="api_token.created",
        obj=token,
        after={"name": token.name, "prefix": token.prefix, "expires_on": expires_on.isoformat()},
    )
    return token, raw


@service
def api_token_revoke(*, actor, token: ApiToken) -> ApiToken:
    if token.user_id != actor.pk:
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            actor=actor,
            event_type="api_token.revoked",
            obj=token,
            after={"name": token.name, "prefix": token.prefix},
        )
    return token


@step
def tokens_revoke_all(*, user: User) -> list[str]:
    """Every live token of the user, revoked now (inside the caller's audited change)."""
    live = user.api_tokens.filter(revoked_at__isnull=True)
    prefixes = list(live.values_list("prefix", flat=True))
    live.update(revoked_at=timezone.now())
    return prefixes


def _verified(actor) -> bool:
    """Whether the actor's session gave a second factor (django-otp marks it)."""
    is_verified = getattr(actor, "is_verified", None)
    return bool(is_verified and is_verified())


@bookkeeping(why="a token's last use: metadata of the request")
def api_token_authenticate(raw: str) -> User | None:
    """The user of a live token (not revoked, not expired, its user active), or None. Stamps
    the token's last use: metadata of the request, not a change anyone makes."""
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(raw), revoked_at__isnull=True, user__is_active=True)
        .exclude(expires_at__lte=now)
        .first()
    )
    if token is None:
        return None
    if not token.second_factor and permissions.needs_second_factor(token.user):
        return None  # made before the account had to give a second factor: it carries none
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
