"""Checks that services of every app share. Each returns {field: message} for what is wrong, so
that a service can gather all its errors and raise them together, changing nothing (rule 8)."""

import datetime

from django.utils.translation import gettext as _


def counts_not_negative(**counts: int | None) -> dict[str, str]:
    """Counts of people, letters, hours…: none below zero (None means not given)."""
    return {
        field: _("A count cannot be below zero.")
        for field, value in counts.items()
        if value is not None and value < 0
    }


def dates_in_order(
    start: datetime.date | None, end: datetime.date | None, *, end_field: str
) -> dict[str, str]:
    """An end on or after its start; either may be missing."""
    if start is not None and end is not None and end < start:
        return {end_field: _("The end date is before the start date.")}
    return {}


def text_too_long(**texts: tuple[str, int]) -> dict[str, str]:
    """Each field's text within its length (`field=(text, most characters)`): a database may
    not enforce it (SQLite does not), so the services do."""
    return {
        field: _("At most %(limit)s characters (this has %(count)s).")
        % {"limit": f"{limit:,}", "count": f"{len(text):,}"}
        for field, (text, limit) in texts.items()
        if text is not None and len(text) > limit
    }


# One amount of money in its currency's minor units: 100 billion in the major unit, more than a
# whole programme spends in a year, far from what sums of many of them could overflow.
MAX_AMOUNT_MINOR = 10**13


def amounts_in_range(*, maximum: int = MAX_AMOUNT_MINOR, **amounts: int | None) -> dict[str, str]:
    """Whole numbers of minor units from 0 to `maximum` (None means not given)."""
    errors = {}
    for field, value in amounts.items():
        if value is None:
            continue
        if type(value) is not int:  # not True, not 1.0, not "100"
            errors[field] = _("An amount is a whole number of minor units (fen, cents).")
        elif value < 0:
            errors[field] = _("An amount cannot be below zero.")
        elif value > maximum:
            errors[field] = _("%(amount)s is more than an amount here can be (%(limit)s).") % {
                "amount": f"{value:,}",
                "limit": f"{maximum:,}",
            }
    return errors
