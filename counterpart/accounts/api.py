"""People and their access: users, their memberships (which organization each acts for, in
which role), invitations and suspension. The office administers everyone; a team administrator
the people of its own organizations."""

import datetime
import typing

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from counterpart.accounts import selectors, services
from counterpart.accounts.choices import Role
from counterpart.core.lookups import visible_or_error
from counterpart.core.schemas import InputSchema

router = Router(tags=["accounts"])


class MembershipOut(Schema):
    id: int
    user_id: int
    username: str
    organization_id: int
    role: Role
    created_at: datetime.datetime

    @staticmethod
    def resolve_username(membership) -> str:
        return membership.user.username


class MembershipIn(InputSchema):
    user_id: int
    organization_id: int
    role: Role


@router.get("/memberships", response=list[MembershipOut])
@paginate
def list_memberships(request, user_id: int | None = None):
    actor = request.auth
    user = visible_or_error(
        selectors.user_list(actor=actor), user_id, field="user_id", message=_("No user %(id)s.")
    )
    return selectors.membership_list(actor=actor, user=user)


@router.post("/memberships", response={201: MembershipOut})
def grant_membership(request, payload: MembershipIn):
    """Let a user act for an organization in a role."""
    actor = request.auth
    user = visible_or_error(
        selectors.user_list(actor=actor),
        payload.user_id,
        field="user_id",
        message=_("No user %(id)s."),
    )
    return 201, services.membership_grant(
        actor=actor, user=user, organization=payload.organization_id, role=payload.role
    )


@router.delete("/memberships/{membership_id}", response={204: None})
def revoke_membership(request, membership_id: int):
    """The user no longer acts for that organization in that role (the log keeps that they did)."""
    actor = request.auth
    services.membership_revoke(
        actor=actor, membership=selectors.membership_get(actor=actor, pk=membership_id)
    )
    return 204, None


class UserOut(Schema):
    id: int
    username: str
    display_name: str
    email: str
    is_active: bool
    last_login: datetime.datetime | None
    memberships: list[MembershipOut]

    @staticmethod
    def resolve_memberships(user) -> list:
        return list(user.memberships.all())


@router.get("/users", response=list[UserOut])
@paginate
def list_users(request, q: str = "", active: bool | None = None):
    """The people the caller administers; `q` searches username, name and e-mail."""
    return selectors.user_list(actor=request.auth, search=q[:100], active=active)


@router.get("/users/{user_id}", response=UserOut)
def get_user(request, user_id: int):
    return get_object_or_404(selectors.user_list(actor=request.auth), pk=user_id)


class ReasonIn(InputSchema):
    reason: str = Field(max_length=500)


@router.post("/users/{user_id}/suspend", response=UserOut)
def suspend_user(request, user_id: int, payload: ReasonIn):
    """Stop the person at once: no sign-in, every browser signed out, every token revoked."""
    actor = request.auth
    user = get_object_or_404(selectors.user_list(actor=actor), pk=user_id)
    return services.user_suspend(actor=actor, user=user, reason=payload.reason)


@router.post("/users/{user_id}/reactivate", response=UserOut)
def reactivate_user(request, user_id: int, payload: ReasonIn):
    actor = request.auth
    user = get_object_or_404(selectors.user_list(actor=actor), pk=user_id)
    return services.user_reactivate(actor=actor, user=user, reason=payload.reason)


Language = typing.Literal[tuple(code for code, _name in settings.LANGUAGES)]


class InvitationOut(Schema):
    id: int
    email: str
    display_name: str
    organization_id: int
    role: Role
    language: str
    invited_by_id: int | None
    created_at: datetime.datetime
    expires_at: datetime.datetime
    accepted_at: datetime.datetime | None
    withdrawn_at: datetime.datetime | None


class InvitationIn(InputSchema):
    email: str = Field(max_length=254)
    display_name: str = Field("", max_length=150)
    organization_id: int
    role: Role
    language: Language = "en"


@router.get("/invitations", response=list[InvitationOut])
@paginate
def list_invitations(request, pending: bool = False):
    return selectors.invitation_list(actor=request.auth, pending=pending)


@router.post("/invitations", response={201: InvitationOut})
def create_invitation(request, payload: InvitationIn):
    """Invite a person by e-mail to act for an organization in a role; the e-mail with its
    one-time link (valid a week) goes out on the work queue."""
    return 201, services.invitation_create(
        actor=request.auth,
        email=payload.email,
        display_name=payload.display_name,
        organization=payload.organization_id,
        role=payload.role,
        language=payload.language,
    )


@router.post("/invitations/{invitation_id}/resend", response={202: InvitationOut})
def resend_invitation(request, invitation_id: int):
    """Send the e-mail again with a new link (the old one stops working)."""
    actor = request.auth
    invitation = _invitation(actor, invitation_id)
    return 202, services.invitation_resend(actor=actor, invitation=invitation)


@router.delete("/invitations/{invitation_id}", response={204: None})
def withdraw_invitation(request, invitation_id: int):
    actor = request.auth
    services.invitation_withdraw(actor=actor, invitation=_invitation(actor, invitation_id))
    return 204, None


def _invitation(actor, pk: int):
    return get_object_or_404(selectors.invitation_list(actor=actor), pk=pk)
