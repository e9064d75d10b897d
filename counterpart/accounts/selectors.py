"""Reads of users and memberships."""

from counterpart.accounts import permissions
from counterpart.accounts.models import Membership, User


def user_by_username(*, actor, username: str) -> User | None:
    """A user by username, for the office (accounts are its to give)."""
    permissions.require(permissions.can_manage_programme(actor))
    return User.objects.filter(username=username).first()


def has_membership(*, user: User, organization, role: str) -> bool:
    return Membership.objects.filter(user=user, organization=organization, role=role).exists()
