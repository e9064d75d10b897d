"""Memberships: which organization each user acts for, in which role (the office's to give)."""

import datetime

from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.pagination import paginate

from counterpart.accounts import selectors, services
from counterpart.accounts.models import Role
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
