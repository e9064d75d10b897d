"""Reporting periods: calendar quarters or years, and the day entry for one closes."""

import datetime
from dataclasses import dataclass

from counterpart.engine.terms import add_months


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date
    label: str  # "2024 Q1", "2024"

    def closes_on(self, after_days: int | None) -> datetime.date | None:
        """The last day entries for the period are taken; None when it never closes."""
        return None if after_days is None else self.end + datetime.timedelta(days=after_days)


def period_containing(day: datetime.date, length: str) -> Period:
    """The quarter ("quarter") or year ("year") that holds `day`."""
    if length == "year":
        return Period(datetime.date(day.year, 1, 1), datetime.date(day.year, 12, 31), str(day.year))
    quarter = (day.month - 1) // 3
    start = datetime.date(day.year, 3 * quarter + 1, 1)
    end = add_months(start, 3) - datetime.timedelta(days=1)
    return Period(start, end, f"{day.year} Q{quarter + 1}")


def periods_between(first: datetime.date, last: datetime.date, length: str) -> list[Period]:
    """Every period from the one holding `first` to the one holding `last`, in order."""
    periods = []
    day = first
    while day <= last:
        period = period_containing(day, length)
        periods.append(period)
        day = period.end + datetime.timedelta(days=1)
    return periods
