"""Exchange rates: the rate in force on a date, and amounts converted at it."""

import bisect
import datetime

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from counterpart.engine.money import convert
from counterpart.funding.choices import BASE_CURRENCY
from counterpart.funding.models import ExchangeRate


class RateBook:
    """The rates between two currencies, read once, looked up by date (latest on or before)."""

    def __init__(self):
        self._pairs: dict[frozenset, tuple[list[datetime.date], list[ExchangeRate]]] = {}

    def in_force(self, source: str, target: str, day: datetime.date) -> ExchangeRate | None:
        pair = frozenset((source, target))
        if pair not in self._pairs:
            rates = list(
                ExchangeRate.objects.filter(
                    Q(base_id=source, quote_id=target) | Q(base_id=target, quote_id=source)
                ).order_by("valid_on", "-recorded_at")
            )
            self._pairs[pair] = ([r.valid_on for r in rates], rates)
        days, rates = self._pairs[pair]
        index = bisect.bisect_right(days, day)
        return rates[index - 1] if index else None


def missing_rate_message(currency: str, day: datetime.date) -> str:
    return _("No %(currency)s→%(base)s exchange rate on or before %(date)s; record one first.") % {
        "currency": currency,
        "base": BASE_CURRENCY,
        "date": date_format(day),
    }


def to_base(amount_minor: int, currency: str, rate: ExchangeRate | None) -> int:
    """The amount in the base currency (CNY) at `rate` (None: it is in CNY already)."""
    if rate is None:
        return amount_minor
    return convert(
        amount_minor,
        source=currency,
        target=BASE_CURRENCY,
        rate_scaled=rate.rate_scaled,
        rate_base=rate.base_id,
    )


def amount_in_base(amount_minor: int, currency: str, day: datetime.date, *, field: str) -> int:
    """An amount in CNY at the rate in force on `day`, or an error naming `field`."""
    if currency == BASE_CURRENCY:
        return amount_minor
    rate = RateBook().in_force(currency, BASE_CURRENCY, day)
    if rate is None:
        raise ValidationError({field: missing_rate_message(currency, day)})
    return to_base(amount_minor, currency, rate)
