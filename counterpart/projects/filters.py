"""The projects list's filters, search and sorts (core.listing)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from counterpart.core.listing import ListFilter, Ordering, mine_filter
from counterpart.pairings.selectors import pairings_worked_on
from counterpart.projects.choices import ActivityStatus, Category
from counterpart.projects.models import Project


class ProjectFilter(ListFilter):
    search_fields = ("title_en", "title_zh", "code", "region__name_en", "region__name_zh")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ActivityStatus.choices)
    category = django_filters.ChoiceFilter(
        label=_("Category"),
        field_name="sectors__sector__category",
        choices=Category.choices,
        distinct=True,
    )
    mine = mine_filter(_("My pairings only"))
    sort = Ordering(
        fields=(("title_en", "title"), ("planned_start", "start"), ("budget_minor", "budget")),
        field_labels={"title": _("Title"), "start": _("Planned start"), "budget": _("Budget")},
    )

    class Meta:
        model = Project
        fields = []

    def own_rows(self, rows, _name, value):
        if not value:
            return rows
        return rows.filter(pairing__in=pairings_worked_on(actor=self.actor))
