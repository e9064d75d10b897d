"""What a report can count and what it can count by: each measure reads its records through its
own app's selector (so the reader's scope is the lists'), names the field each dimension groups
on, and says how its figure is made of the sums it asks the database for."""

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from counterpart.funding import selectors as funding
from counterpart.funding.choices import TransactionKind
from counterpart.projects import selectors as projects
from counterpart.projects.choices import ActivityStatus
from counterpart.talent import selectors as talent
from counterpart.talent.choices import PostStatus


@dataclass(frozen=True)
class Asked:
    """A report's filters (each optional)."""

    round: object = None
    donor: object = None
    area: object = None  # a region: its places and those under them
    year_from: int | None = None
    year_to: int | None = None
    include_unapproved: bool = False


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    records: Callable[..., QuerySet]  # (actor, asked) → the records counted, filtered
    sums: dict  # name → aggregate, asked of the database per group
    dimensions: dict[str, str]  # dimension key → the field it groups on
    figure: Callable[[dict], object] = field(default=lambda sums: sums["value"])
    currency: str | None = None  # the figure is minor units of it
    unit: str = ""
    filters: frozenset = frozenset({"round", "donor", "area", "year"})  # those it can apply
    labels: dict = field(default_factory=dict)  # dimension → {value: label} of its own


def _ledger(kind: str | None):
    def records(actor, asked: Asked):
        rows = funding.totals(
            actor=actor,
            filters=funding.Filters(
                round=asked.round,
                donor=asked.donor,
                area=asked.area,
                include_unapproved=asked.include_unapproved,
            ),
        )
        if kind:
            rows = rows.filter(kind=kind)
        return _years(rows, "year", asked)

    return records


def _years(rows: QuerySet, path: str, asked: Asked) -> QuerySet:
    if asked.year_from is not None:
        rows = rows.filter(**{f"{path}__gte": asked.year_from})
    if asked.year_to is not None:
        rows = rows.filter(**{f"{path}__lte": asked.year_to})
    return rows


def _projects(actor, asked: Asked) -> QuerySet:
    rows = projects.project_list(actor=actor, donor=asked.donor, area=asked.area)
    if asked.round is not None:
        rows = rows.filter(pairing__round=asked.round)
    return _years(rows, "planned_start__year", asked)


def _posts(actor, asked: Asked) -> QuerySet:
    rows = talent.post_list(actor=actor)
    if asked.area is not None:
        rows = rows.filter(institution__region__path__startswith=asked.area.path)
    return _years(rows, "start_date__year", asked)


def _rate(sums: dict):
    if not sums["committed"]:
        return None
    return (Decimal(sums["disbursed"]) * 100 / sums["committed"]).quantize(Decimal("0.1"))


LEDGER = {
    "donor": "donor",
    "prefecture": "region",
    "county": "region",
    "round": "pairing__round",
    "year": "year",
    "category": "category",
}
MONEY = {"value": Sum("amount_minor")}
POST_DIMENSIONS = {
    "prefecture": "institution__region",
    "county": "institution__region",
    "year": "start_date__year",
    "status": "status",
    "specialty": "specialty",
}
POST_FILTERS = frozenset({"area", "year"})
POST_LABELS = {"status": dict(PostStatus.choices)}

MEASURES = {
    measure.key: measure
    for measure in (
        Measure(
            "committed",
            _("Committed"),
            _ledger(TransactionKind.COMMITMENT),
            MONEY,
            LEDGER,
            currency="CNY",
        ),
        Measure(
            "disbursed",
            _("Disbursed"),
            _ledger(TransactionKind.DISBURSEMENT),
            MONEY,
            LEDGER,
            currency="CNY",
        ),
        Measure(
            "expended",
            _("Expended"),
            _ledger(TransactionKind.EXPENDITURE),
            MONEY,
            LEDGER,
            currency="CNY",
        ),
        Measure(
            "disbursement_rate",
            _("Disbursement rate"),
            _ledger(None),
            {
                "committed": Sum("amount_minor", filter=Q(kind=TransactionKind.COMMITMENT)),
                "disbursed": Sum("amount_minor", filter=Q(kind=TransactionKind.DISBURSEMENT)),
            },
            LEDGER,
            figure=_rate,
            unit="%",
        ),
        Measure(
            "projects",
            _("Projects"),
            _projects,
            {"value": Count("pk")},
            {
                "donor": "pairing__donor",
                "prefecture": "region",
                "county": "region",
                "round": "pairing__round",
                "year": "planned_start__year",
                "status": "status",
            },
            labels={"status": dict(ActivityStatus.choices)},
        ),
        Measure(
            "posts",
            _("Posts"),
            _posts,
            {"value": Count("pk")},
            POST_DIMENSIONS,
            filters=POST_FILTERS,
            labels=POST_LABELS,
        ),
        Measure(
            "places",
            _("Places asked for"),
            _posts,
            {"value": Sum("places")},
            POST_DIMENSIONS,
            filters=POST_FILTERS,
            labels=POST_LABELS,
        ),
    )
}
