"""The exchange events list's filters, search and sorts (core.listing)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from counterpart.core.listing import ListFilter, Ordering
from counterpart.exchanges.choices import ExchangeKind
from counterpart.exchanges.models import ExchangeEvent


class EventFilter(ListFilter):
    search_fields = ("title_en", "title_zh", "host_region__name_en", "visiting_region__name_en")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ExchangeKind.choices)
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="starts_on__year", min_value=1949, max_value=2200
    )
    sort = Ordering(
        fields=(("starts_on", "start"), ("title_en", "title")),
        field_labels={"start": _("Starts on"), "title": _("Title")},
    )

    class Meta:
        model = ExchangeEvent
        fields = []
