"""Scenarios side by side with the round as it is: what each recipient would get per weighted
resident under each design, how evenly, and what each donor would carry."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from counterpart.design.models import Scenario
from counterpart.design.reading import problem_from
from counterpart.engine.design import Problem, changes, gini, support, weighted
from counterpart.places.models import Organization, Region
from counterpart.places.tiles import TileMap, in_layout_order, laid_out


@dataclass
class Side:
    """One design of a comparison: the round as it is, or a scenario's solution."""

    label: str
    problem: Problem
    assignment: dict[str, str]  # recipient → donor
    support: dict[str, float | None] = field(init=False)
    lowest: float | None = field(init=False)
    highest: float | None = field(init=False)
    gini: float | None = field(init=False)
    changes: int = field(init=False)

    def __post_init__(self):
        self.support = support(self.problem, self.assignment)
        found = [v for v in self.support.values() if v is not None]
        self.lowest, self.highest = min(found, default=None), max(found, default=None)
        self.gini = gini(self.problem, self.support)
        self.changes = changes(self.problem, self.assignment)

    @property
    def spread(self) -> float | None:
        """The highest support over the lowest."""
        return self.highest / self.lowest if self.lowest else None


@dataclass
class Row:
    place: Region
    group: str
    unit: Region | None  # its prefecture-level unit or corps division (its group), for the map
    population: int
    weight: float
    cells: list[tuple[Organization | None, float | None]]  # (donor, support) per side
    changed: bool  # a scenario's donor differs from the round's


@dataclass
class DonorRow:
    donor: Organization
    capacity: float
    cells: list[tuple[int, float]]  # (recipients, weighted residents) per side


@dataclass
class Comparison:
    sides: list[Side]
    rows: list[Row]  # sorted by the last side's support, lowest first
    donors: list[DonorRow]


def comparison(scenario: Scenario, other: Scenario | None = None) -> Comparison:
    """The round as it is (under the scenario's figures), the scenario's design when solved,
    and `other`'s design when given and solved."""
    problem = problem_from(scenario.problem)
    sides = [Side(_("The round as it is"), problem, dict(problem.current))]
    for each in (scenario, other):
        if each is not None and each.result:
            own = problem if each is scenario else problem_from(each.problem)
            design = {r: d for d, r in each.result["assignment"]}
            sides.append(Side(each.name, own, design))
    refs = {r.ref for side in sides for r in side.problem.recipients}
    donor_refs = {d.ref for side in sides for d in side.problem.donors}
    places = Region.objects.in_bulk(refs, field_name="code")
    donors = Organization.objects.in_bulk(donor_refs, field_name="code")
    groups = Region.objects.in_bulk(
        {r.group for side in sides for r in side.problem.recipients}, field_name="code"
    )
    figures = {r.ref: r for side in reversed(sides) for r in side.problem.recipients}
    rows = []
    for ref in refs:
        cells = [(donors.get(side.assignment.get(ref)), side.support.get(ref)) for side in sides]
        recipient = figures[ref]
        rows.append(
            Row(
                place=places[ref],
                group=str(groups.get(recipient.group, recipient.group)),
                unit=groups.get(recipient.group),
                population=recipient.population,
                weight=recipient.weight,
                cells=cells,
                changed=any(cell[0] != cells[0][0] for cell in cells[1:]),
            )
        )
    last = len(sides) - 1
    rows.sort(key=lambda row: (row.cells[last][1] is None, row.cells[last][1] or 0, row.place.path))
    return Comparison(sides=sides, rows=rows, donors=_donor_rows(sides, donors))


def support_map(compared: Comparison, side: int) -> TileMap:
    """Each prefecture-level unit's support per weighted resident under one design: what its
    recipients get, weighted by their weighted residents."""
    chosen = compared.sides[side]
    units, sums = {}, {}
    for row in compared.rows:
        if row.unit is None:
            continue
        units[row.unit.pk] = row.unit
        value, residents = row.cells[side][1], row.population * row.weight
        if value is not None and residents:
            given, weight = sums.get(row.unit.pk, (0.0, 0.0))
            sums[row.unit.pk] = (given + value * residents, weight + residents)
    return laid_out(
        in_layout_order(units.values()),
        {pk: given / weight for pk, (given, weight) in sums.items()},
        figure=str(side),
        title=_("Yuan a year per weighted resident: %(design)s") % {"design": chosen.label},
        note=_("Each prefecture's recipients together, weighted by their weighted residents."),
        shown=lambda value: "—" if value is None else f"{value:,.0f}",
        rounded=round,
    )


def _donor_rows(sides: list[Side], donors: dict) -> list[DonorRow]:
    capacity = {d.ref: d.capacity for side in sides for d in side.problem.donors}
    rows = []
    for ref in sorted(capacity, key=lambda code: str(donors[code])):
        cells = []
        for side in sides:
            mine = [r for r in side.problem.recipients if side.assignment.get(r.ref) == ref]
            cells.append((len(mine), sum(weighted(r) for r in mine)))
        rows.append(DonorRow(donor=donors[ref], capacity=capacity[ref], cells=cells))
    return rows
