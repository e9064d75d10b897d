"""The donor scorecard (AMP's): for each donor and each quarter of a year, whether the donor
recorded that quarter's money on time (by the day entry for the quarter closes), late, or not
at all."""

import datetime
from dataclasses import dataclass

from django.db.models import Min
from django.db.models.functions import ExtractQuarter
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from counterpart.accounts import permissions
from counterpart.accounts.choices import Role
from counterpart.core.tables import Table
from counterpart.engine.periods import period_containing
from counterpart.funding.models import Transaction
from counterpart.pairings import selectors as pairings
from counterpart.places.models import Organization
from counterpart.reporting import selectors as reporting

DEFAULT_GRACE_DAYS = 30  # when the round's periods do not close: a month after the quarter

ON_TIME, LATE, MISSING, NOT_DUE = "on_time", "late", "missing", "not_due"
MARKS = {
    ON_TIME: gettext_lazy("On time"),
    LATE: gettext_lazy("Late"),
    MISSING: gettext_lazy("Missing"),
    NOT_DUE: gettext_lazy("Not yet due"),
}


@dataclass
class ScoreRow:
    donor: Organization
    marks: list[str]  # one per quarter: ON_TIME, LATE, MISSING or NOT_DUE

    def count(self, mark: str) -> int:
        return self.marks.count(mark)


def may_see_scorecard(actor) -> bool:
    """The office and auditors (every donor), a donor team (its own)."""
    return permissions.reads_everything(actor) or bool(
        permissions.organizations_in_role(actor, Role.DONOR_TEAM)
    )


def donor_scorecard(*, actor, round, year: int, today: datetime.date | None = None):
    """(the quarters' deadlines, a row per donor of the round the actor may see)."""
    permissions.require(may_see_scorecard(actor))
    today = today or timezone.localdate()
    grace = reporting.rules_of(round).closes_after_days
    grace = DEFAULT_GRACE_DAYS if grace is None else grace
    quarters = [period_containing(datetime.date(year, 3 * q + 1, 1), "quarter") for q in range(4)]
    deadlines = [q.end + datetime.timedelta(days=grace) for q in quarters]
    donors = Organization.objects.filter(
        pk__in=pairings.pairing_list(actor=actor, round=round, top_level=True).values("donor")
    ).order_by("name_en")
    if not permissions.reads_everything(actor):
        donors = donors.filter(permissions.donor_scope_q(actor, ""))
    first_recorded = {
        (row["donor_id"], row["quarter"]): row["first"]
        for row in Transaction.objects.filter(pairing__round=round, value_date__year=year)
        .annotate(quarter=ExtractQuarter("value_date"))
        .values("donor_id", "quarter")
        .annotate(first=Min("recorded_at"))
    }
    rows = []
    for donor in donors:
        marks = []
        for number, deadline in enumerate(deadlines, start=1):
            first = first_recorded.get((donor.pk, number))
            if first is not None:
                on_time = timezone.localdate(first) <= deadline
                marks.append(ON_TIME if on_time else LATE)
            else:
                marks.append(MISSING if today > deadline else NOT_DUE)
        rows.append(ScoreRow(donor=donor, marks=marks))
    return list(zip(quarters, deadlines, strict=True)), rows


def scorecard_table(quarters, rows, *, year: int) -> Table:
    """The scorecard as a downloadable table (CSV, XLSX)."""
    return Table(
        slug=f"donor-scorecard-{year}",
        title=_("Donor scorecard %(year)s") % {"year": year},
        columns=[
            _("Donor"),
            *[q.label for q, _deadline in quarters],
            str(MARKS[ON_TIME]),
            str(MARKS[LATE]),
            str(MARKS[MISSING]),
        ],
        rows=[
            [
                row.donor.name,
                *[str(MARKS[mark]) for mark in row.marks],
                row.count(ON_TIME),
                row.count(LATE),
                row.count(MISSING),
            ]
            for row in rows
        ],
    )
