"""Reads of users and memberships."""

from django.shortcuts import get_object_or_404

from counterpart.accounts import permissions
from counterpart.accounts.models import Membership, User


def user_by_username(*, actor, username: str) -> User | None:
    """A user by username, for the office (accounts are its to give)."""
    permissions.require(permissions.can_manage_programme(actor))
    return User.objects.filter(username=username).first()


def has_membership(*, user: User, organization, role: str) -> bool:
    return Membership.objects.filter(user=user, organization=organization, role=role).exists()


def membership_list(*, actor, user: User | None = None):
    """Who acts for which organization in which role: the office's to see and change."""
    permissions.require(permissions.can_manage_programme(actor))
    memberships = Membership.objects.select_related("user", "organization").order_by("pk")
    return memberships.filter(user=user) if user is not None else memberships


def membership_get(*, actor, pk: int) -> Membership:
    return get_object_or_404(membership_list(actor=actor), pk=pk)


def user_list(*, actor):
    permissions.require(permissions.can_manage_programme(actor))
    return User.objects.exclude(username="system").order_by("username")
