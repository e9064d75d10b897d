"""Reads of users and memberships."""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.accounts.models import (
    ApiToken,
    Invitation,
    Membership,
    User,
    UserSession,
    hash_token,
)

SYSTEM_USERNAME = "system"  # the command line's actor (accounts.services.system_actor)


def user_by_username(*, actor, username: str) -> User | None:
    """A user by username, for the office (accounts are its to give)."""
    permissions.require(permissions.can_manage_programme(actor))
    return User.objects.filter(username=username).first()


def has_membership(*, user: User, organization, role: str) -> bool:
    return Membership.objects.filter(user=user, organization=organization, role=role).exists()


def members(*, role: str, organizations=None, serving=None, region_level: str = ""):
    """Active users holding `role`: in one of `organizations` (ids), or in an organization whose
    place holds the region `serving` (a recipient team of it or of a place above it). Who is
    told that something waits for their team."""
    memberships = Membership.objects.filter(role=role)
    if organizations is not None:
        memberships = memberships.filter(organization__in=list(organizations))
    if serving is not None:
        memberships = memberships.filter(organization__region__in=serving.lineage_ids())
    if region_level:
        memberships = memberships.filter(organization__region__level=region_level)
    return User.objects.filter(is_active=True, pk__in=memberships.values("user"))


def membership_list(*, actor, user: User | None = None):
    """Who acts for which organization in which role: all of it for the office; a team
    administrator sees the roles in its own organizations."""
    permissions.require(permissions.administers_people(actor))
    memberships = Membership.objects.select_related("user", "organization").order_by("pk")
    scope = permissions.administered(actor, "organization")
    memberships = memberships if scope is None else memberships.filter(scope)
    return memberships.filter(user=user) if user is not None else memberships


def membership_get(*, actor, pk: int) -> Membership:
    return get_object_or_404(membership_list(actor=actor), pk=pk)


def user_list(
    *,
    actor,
    search: str = "",
    role: str = "",
    organization=None,
    active: bool | None = None,
):
    """The people the actor administers (everyone for the office; for a team administrator,
    those with a role in its organizations), found by username, name or e-mail, by a role, an
    organization, or whether they are active."""
    permissions.require(permissions.administers_people(actor))
    users = User.objects.exclude(username=SYSTEM_USERNAME).order_by("username")
    scope = permissions.administered(actor, "memberships__organization")
    if scope is not None:
        users = users.filter(scope)
    if search:
        users = users.filter(
            Q(username__icontains=search)
            | Q(display_name__icontains=search)
            | Q(email__icontains=search)
        )
    if role:
        users = users.filter(memberships__role=role)
    if organization is not None:
        users = users.filter(memberships__organization=organization)
    if active is not None:
        users = users.filter(is_active=active)
    # Each person's roles as the actor may see them: a team administrator only its own.
    return users.distinct().prefetch_related(
        Prefetch("memberships", queryset=membership_list(actor=actor))
    )


def invitation_list(*, actor, pending: bool = False):
    """Invitations the actor sent or could have sent (its organizations' for a team
    administrator), newest first."""
    permissions.require(permissions.administers_people(actor))
    invitations = Invitation.objects.select_related("organization", "invited_by")
    scope = permissions.administered(actor, "organization")
    invitations = invitations if scope is None else invitations.filter(scope)
    if pending:
        invitations = invitations.filter(
            accepted_at__isnull=True, withdrawn_at__isnull=True, expires_at__gt=timezone.now()
        )
    return invitations


def invitation_to_send(*, pk: int) -> Invitation:
    """An invitation as its e-mail tells it (for the queue's job that sends it)."""
    return Invitation.objects.select_related("organization", "invited_by").get(pk=pk)


def active_user(*, pk: int) -> User:
    return User.objects.get(pk=pk, is_active=True)


def api_token_own(*, actor, pk: int) -> ApiToken:
    """One of the actor's own tokens (404 for anyone else's)."""
    return get_object_or_404(ApiToken, pk=pk, user=actor)


def session_own(*, actor, pk: int) -> UserSession:
    """One of the actor's own signed-in browsers (404 for anyone else's)."""
    return get_object_or_404(UserSession, pk=pk, user=actor)


def invitation_by_key(raw: str) -> Invitation:
    """The pending, unexpired invitation of a link, or an error saying why it does not work."""
    invitation = (
        Invitation.objects.select_related("organization")
        .filter(key_hash=hash_token(raw or ""))
        .first()
    )
    if invitation is None or invitation.withdrawn_at is not None:
        raise ValidationError({"key": _("This invitation link does not work. Ask for a new one.")})
    if invitation.accepted_at is not None:
        raise ValidationError({"key": _("This invitation was used already: sign in instead.")})
    if invitation.expires_at <= timezone.now():
        raise ValidationError({"key": _("This invitation has expired. Ask for a new one.")})
    return invitation
