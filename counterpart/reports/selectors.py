"""A report: one measure, grouped by one dimension in its rows and optionally another in its
columns, filtered, as the reader may see it; with the totals of each row and column. The
result is a `core.tables.Table`, so it shows as a table or a chart and downloads as CSV or XLSX
exactly as the dashboard's do."""

from collections import defaultdict

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from counterpart.core.choices import Specialty
from counterpart.core.tables import Table
from counterpart.pairings import selectors as pairings
from counterpart.places import selectors as places
from counterpart.projects.choices import Category
from counterpart.reports.measures import MEASURES, Asked, Measure

DIMENSIONS = {
    "donor": gettext_lazy("Donor"),
    "prefecture": gettext_lazy("Prefecture"),
    "county": gettext_lazy("County"),
    "round": gettext_lazy("Round"),
    "year": gettext_lazy("Year"),
    "category": gettext_lazy("Programme category"),
    "status": gettext_lazy("Status"),
    "specialty": gettext_lazy("Specialty"),
}
LEVELS = {"prefecture": {"prefecture", "division"}, "county": {"county", "regiment"}}
DISPLAYS = {"table": "table", "bars": "bar", "lines": "line"}


def _keys(actor, dimension: str, values: set) -> dict:
    """Each grouped value's key in the report: a region rolled up to the dimension's level
    (None: the record is above that level), anything else itself."""
    if dimension not in LEVELS:
        return {value: value for value in values}
    rows = places.region_list(actor=actor).select_related(None).only("pk", "path", "level")
    regions = {r.pk: r for r in rows}
    keys = {}
    for value in values:
        lineage = regions[value].lineage_ids() if value in regions else []
        keys[value] = next(
            (pk for pk in reversed(lineage) if regions[pk].level in LEVELS[dimension]), None
        )
    return keys


def _labels(actor, measure: Measure, dimension: str, keys: set) -> dict:
    if dimension in measure.labels:
        found = {key: str(label) for key, label in measure.labels[dimension].items()}
    elif dimension == "donor":
        found = {o.pk: o.name for o in places.organization_list(actor=actor).filter(pk__in=keys)}
    elif dimension in LEVELS:
        found = {r.pk: r.name for r in places.region_list(actor=actor).filter(pk__in=keys)}
    elif dimension == "round":
        found = {r.pk: r.name for r in pairings.round_list(actor=actor).filter(pk__in=keys)}
    elif dimension == "category":
        found = {key: str(label) for key, label in Category.choices}
    elif dimension == "specialty":
        found = {key: str(label) for key, label in Specialty.choices}
    else:
        found = {}
    blank = _("Above this level") if dimension in LEVELS else _("Not given")
    return {key: found.get(key, blank if key is None else str(key)) for key in keys}


def _ordered(labels: dict, dimension: str) -> list:
    if dimension == "year":
        return sorted(labels, key=lambda key: (key is None, key or 0))
    return sorted(labels, key=lambda key: (key is None, labels[key]))


def pivot(
    *,
    actor,
    measure: str,
    rows: str,
    columns: str | None = None,
    asked: Asked | None = None,
    display: str = "table",
) -> Table:
    """The report's table: a row per value of `rows`, a column per value of `columns` and
    their totals (or one column of the measure when there are no columns)."""
    chosen, asked = MEASURES[measure], asked or Asked()
    dimensions = [rows, *([columns] if columns else [])]
    fields = [chosen.dimensions[d] for d in dimensions]
    grouped = list(
        chosen.records(actor, asked)
        .order_by()
        .values(*dict.fromkeys(fields))
        .annotate(**chosen.sums)
    )
    keys = [
        _keys(actor, d, {g[f] for g in grouped}) for d, f in zip(dimensions, fields, strict=True)
    ]
    cells = defaultdict(lambda: defaultdict(int))
    for group in grouped:
        place = tuple(key[group[f]] for key, f in zip(keys, fields, strict=True))
        if len(place) == 1:
            place = (place[0], None)
        for name in chosen.sums:
            for at in (place, (place[0], "total"), ("total", place[1]), ("total", "total")):
                cells[at][name] += group[name] or 0
    row_labels = _labels(actor, chosen, rows, {p[0] for p in cells if p[0] != "total"})
    column_labels = (
        _labels(actor, chosen, columns, {p[1] for p in cells if p[1] != "total"}) if columns else {}
    )
    row_keys = _ordered(row_labels, rows)
    column_keys = _ordered(column_labels, columns) if columns else []

    def figure(at):
        return chosen.figure(cells[at]) if at in cells else None

    title = str(chosen.label) + (f" ({chosen.unit})" if chosen.unit else "")
    if not grouped:
        heads, body = [str(DIMENSIONS[rows]), title], []
    elif columns:
        heads = [str(DIMENSIONS[rows]), *(column_labels[k] for k in column_keys), _("Total")]
        body = [
            [row_labels[r], *(figure((r, c)) for c in column_keys), figure((r, "total"))]
            for r in row_keys
        ]
        body.append(
            [_("Total"), *(figure(("total", c)) for c in column_keys), figure(("total", "total"))]
        )
    else:
        heads = [str(DIMENSIONS[rows]), title]
        body = [[row_labels[r], figure((r, None))] for r in row_keys]
        body.append([_("Total"), figure(("total", None))])
    return Table(
        slug=f"{measure}-by-{rows}" + (f"-and-{columns}" if columns else ""),
        title=title,
        columns=heads,
        rows=body,
        currency=chosen.currency,
        chart_kind=DISPLAYS.get(display, "table"),
        charted=len(column_keys) if columns else None,
        total_row=True,
        unapproved=_("Includes records still in review.") if asked.include_unapproved else "",
    )
