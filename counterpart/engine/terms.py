"""Dates of terms of service: a term of n months from a start date, and shifting a chain."""

import calendar
import datetime


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day where it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def term_start(
    post_starts: datetime.date, available_from: datetime.date, published_on: datetime.date
) -> datetime.date:
    """A placement's first day: when the post starts and the professional is free, and never
    before the run is published (a term begun in the past would be over before anyone knew)."""
    return max(post_starts, available_from, published_on)


def term_end(start: datetime.date, months: int) -> datetime.date:
    """The last day of a term of `months` months starting on `start`."""
    return add_months(start, months) - datetime.timedelta(days=1)
