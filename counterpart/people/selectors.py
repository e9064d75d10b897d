"""Reads for the people pages that need places: the organizations the actor may staff."""

from counterpart.accounts import permissions
from counterpart.places.models import Organization


def organizations_to_staff(*, actor):
    """Where the actor may give roles: every organization for the office; a team
    administrator's own and those under them."""
    organizations = Organization.objects.select_related("region").order_by("name_en")
    scope = permissions.administered(actor, "")
    return organizations if scope is None else organizations.filter(scope)
