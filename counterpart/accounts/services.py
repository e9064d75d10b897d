"""Writes for users, memberships and API tokens; the login throttle."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.accounts.models import ApiToken, Membership, Role, User, hash_token
from counterpart.audit.services import audit_record, snapshot

SYSTEM_USERNAME = "system"


def system_actor() -> User:
    """The actor for work started from the command line (demo data, imports).

    It holds the office's rights in memory only: it has no membership row and cannot sign in.
    """
    user, created = User.objects.get_or_create(
        username=SYSTEM_USERNAME, defaults={"is_active": False, "display_name": "System"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    user._membership_cache = [Membership(user=user, role=Role.PROGRAMME_OFFICE)]
    return user


@transaction.atomic
def user_create(
    *,
    actor,
    username: str,
    password: str,
    display_name: str = "",
    email: str = "",
    is_superuser: bool = False,
) -> User:
    permissions.require(permissions.can_manage_programme(actor))
    user = User(
        username=username,
        display_name=display_name,
        email=email,
        is_superuser=is_superuser,
        is_staff=is_superuser,
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    audit_record(
        actor=actor,
        event_type="user.created",
        obj=user,
        after=snapshot(user, exclude=("last_login",)),
    )
    return user


@transaction.atomic
def membership_grant(*, actor, user: User, organization, role: str) -> Membership:
    """`organization`: an Organization, or its id (checked to exist, naming the field)."""
    permissions.require(permissions.can_manage_programme(actor))
    if isinstance(organization, int):
        membership = Membership(user=user, organization_id=organization, role=role)
    else:
        membership = Membership(user=user, organization=organization, role=role)
    membership.full_clean()
    membership.save()
    audit_record(
        actor=actor,
        event_type="membership.granted",
        obj=membership,
        after=snapshot(membership, exclude=("created_at",)),
    )
    return membership


@transaction.atomic
def membership_revoke(*, actor, membership: Membership) -> None:
    permissions.require(permissions.can_manage_programme(actor))
    audit_record(
        actor=actor,
        event_type="membership.revoked",
        obj=membership,
        before=snapshot(membership, exclude=("created_at",)),
    )
    membership.delete()


@transaction.atomic
def api_token_create(*, actor, name: str) -> tuple[ApiToken, str]:
    """A new token for the actor's own use. The raw key is returned once and never stored."""
    if not name.strip():
        raise ValidationError({"name": _("Give the token a name, e.g. where it will be used.")})
    raw = ApiToken.new_key()
    token = ApiToken.objects.create(
        user=actor, name=name.strip(), prefix=raw[3:11], key_hash=hash_token(raw)
    )
    audit_record(
        actor=actor,
        event_type="api_token.created",
        obj=token,
        after={"name": token.name, "prefix": token.prefix},
    )
    return token, raw


@transaction.atomic
def api_token_revoke(*, actor, token: ApiToken) -> ApiToken:
    if token.user_id != actor.pk:
        raise permissions.PermissionDenied
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


def api_token_authenticate(raw: str) -> User | None:
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


@transaction.atomic
def password_change(*, actor, user: User, new_password: str) -> User:
    """A new password for one's own account (or, for the office, anyone's). Every API token of
    the user stops working at once: a password change is how one shuts out whoever knew the old
    one, and a token would outlive it."""
    if actor.pk != user.pk:
        permissions.require(permissions.can_manage_programme(actor))
    user.set_password(new_password)
    user.save(update_fields=["password"])
    revoked = user.api_tokens.filter(revoked_at__isnull=True)
    prefixes = list(revoked.values_list("prefix", flat=True))
    revoked.update(revoked_at=timezone.now())
    audit_record(
        actor=actor,
        event_type="user.password_changed",
        obj=user,
        after={"tokens_revoked": prefixes},
    )
    return user
