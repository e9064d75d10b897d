"""Projects (with their sector split, places and annual budgets) and result periods (targets
and actuals) from spreadsheets."""

import re
from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from counterpart.interchange import cells
from counterpart.interchange.kinds import lookups, pairing, readers
from counterpart.interchange.kinds.base import Column, Context, Errors, Kind, Row
from counterpart.interchange.kinds.ledger import own_projects
from counterpart.pairings import selectors as pairings
from counterpart.places import selectors as places
from counterpart.projects import selectors as projects
from counterpart.projects import services
from counterpart.projects.choices import ActivityStatus, Measure, ResultKind, Standard

_PART = re.compile(r"[;；\n]+")


def _parts(cell) -> list[str]:
    return [part.strip() for part in _PART.split(cells.text(cell)) if part.strip()]


def read_sectors(cell, _row, context: Context) -> dict[str, int]:
    """'12230:60; 11220:40' (or a single code: all of it)."""
    known = context.once("sector codes", lambda: {s.code for s in projects.sector_list()})
    split: dict[str, int] = {}
    for part in _parts(cell):
        code, _sep, share = part.replace("：", ":").partition(":")
        code = code.strip().split(" ")[0]
        if code not in known:
            raise cells.CellError(_("Unknown DAC sector code %(code)r.") % {"code": code[:10]})
        split[code] = cells.whole_number(share.strip().rstrip("%") or "100", minimum=1, maximum=100)
    return split


def read_places(cell, _row, context: Context) -> list:
    find = lookups.named("places", lambda c: places.region_list(actor=c.actor), what=_("place"))
    return [find(part, {}, context) for part in _parts(cell)]


def read_budgets(cell, row: dict, context: Context) -> dict[int, int]:
    """'2024: 300万; 2025: 500万', in the row's currency and unit."""
    budgets: dict[int, int] = {}
    amount = readers.amount("budgets")
    for part in _parts(cell):
        year, _sep, figure = part.replace("：", ":").partition(":")
        if not figure:
            raise cells.CellError(_("Write each year's budget as 2024: 300万."))
        budgets[cells.whole_number(year.strip(), minimum=1949, maximum=2200)] = amount(
            figure.strip(), row, context
        )
    return budgets


def _organizations(context: Context):
    return places.organization_list(actor=context.actor)


class ProjectsKind(Kind):
    def write_row(self, values: dict, context: Context) -> None:
        currency = values["currency"] or "CNY"
        project = services.project_create(
            actor=context.actor,
            pairing=pairing.pairing_of(values, context, pairing.run_by),
            code=values["code"],
            title_en=values["title_en"] or "",
            title_zh=values["title_zh"] or "",
            description_en=values["description_en"] or "",
            description_zh=values["description_zh"] or "",
            status=values["status"] or ActivityStatus.PIPELINE,
            region=values["place"],
            implementer=values["implementer"],
            planned_start=values["planned_start"],
            planned_end=values["planned_end"],
            actual_start=values["actual_start"],
            actual_end=values["actual_end"],
            budget_minor=values["budget"] or 0,
            currency=currency,
            is_published=bool(values["published"]),
            sectors=values["sectors"] or None,
        )
        for region in values["places"] or []:
            services.project_place_add(actor=context.actor, project=project, region=region)
        for year, amount in (values["budgets"] or {}).items():
            services.project_budget_set(
                actor=context.actor,
                project=project,
                year=year,
                amount_minor=amount,
                currency=currency,
            )


def _may_run(actor) -> bool:
    return pairings.pairings_run_by(actor=actor).exists()


PROJECTS = ProjectsKind(
    slug="projects",
    title=gettext_lazy("Projects"),
    description=gettext_lazy(
        "Projects of your pairings with their sector split, other places and budget per year. "
        "The code is the project's own and part of its IATI identifier: each is imported once."
    ),
    may_import=_may_run,
    row_key=("code",),
    columns=[
        Column("code", gettext_lazy("Code"), required=True, example="bj-hotan-hospital-2"),
        *pairing.columns(pairing.run_by),
        Column(
            "title_en",
            gettext_lazy("Title (English)"),
            help=gettext_lazy("Or a title in Chinese only: one of the two is enough."),
            example="Hotan People's Hospital, phase 2",
        ),
        Column("title_zh", gettext_lazy("Title (Chinese)"), example="和田地区人民医院二期"),
        Column("description_en", gettext_lazy("Description (English)")),
        Column("description_zh", gettext_lazy("Description (Chinese)")),
        Column(
            "status",
            gettext_lazy("Status"),
            read=readers.choice(ActivityStatus),
            example="2",
            choices=readers.choices_of(ActivityStatus),
        ),
        Column(
            "place",
            gettext_lazy("Main place"),
            read=lookups.named(
                "places", lambda c: places.region_list(actor=c.actor), what=gettext_lazy("place")
            ),
            fields=("region",),
            help=gettext_lazy("Empty: the recipient place."),
        ),
        Column(
            "places",
            gettext_lazy("Other places"),
            read=read_places,
            help=gettext_lazy("Codes separated by ;"),
        ),
        Column(
            "implementer",
            gettext_lazy("Implementing organization"),
            read=lookups.named("organizations", _organizations, what=gettext_lazy("organization")),
        ),
        Column(
            "sectors",
            gettext_lazy("Sectors"),
            read=read_sectors,
            required=True,
            example="12230:60; 11220:40",
            help=gettext_lazy("DAC codes with their percentages, adding up to 100."),
        ),
        Column(
            "planned_start", gettext_lazy("Planned start"), read=readers.date, example="2024-03-01"
        ),
        Column("planned_end", gettext_lazy("Planned end"), read=readers.date, example="2026-12-31"),
        Column("actual_start", gettext_lazy("Actual start"), read=readers.date),
        Column("actual_end", gettext_lazy("Actual end"), read=readers.date),
        *readers.money_columns(
            "budget",
            gettext_lazy("Budget"),
            example="8000",
            unit_example="万元",
            fields=("budget_minor",),
        ),
        Column(
            "budgets",
            gettext_lazy("Budget by year"),
            read=read_budgets,
            example="2024: 3000; 2025: 5000",
            money=True,
            help=gettext_lazy("Each year's budget, as 2024: 3000; 2025: 5000 (in the row's unit)."),
        ),
        Column(
            "published",
            gettext_lazy("Published"),
            read=readers.yes_no,
            example=gettext_lazy("yes"),
            fields=("is_published",),
            choices=lambda c: ["yes", "no"],
        ),
    ],
)


# -- results -----------------------------------------------------------------------------------


class ResultsKind(Kind):
    def apply(self, rows: Iterable[Row], context: Context, errors: Errors) -> dict:
        counts = context.cache.setdefault("counts", {"updated": 0, "unchanged": 0})
        summary = super().apply(rows, context, errors)
        changed = summary["created"] - counts["updated"] - counts["unchanged"]
        return {**summary, **counts, "created": changed}

    def write_row(self, values: dict, context: Context) -> None:
        actor, project = context.actor, values["project"]
        result = projects.result_named(project=project, title=values["result"])
        if result is None:
            result = services.result_create(
                actor=actor,
                project=project,
                kind=values["result_kind"] or ResultKind.OUTPUT,
                title_en=values["result"],
            )
        indicator = projects.indicator_named(result=result, title=values["indicator"])
        if indicator is None:
            indicator = services.indicator_create(
                actor=actor,
                result=result,
                title_en=values["indicator"],
                standard=values["standard"] or "",
                measure=values["measure"] or Measure.UNIT,
                baseline_year=values["baseline_year"],
                baseline_value=values["baseline"],
            )
        period = projects.period_of(indicator=indicator, period_start=values["period_start"])
        if period is not None:
            unchanged = (period.period_end, period.target, period.actual) == (
                values["period_end"],
                values["target"] if values["target"] is not None else period.target,
                values["actual"] if values["actual"] is not None else period.actual,
            )
            counts = context.cache["counts"]
            if unchanged:
                counts["unchanged"] += 1  # imported before: nothing to do
                return
            counts["updated"] += 1
        services.indicator_period_record(
            actor=actor,
            indicator=indicator,
            period_start=values["period_start"],
            period_end=values["period_end"],
            target=values["target"],
            actual=values["actual"],
            expected_version=period.version if period is not None else None,
        )


def _reported_projects(context: Context):
    return projects.project_list(actor=context.actor)


RESULTS = ResultsKind(
    slug="results",
    title=gettext_lazy("Results: targets and actuals"),
    description=gettext_lazy(
        "One row per indicator and period, with its target and actual. A new result or "
        "indicator is created by its title; a period given again updates its figures."
    ),
    may_import=lambda actor: _may_run(actor) or projects.project_list(actor=actor).exists(),
    row_key=("project", "result", "indicator", "period_start"),
    columns=[
        Column(
            "project",
            gettext_lazy("Project"),
            read=lookups.named("projects", _reported_projects, what=gettext_lazy("project")),
            required=True,
            example="bj-hotan-hospital-2",
            choices=lookups.choices(own_projects),
        ),
        Column(
            "result",
            gettext_lazy("Result"),
            required=True,
            example=gettext_lazy("More hospital beds"),
            fields=("title_en",),
        ),
        Column(
            "result_kind",
            gettext_lazy("Result type"),
            read=readers.choice(ResultKind),
            example="1",
            choices=readers.choices_of(ResultKind),
            fields=("kind",),
        ),
        Column(
            "indicator",
            gettext_lazy("Indicator"),
            required=True,
            example=gettext_lazy("Hospital beds"),
        ),
        Column(
            "standard",
            gettext_lazy("Standard indicator"),
            read=readers.choice(Standard),
            example="hospital_beds",
            choices=readers.choices_of(Standard),
        ),
        Column(
            "measure",
            gettext_lazy("Measure"),
            read=readers.choice(Measure),
            example="1",
            choices=readers.choices_of(Measure),
        ),
        Column("baseline_year", gettext_lazy("Baseline year"), read=readers.year, example="2023"),
        Column(
            "baseline",
            gettext_lazy("Baseline"),
            read=readers.figure,
            example="200",
            fields=("baseline_value",),
        ),
        *readers.period_columns("2024-01-01", "2024-12-31"),
        Column("target", gettext_lazy("Target"), read=readers.figure, example="300"),
        Column("actual", gettext_lazy("Actual"), read=readers.figure, example="260"),
    ],
)
