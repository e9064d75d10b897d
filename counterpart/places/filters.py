"""The organizations list's filters, search and sorts (core.listing)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from counterpart.accounts import permissions
from counterpart.core.listing import ListFilter, Ordering, mine_filter
from counterpart.places.choices import OrganizationKind, RegionLevel
from counterpart.places.models import Organization, Region


class OrganizationFilter(ListFilter):
    search_fields = ("name_en", "name_zh", "name_ug", "code", "iati_ref")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=OrganizationKind.choices)
    mine = mine_filter(_("My organizations only"))
    sort = Ordering(
        fields=(("name_en", "name"), ("kind", "kind"), ("code", "code")),
        field_labels={"name": _("Name"), "kind": _("Kind"), "code": _("Code")},
    )

    class Meta:
        model = Organization
        fields = []

    def own_rows(self, rows, _name, value):
        if not value:
            return rows
        return rows.filter(permissions.subtree_q(permissions.organizations_in_role(self.actor)))


class RegionFilter(ListFilter):
    search_fields = ("name_en", "name_zh", "name_ug", "code")
    level = django_filters.ChoiceFilter(label=_("Level"), choices=RegionLevel.choices)
    sort = Ordering(
        fields=(("path", "tree"), ("name_en", "name"), ("code", "code")),
        field_labels={"tree": _("As the tree runs"), "name": _("Name"), "code": _("Code")},
    )

    class Meta:
        model = Region
        fields = []
