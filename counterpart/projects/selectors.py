"""Reads for projects and results, scoped to the actor (house rule 5).

The office and auditors see every project; a donor team its donor's (and the cities' under it);
a recipient team those in its places; everyone else published projects of published pairings.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from counterpart.accounts import permissions
from counterpart.places.models import Region
from counterpart.projects.choices import ActivityStatus
from counterpart.projects.models import (
    Indicator,
    IndicatorPeriod,
    Project,
    ProjectDocument,
    ProjectSector,
    Sector,
)
from counterpart.reporting import selectors as reporting


def project_list(*, actor, pairing=None, donor=None, area=None, status=None) -> QuerySet[Project]:
    projects = Project.objects.select_related(
        "pairing__donor", "pairing__recipient", "pairing__round", "region"
    )
    if not permissions.reads_everything(actor):
        public = Q(is_published=True, pairing__is_published=True) & ~reporting.in_review(Project)
        projects = projects.filter(
            public
            | permissions.donor_scope_q(actor, "pairing__donor__")
            | permissions.recipient_scope_q(actor, "region__")
        )
    if pairing is not None:
        projects = projects.filter(pairing=pairing)
    if donor is not None:
        projects = projects.filter(Q(pairing__donor=donor) | Q(pairing__parent__donor=donor))
    if area is not None:
        projects = projects.filter(region__path__startswith=area.path)
    if status:
        projects = projects.filter(status=status)
    return projects


def project_get(*, actor, pk: int) -> Project:
    return get_object_or_404(project_list(actor=actor), pk=pk)


def document_list(*, actor) -> QuerySet[ProjectDocument]:
    """The documents of the projects the actor sees."""
    return ProjectDocument.objects.select_related("project").filter(
        project__in=project_list(actor=actor)
    )


def project_by_code(*, actor, code: str) -> Project | None:
    return project_list(actor=actor).filter(code=code).first()


def indicator_list(*, actor, project: Project) -> QuerySet[Indicator]:
    """The indicators of a project the actor may see (through `project_get`)."""
    return Indicator.objects.filter(result__project=project).select_related("result")


@dataclass
class Progress:
    """An indicator summed over projects and periods: what was aimed at and what was reached."""

    key: object
    label: str
    target: Decimal = Decimal(0)
    actual: Decimal = Decimal(0)

    @property
    def percent(self) -> int | None:
        if not self.target:
            return None
        return int(self.actual * 100 / self.target)


def counted_periods(*, include_unapproved: bool = False) -> QuerySet[IndicatorPeriod]:
    """The periods figures are summed from: the approved ones (those entered with review off
    count as approved), or, for a team's internal view, also those still in review."""
    periods = IndicatorPeriod.objects.all()
    return periods if include_unapproved else reporting.approved_only(periods)


def periods_of(*, project: Project, include_unapproved: bool = False) -> QuerySet[IndicatorPeriod]:
    """A project's result periods (of a project the caller may see), by indicator and date."""
    return (
        counted_periods(include_unapproved=include_unapproved)
        .filter(indicator__result__project=project)
        .select_related("indicator__result__project")
        .order_by("indicator__result_id", "indicator_id", "period_start")
    )


def results_of(*, actor, project: Project) -> list:
    """The project's results with their indicators and periods: every period, each with its
    review (`period.review`, None when it had none), for those who run, report on or oversee
    the project; the approved ones for everyone else."""
    internal = (
        permissions.reads_everything(actor)
        or permissions.can_act_for_donor(actor, project.pairing.donor)
        or permissions.serves_region(actor, project.region)
    )
    periods = counted_periods(include_unapproved=internal)
    results = list(
        project.results.prefetch_related(Prefetch("indicators__periods", queryset=periods))
    )
    every = [p for r in results for i in r.indicators.all() for p in i.periods.all()]
    reviews = reporting.reviews_by_record(IndicatorPeriod, [p.pk for p in every])
    for period in every:
        period.review = reviews.get(period.pk)
    return results


def indicator_rollup(
    *,
    actor,
    standard: str,
    by: str = "year",
    level: str | None = None,
    include_unapproved: bool = False,
    **project_filters,
) -> list[Progress]:
    """A standard indicator's targets and actuals summed by "year" (of the period's end), by
    "donor", or by "place" — each project counted under its place's ancestor at `level`."""
    periods = (
        counted_periods(include_unapproved=include_unapproved)
        .filter(
            indicator__standard=standard,
            indicator__result__project__in=project_list(actor=actor, **project_filters),
        )
        .values_list(
            "period_end",
            "target",
            "actual",
            "indicator__result__project__region__path",
            "indicator__result__project__pairing__donor__name_en",
        )
    )
    groups: dict = {}
    ancestors = _ancestors_at(level) if by == "place" else {}
    for period_end, target, actual, path, donor_name in periods:
        if by == "year":
            key, label = period_end.year, str(period_end.year)
        elif by == "donor":
            key, label = donor_name, donor_name
        else:
            region = next((r for p, r in ancestors.items() if path.startswith(p)), None)
            if region is None:
                continue
            key, label = region.pk, region.name
        progress = groups.setdefault(key, Progress(key=key, label=label))
        progress.target += target or 0
        progress.actual += actual or 0
    return sorted(groups.values(), key=lambda p: str(p.key) if by != "year" else p.key)


def _ancestors_at(level: str | None) -> dict[str, Region]:
    return {r.path: r for r in Region.objects.filter(level=level)} if level else {}


def standard_totals(
    *, actor, include_unapproved: bool = False, **project_filters
) -> dict[str, Progress]:
    """Every standard indicator summed over all periods of the visible projects."""
    sums: dict[str, Progress] = defaultdict(lambda: Progress(key="", label=""))
    rows = (
        counted_periods(include_unapproved=include_unapproved)
        .filter(indicator__result__project__in=project_list(actor=actor, **project_filters))
        .exclude(indicator__standard="")
        .values_list("indicator__standard", "target", "actual")
    )
    for standard, target, actual in rows:
        progress = sums[standard]
        progress.key = progress.label = standard
        progress.target += target or 0
        progress.actual += actual or 0
    return dict(sums)


@dataclass
class PeriodDue:
    """A reporting period that has ended, for which some of a team's indicators have no actual:
    due while entry is open, overdue once it has closed."""

    round: object
    period: object  # engine.periods.Period
    closes_on: object  # datetime.date
    missing: int  # indicators without an actual for the period
    overdue: bool  # entry for it has closed


def periods_due(*, actor, today: datetime.date) -> list[PeriodDue]:
    """For each round whose periods close, its last ended period, when the indicators of the
    projects the actor's teams run or report on lack actuals for it."""
    team_projects = Project.objects.filter(
        permissions.donor_scope_q(actor, "pairing__donor__")
        | permissions.recipient_scope_q(actor, "region__")
    ).exclude(status__in=[ActivityStatus.PIPELINE, ActivityStatus.CANCELLED])
    due = []
    for rules in reporting.rules_closing():
        ended = [p for p in reporting.periods_of(rules.round, until=today) if p.end < today]
        if not ended:
            continue
        period = ended[-1]
        reported = IndicatorPeriod.objects.filter(
            period_start__lte=period.end, period_end__gte=period.start, actual__isnull=False
        ).values("indicator")
        missing = (
            Indicator.objects.filter(
                result__project__in=team_projects.filter(pairing__round=rules.round)
            )
            .exclude(pk__in=reported)
            .count()
        )
        closes_on = period.closes_on(rules.closes_after_days)
        if missing:
            due.append(PeriodDue(rules.round, period, closes_on, missing, closes_on < today))
    return due


def result_named(*, project: Project, title: str):
    """The project's result with this title (in either language), if there is one."""
    return project.results.filter(Q(title_en=title) | Q(title_zh=title)).first()


def indicator_named(*, result, title: str) -> Indicator | None:
    return result.indicators.filter(Q(title_en=title) | Q(title_zh=title)).first()


def period_of(*, indicator: Indicator, period_start) -> IndicatorPeriod | None:
    """The indicator's period that starts on this day, if recorded (of an indicator the caller
    has already been allowed to see)."""
    return IndicatorPeriod.objects.filter(indicator=indicator, period_start=period_start).first()


def sector_list(*, actor=None) -> QuerySet[Sector]:
    """The DAC sectors the product ships (reference data: everyone reads them)."""
    return Sector.objects.all()


def sector_get_many(*, codes: list[str]) -> dict[str, Sector]:
    return Sector.objects.in_bulk(codes)


def sector_splits(*, project_ids: list[int]) -> dict[int, list[tuple[str, int]]]:
    """Each project's split as (category, percentage), largest share first: what the ledger
    divides an entry without a sector of its own by. Not scoped: the ledger has already checked
    that the actor may record for these projects' pairings."""
    splits: dict[int, list[tuple[str, int]]] = {}
    rows = (
        ProjectSector.objects.filter(project_id__in=project_ids)
        .values_list("project_id", "sector__category", "percentage")
        .order_by("project_id", "-percentage", "sector_id")
    )
    for project_id, category, percentage in rows:
        splits.setdefault(project_id, []).append((category, percentage))
    return splits


def projects_for_publication(*, publisher=None) -> QuerySet[Project]:
    """Published, approved projects of published pairings whose donor has an IATI identifier
    (of `publisher` only, if given), with what an IATI activity shows of them."""
    projects = (
        Project.objects.filter(is_published=True, pairing__is_published=True)
        .exclude(pairing__donor__iati_ref="")
        .filter(~reporting.in_review(Project))
        .select_related(
            "pairing__donor", "pairing__recipient", "pairing__round", "region", "implementer"
        )
        .prefetch_related(
            "sectors__sector", "other_sectors", "places__region", "budgets", "documents"
        )
        .order_by("pairing__donor__iati_ref", "code")
    )
    return projects.filter(pairing__donor=publisher) if publisher is not None else projects


def results_for_publication(*, project_ids: list[int]) -> QuerySet[Indicator]:
    """The indicators of these projects with their approved periods, by result."""
    return (
        Indicator.objects.filter(result__project_id__in=project_ids)
        .select_related("result")
        .prefetch_related(Prefetch("periods", queryset=counted_periods().order_by("period_start")))
        .order_by("result__project_id", "result_id", "id")
    )
