"""The people list's filters, search and sorts (core.listing)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from counterpart.accounts.choices import Role
from counterpart.accounts.models import User
from counterpart.core.listing import ListFilter, Ordering
from counterpart.people import selectors as people

STATUSES = [("active", _("Active")), ("suspended", _("Suspended"))]


def _organizations(request):
    return people.organizations_to_staff(actor=request.user)


class PeopleFilter(ListFilter):
    search_fields = ("username", "display_name", "email")
    organization = django_filters.ModelChoiceFilter(
        label=_("Organization"), field_name="memberships__organization", queryset=_organizations
    )
    role = django_filters.ChoiceFilter(
        label=_("Role"), field_name="memberships__role", choices=Role.choices
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=STATUSES, method="by_status")
    sort = Ordering(
        fields=(("username", "username"), ("display_name", "name"), ("last_login", "seen")),
        field_labels={"username": _("Username"), "name": _("Name"), "seen": _("Last sign-in")},
    )

    class Meta:
        model = User
        fields = []

    def by_status(self, rows, _name, value):
        return rows.filter(is_active=value == "active") if value else rows
