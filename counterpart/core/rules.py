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
