"""The dashboard's tile map (places/tiles.py): what it may be coloured by, and those figures
for each prefecture-level unit and corps division the reader may see."""

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from counterpart.care.selectors import consultations_by_region
from counterpart.funding import by_place
from counterpart.funding import selectors as funding
from counterpart.pairings import selectors as pairings
from counterpart.places import selectors as places
from counterpart.places.choices import RegionLevel
from counterpart.places.tiles import TileMap, in_layout_order, laid_out
from counterpart.talent.selectors import staffing_by_region

FIGURES = {
    "committed": gettext_lazy("Committed (million CNY)"),
    "per_head": gettext_lazy("Committed per resident (CNY)"),
    "wellbeing": gettext_lazy("Wellbeing share of commitments (%)"),
    "posts_filled": gettext_lazy("Places filled (%)"),
    "consultations": gettext_lazy("Tele-consultations"),
}


def tile_map(*, actor, filters: funding.Filters, figure: str) -> TileMap:
    """The dashboard's map, coloured by one of FIGURES."""
    figure = figure if figure in FIGURES else "committed"
    units = map_units(actor)
    values, note = _values(actor, filters, figure, units)
    return laid_out(
        units,
        values,
        figure=figure,
        title=str(FIGURES[figure]),
        note=note,
        shown=lambda value: _shown(figure, value),
        rounded=lambda value: _rounded(value, figure),
    )


def map_units(actor) -> list:
    """The prefecture-level units and corps divisions of the provinces the pairings go to."""
    recipients = pairings.pairing_list(actor=actor).values_list("recipient__path", flat=True)
    ids = {int(part) for path in recipients for part in path.strip("/").split("/") if part}
    visible = places.region_list(actor=actor)
    provinces = list(visible.filter(pk__in=ids, level=RegionLevel.PROVINCE))
    units = visible.none()
    for province in provinces:
        units |= visible.filter(
            path__startswith=province.path,
            level__in=[RegionLevel.PREFECTURE, RegionLevel.DIVISION],
        )
    return in_layout_order(units)


def _values(actor, filters, figure, units) -> tuple[dict[int, float], str]:
    def subtree(sums: dict[str, tuple], unit, index: int) -> int:
        return sum(v[index] for path, v in sums.items() if path.startswith(unit.path))

    if figure in ("committed", "per_head", "wellbeing"):
        sums = by_place.commitments_by_place(actor=actor, filters=filters)
        committed = {u.pk: subtree(sums, u, 0) for u in units}
        if figure == "committed":
            return {pk: v for pk, v in committed.items() if v}, ""
        if figure == "wellbeing":
            wellbeing = {u.pk: subtree(sums, u, 1) for u in units}
            return {
                pk: round(100 * wellbeing[pk] / whole, 1)
                for pk, whole in committed.items()
                if whole
            }, ""
        counts = places.latest_population(units)
        years = sorted({row.year for row in counts.values()})
        note = (
            _("Residents at the %(years)s census; a unit without a census count shows none.")
            % {"years": ", ".join(map(str, years))}
            if years
            else _("No census counts are recorded.")
        )
        return {
            pk: round(committed[pk] / 100 / counts[pk].people, 2)
            for pk in committed
            if pk in counts and committed[pk]
        }, note
    paths = dict(places.region_list(actor=actor).values_list("pk", "path"))

    def within(by_region: dict[int, object], unit) -> list:
        return [v for pk, v in by_region.items() if paths.get(pk, "").startswith(unit.path)]

    found = {}
    if figure == "posts_filled":
        staffing = staffing_by_region(
            today=datetime.date.today(), donor=filters.donor, area=filters.area
        )
        for unit in units:
            inside = within(staffing, unit)
            posted, placed = sum(s.places for s in inside), sum(s.placed for s in inside)
            if posted:
                found[unit.pk] = round(100 * min(placed, posted) / posted, 1)
        return found, _("Placements made against the places posted.")
    counts = consultations_by_region(donor=filters.donor, area=filters.area, year=filters.year)
    for unit in units:
        total = sum(within(counts, unit))
        if total:
            found[unit.pk] = total
    return found, ""


def _shown(figure: str, value) -> str:
    if value is None:
        return _("no data")
    if figure == "committed":  # the title names the unit: a tile has room for a short figure
        return f"{value / 100 / 1_000_000:,.1f}"
    if figure == "per_head":
        return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"
    if figure in ("wellbeing", "posts_filled"):
        return f"{value:.1f}"
    return f"{value:,}"


def _rounded(value: float, figure: str):
    return int(value) if figure in ("committed", "consultations") else round(value, 1)
