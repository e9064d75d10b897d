"""Writes for users and their memberships: creation, roles given and taken, suspension,
passwords."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.accounts.choices import Role
from counterpart.accounts.models import Membership, User
from counterpart.accounts.selectors import SYSTEM_USERNAME
from counterpart.accounts.services.sessions import sessions_end_all
from counterpart.accounts.services.tokens import tokens_revoke_all
from counterpart.audit.services import audit_record
from counterpart.audit.snapshot import snapshot
from counterpart.core.lookups import related_or_error
from counterpart.core.service import bookkeeping, service


@bookkeeping(why="the system's own account, made on first use")
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


@service
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


@service
def membership_grant(*, actor, user: User, organization, role: str) -> Membership:
    """Let `user` act for `organization` (or its id, checked to exist) in `role`: the office
    gives any role; a team administrator the team roles, in its own organization."""
    if isinstance(organization, int):
        organization = related_or_error(Membership, "organization", organization)
    membership = Membership(user=user, organization=organization, role=role)
    membership.full_clean()
    permissions.require(role in permissions.grantable_roles(actor, membership.organization))
    if Membership.objects.filter(user=user, organization=membership.organization, role=role):
        raise ValidationError({"role": _("This person already has this role there.")})
    membership.save()
    audit_record(
        actor=actor,
        event_type="membership.granted",
        obj=membership,
        after=snapshot(membership, exclude=("created_at",)),
    )
    return membership


@service
def membership_revoke(*, actor, membership: Membership) -> None:
    """The user no longer acts for that organization in that role; the log keeps that they did."""
    permissions.require(
        membership.role in permissions.grantable_roles(actor, membership.organization)
    )
    audit_record(
        actor=actor,
        event_type="membership.revoked",
        obj=membership,
        before=snapshot(membership, exclude=("created_at",)),
    )
    membership.delete()


@service
def password_change(*, actor, user: User, new_password: str) -> User:
    """A new password for one's own account (or, for the office, anyone's). Every API token of
    the user stops working at once: a password change is how one shuts out whoever knew the old
    one, and a token would outlive it."""
    if actor.pk != user.pk:
        permissions.require(permissions.can_manage_programme(actor))
    validate_password(new_password, user)
    user.set_password(new_password)
    user.save(update_fields=["password"])
    audit_record(
        actor=actor,
        event_type="user.password_changed",
        obj=user,
        after={"tokens_revoked": tokens_revoke_all(user=user)},
    )
    return user


@service
def user_suspend(*, actor, user: User, reason: str) -> User:
    """The office stops a person at once: no sign-in, every browser signed out, every API token
    revoked. Their records, memberships and history stay; `user_reactivate` undoes it."""
    permissions.require(permissions.can_suspend(actor, user))
    if user.pk == actor.pk:
        raise ValidationError({"user": _("You cannot suspend yourself.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the person is suspended.")})
    if not user.is_active:
        raise ValidationError({"user": _("This person is suspended already.")})
    user.is_active = False
    user.save(update_fields=["is_active"])
    audit_record(
        actor=actor,
        event_type="user.suspended",
        obj=user,
        after={
            "tokens_revoked": tokens_revoke_all(user=user),
            "sessions_ended": sessions_end_all(user=user),
        },
        reason=reason,
    )
    return user


@service
def user_reactivate(*, actor, user: User, reason: str = "") -> User:
    permissions.require(permissions.can_suspend(actor, user))
    if user.is_active:
        raise ValidationError({"user": _("This person is not suspended.")})
    user.is_active = True
    user.save(update_fields=["is_active"])
    audit_record(actor=actor, event_type="user.reactivated", obj=user, reason=reason)
    return user
