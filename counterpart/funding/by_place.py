"""The ledger read by place, and how old the rates behind its figures are: for the dashboard's
map and its warnings."""

import datetime

from django.db.models import DurationField, ExpressionWrapper, F, Q

from counterpart.accounts import permissions
from counterpart.core.aggregates import ExactSum
from counterpart.funding.choices import TransactionKind
from counterpart.funding.models import Transaction
from counterpart.funding.selectors import Filters, may_see_entries, narrowed, team_scope, totals
from counterpart.projects.models import WELLBEING_CATEGORIES

STALE_AFTER = datetime.timedelta(days=31)


def stale_rate_count(*, actor, filters: Filters) -> int:
    """Entries in another currency whose rate was set more than a month before their value date
    (no newer rate was recorded): the figures that convert them lean on an old rate."""
    entries = Transaction.objects.all()
    if not permissions.reads_everything(actor):  # a count of what the reader's figures sum
        public = Q(pairing__is_published=True) & (
            Q(project__isnull=True) | Q(project__is_published=True)
        )
        entries = entries.filter(public | team_scope(actor) if may_see_entries(actor) else public)
    entries = narrowed(entries, filters.round, filters.donor, filters.area, filters.year)
    lag = ExpressionWrapper(F("value_date") - F("rate__valid_on"), output_field=DurationField())
    return (
        entries.filter(rate__isnull=False)
        .order_by()
        .annotate(lag=lag)
        .filter(lag__gt=STALE_AFTER)
        .count()
    )


def commitments_by_place(*, actor, filters: Filters) -> dict[str, tuple[int, int]]:
    """What was committed to each place and how much of it to wellbeing, in the base currency,
    by the place's path: a map sums a unit's subtree from it."""
    rows = (
        totals(actor=actor, filters=filters)
        .filter(kind=TransactionKind.COMMITMENT)
        .values_list("region__path", "category")
        .annotate(amount=ExactSum("amount_minor"))
        .order_by()
    )
    found: dict[str, tuple[int, int]] = {}
    for path, category, amount in rows:
        whole, wellbeing = found.get(path, (0, 0))
        found[path] = (
            whole + amount,
            wellbeing + (amount if category in WELLBEING_CATEGORIES else 0),
        )
    return found
