"""The care lists' filters, search and sorts (core.listing): case codes, never names."""

import django_filters
from django.utils.translation import gettext_lazy as _

from counterpart.care.choices import ConsultationStatus, ReferralStatus
from counterpart.care.models import Referral, Teleconsultation
from counterpart.core.choices import Specialty
from counterpart.core.listing import ListFilter, Ordering


class ConsultationFilter(ListFilter):
    search_fields = (
        "case_code",
        "requesting_institution__name_en",
        "consulting_institution__name_en",
    )
    specialty = django_filters.ChoiceFilter(label=_("Specialty"), choices=Specialty.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ConsultationStatus.choices)
    sort = Ordering(
        fields=(("requested_at", "requested"), ("held_at", "held")),
        field_labels={"requested": _("Requested"), "held": _("Held")},
    )

    class Meta:
        model = Teleconsultation
        fields = []


class ReferralFilter(ListFilter):
    search_fields = ("case_code", "from_institution__name_en", "to_institution__name_en")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ReferralStatus.choices)
    sort = Ordering(
        fields=(("referred_on", "referred"), ("discharged_on", "discharged")),
        field_labels={"referred": _("Referred on"), "discharged": _("Discharged on")},
    )

    class Meta:
        model = Referral
        fields = []
