"""A map without borders: one equal square per prefecture-level unit and corps division, laid out
roughly as they lie, coloured by a figure. No boundary line is drawn anywhere (a map of China
with boundaries needs a map approval number), and nothing comes from the internet. What each
page colours by is its own (the dashboard's figures, a design's support per resident)."""

from collections.abc import Callable
from dataclasses import dataclass

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
    figure: str  # what it is coloured by (the key a page's "Colour by" chose)
    title: str
    note: str
    tiles: list[Tile]
    legend: list[tuple[str, str]]  # (colour, range)
    width: int
    height: int


def laid_out(
    units,
    values: dict[int, float],
    *,
    figure: str,
    title: str,
    note: str,
    shown: Callable,
    rounded: Callable,
) -> TileMap:
    """`units` (regions) as tiles, each coloured by its value in `values` (by region id) and
    labelled by `shown(value)`; the legend's bounds are `rounded` first."""
    tiles, spare = [], 0
    for region in units:
        if region.code in LAYOUT:
            x, y = LAYOUT[region.code]
        else:
            x, y = spare % COLUMNS, 7 + spare // COLUMNS
            spare += 1
        value = values.get(region.pk)
        tiles.append(Tile(region, x, y, value, shown(value)))
    legend = _colour(tiles, shown, rounded)
    rows = max((t.y for t in tiles), default=0) + 1
    return TileMap(
        figure=figure,
        title=title,
        note=note,
        tiles=sorted(tiles, key=lambda t: (t.y, t.x)),
        legend=legend,
        width=COLUMNS * (TILE + GAP),
        height=rows * (TILE + GAP),
    )


def in_layout_order(units) -> list:
    return sorted(units, key=lambda r: (LAYOUT.get(r.code, (99, 99))[::-1], r.name))


def _colour(tiles: list[Tile], shown: Callable, rounded: Callable) -> list[tuple[str, str]]:
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
            f"{shown(rounded(low + i * step))} – {shown(rounded(low + (i + 1) * step))}",
        )
        for i, colour in enumerate(PALETTE)
    ]


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
