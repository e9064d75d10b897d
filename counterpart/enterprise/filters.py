"""The enterprise lists' filters, search and sorts (core.listing)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from counterpart.core.listing import ListFilter, Ordering
from counterpart.enterprise.choices import SalesChannel, SupportKind
from counterpart.enterprise.models import EnterpriseSupport, ProductSale


class SupportFilter(ListFilter):
    search_fields = ("company__name_en", "company__name_zh", "description")
    kind = django_filters.ChoiceFilter(label=_("Kind of support"), choices=SupportKind.choices)
    sort = Ordering(
        fields=(("started_on", "start"), ("company__name_en", "company")),
        field_labels={"start": _("Started on"), "company": _("Company")},
    )

    class Meta:
        model = EnterpriseSupport
        fields = []


class SaleFilter(ListFilter):
    search_fields = ("product", "company__name_en", "company__name_zh")
    channel = django_filters.ChoiceFilter(label=_("Channel"), choices=SalesChannel.choices)
    sort = Ordering(
        fields=(("period_start", "period"), ("value_cny_minor", "value")),
        field_labels={"period": _("Period start"), "value": _("Value in CNY")},
    )

    class Meta:
        model = ProductSale
        fields = []
