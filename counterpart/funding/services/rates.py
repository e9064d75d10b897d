"""The office records exchange rates."""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.audit.services import audit_record
from counterpart.audit.snapshot import snapshot
from counterpart.core.service import service
from counterpart.funding.models import Currency, ExchangeRate


@service
def exchange_rate_record(
    *,
    actor,
    base: str,
    quote: str,
    valid_on: datetime.date,
    rate_scaled: int,
    source: str,
) -> ExchangeRate:
    """A rate from `valid_on` on. Rates are never changed: the ledger converted with them."""
    permissions.require(permissions.can_manage_programme(actor))
    errors = {}
    known = set(Currency.objects.filter(code__in=[base, quote]).values_list("code", flat=True))
    for field, code in (("base", base), ("quote", quote)):
        if code not in known:
            errors[field] = _("Unknown currency %(code)r.") % {"code": code}
    if base == quote:
        errors["quote"] = _("A rate is between two different currencies.")
    if rate_scaled <= 0:
        errors["rate"] = _("A rate is above zero.")
    if not source.strip():
        errors["source"] = _("Say where the rate comes from.")
    if (
        not errors
        and ExchangeRate.objects.filter(
            Q(base_id=base, quote_id=quote) | Q(base_id=quote, quote_id=base), valid_on=valid_on
        ).exists()
    ):
        errors["valid_on"] = _("There is already a rate between these currencies on this day.")
    if errors:
        raise ValidationError(errors)
    rate = ExchangeRate.objects.create(
        base_id=base, quote_id=quote, valid_on=valid_on, rate_scaled=rate_scaled, source=source
    )
    audit_record(actor=actor, event_type="exchange_rate.recorded", obj=rate, after=snapshot(rate))
    return rate
