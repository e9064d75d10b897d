"""The ledger's filters, search and sorts (core.listing)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from counterpart.core.listing import ListFilter, Ordering, mine_filter
from counterpart.funding.choices import TransactionKind
from counterpart.funding.models import Transaction
from counterpart.pairings.selectors import pairings_worked_on


class TransactionFilter(ListFilter):
    search_fields = (
        "reference",
        "description",
        "project__title_en",
        "project__title_zh",
        "project__code",
        "pairing__donor__name_en",
        "pairing__recipient__name_en",
    )
    kind = django_filters.ChoiceFilter(label=_("Type"), choices=TransactionKind.choices)
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="value_date__year", min_value=1949, max_value=2200
    )
    currency = django_filters.CharFilter(
        label=_("Currency"), field_name="currency_id", max_length=3
    )
    mine = mine_filter(_("My organization only"))
    sort = Ordering(
        fields=(("value_date", "date"), ("base_amount_minor", "amount")),
        field_labels={"date": _("Value date"), "amount": _("Amount in CNY")},
    )

    class Meta:
        model = Transaction
        fields = []

    def own_rows(self, rows, _name, value):
        if not value:
            return rows
        return rows.filter(pairing__in=pairings_worked_on(actor=self.actor))
