"""A map without borders: one equal square per prefecture-level unit and corps division, laid out
roughly as they lie, coloured by a chosen figure. No boundary line is drawn anywhere (a map of
China with boundaries needs a map approval number), and nothing comes from the internet."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from counterpart.care.selectors import consultations_by_region
from counterpart.funding import by_place
from counterpart.funding import selectors as funding
from counterpart.pairings import selectors as pairings
from counterpart.places import selectors as places
from counterpart.places.choices import RegionLevel
from counterpart.talent.selectors import staffing_by_region

# (column, row), west to east and north to south, by region code; units not listed here (a
# programme elsewhere) line up in rows below.
LAYOUT = {
    "XPCC-9": (2, 0),
    "654200": (3, 0),  # Tacheng
    "654300": (5, 0),  # Altay
    "XPCC-10": (6, 0),
    "652700": (1, 1),  # Bortala
    "XPCC-5": (2, 1),
    "650200": (3, 1),  # Karamay
    "XPCC-7": (4, 1),
    "XPCC-8": (5, 1),
    "652300": (6, 1),  # Changji
    "XPCC-6": (7, 1),
    "654000": (0, 2),  # Ili
    "XPCC-4": (1, 2),
    "XPCC-11": (4, 2),
    "XPCC-12": (5, 2),
    "650100": (6, 2),  # Urumqi
    "650400": (7, 2),  # Turpan
    "650500": (8, 2),  # Hami
    "XPCC-13": (9, 2),
    "653000": (0, 3),  # Kizilsu
    "652900": (2, 3),  # Aksu
    "XPCC-1": (3, 3),
    "652800": (5, 3),  # Bayingolin
    "XPCC-2": (6, 3),
    "653100": (1, 4),  # Kashgar
    "XPCC-3": (2, 4),
    "653200": (2, 5),  # Hotan
    "XPCC-14": (3, 5),
}
COLUMNS = 10
TILE, GAP = 100, 6
PALETTE = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]  # light to dark: less to more
DARK_FROM = 3  # palette steps that take white text

FIGURES = {
    "committed": gettext_lazy("Committed (million CNY)"),
    "per_head": gettext_lazy("Committed per resident (CNY)"),
    "wellbeing": gettext_lazy("Wellbeing share of commitments (%)"),
    "posts_filled": gettext_lazy("Places filled (%)"),
    "consultations": gettext_lazy("Tele-consultations"),
}


@dataclass
class Tile:
    region: object
    x: int
    y: int
    value: float | None  # None: no figure (an unknown population, nothing committed)
    shown: str
    colour: str = "#f3f4f6"
    dark: bool = False

    @property
    def lines(self) -> list[str]:
        return wrapped(self.region.name)


@dataclass
class TileMap:
    figure: str
    title: str
    note: str
    tiles: list[Tile]
    legend: list[tuple[str, str]]  # (colour, range)
    width: int
    height: int


def tile_map(*, actor, filters: funding.Filters, figure: str) -> TileMap:
    figure = figure if figure in FIGURES else "committed"
    units = map_units(actor)
    values, note = _values(actor, filters, figure, units)
    tiles, spare = [], 0
    for region in units:
        if region.code in LAYOUT:
            x, y = LAYOUT[region.code]
        else:
            x, y = spare % COLUMNS, 7 + spare // COLUMNS
            spare += 1
        value = values.get(region.pk)
        tiles.append(Tile(region, x, y, value, _shown(figure, value)))
    legend = _colour(tiles, figure)
    rows = max((t.y for t in tiles), default=0) + 1
    return TileMap(
        figure=figure,
        title=str(FIGURES[figure]),
        note=note,
        tiles=sorted(tiles, key=lambda t: (t.y, t.x)),
        legend=legend,
        width=COLUMNS * (TILE + GAP),
        height=rows * (TILE + GAP),
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
    return sorted(units, key=lambda r: (LAYOUT.get(r.code, (99, 99))[::-1], r.name))


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


def _colour(tiles: list[Tile], figure: str) -> list[tuple[str, str]]:
    """Five equal steps from the least to the most; tiles without a figure stay grey."""
    present = [t.value for t in tiles if t.value is not None]
    if not present:
        return []
    low, high = min(present), max(present)
    step = (high - low) / len(PALETTE) or 1
    for tile in tiles:
        if tile.value is not None:
            index = min(int((tile.value - low) / step), len(PALETTE) - 1)
            tile.colour, tile.dark = PALETTE[index], index >= DARK_FROM
    return [
        (
            colour,
            f"{_shown(figure, _rounded(low + i * step, figure))} – "
            f"{_shown(figure, _rounded(low + (i + 1) * step, figure))}",
        )
        for i, colour in enumerate(PALETTE)
    ]


def _rounded(value: float, figure: str):
    return int(value) if figure in ("committed", "consultations") else round(value, 1)


def wrapped(name: str, width: float = 13) -> list[str]:
    """A name in at most three lines of a tile: Chinese characters count double."""
    lines, line, used = [], "", 0.0
    for word in _words(name):
        size = sum(2 if ord(c) > 0x2E80 else 1 for c in word)
        if line and used + size > width:
            lines.append(line.rstrip())
            line, used = "", 0.0
        line, used = line + word, used + size
    lines.append(line.rstrip())
    return lines[:2] + ([lines[2] + ("…" if len(lines) > 3 else "")] if len(lines) > 2 else [])


def _words(name: str) -> list[str]:
    """Latin and Arabic-script words with their spaces; Chinese character by character."""
    words, current = [], ""
    for c in name:
        if ord(c) > 0x2E80:
            if current:
                words.append(current)
                current = ""
            words.append(c)
        else:
            current += c
            if c == " ":
                words.append(current)
                current = ""
    return [*words, current] if current else words
