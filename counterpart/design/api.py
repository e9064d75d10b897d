"""Pairing design: scenarios, their figures, solving on the queue, the comparison with the
round as it is, and a draft round from one. The office writes; others read published ones."""

import datetime
from decimal import Decimal

from ninja import Field, Router, Schema
from ninja.pagination import paginate

from counterpart.accounts import permissions
from counterpart.core.schemas import InputSchema
from counterpart.design import selectors, services
from counterpart.design.comparison import comparison
from counterpart.design.jobs import SOLVE
from counterpart.jobs.api import JobOut
from counterpart.jobs.services import job_start
from counterpart.pairings import selectors as pairings
from counterpart.places import selectors as places

router = Router(tags=["design"])


class NeedIn(InputSchema):
    region_id: int
    name: str
    year: int
    value: Decimal
    source: str


class NeedOut(Schema):
    id: int
    region_id: int
    name: str
    year: int
    value: Decimal
    source: str
    version: int


class ScenarioIn(InputSchema):
    round_id: int
    name: str
    census_year: int
    revenue_year: int | None = None
    need_name: str | None = Field(None, description="Weights from this need figure…")
    need_year: int | None = Field(None, description="…of this year; none: equal weights.")


class ScenarioOut(Schema):
    id: int
    name: str
    round_id: int
    census_year: int
    revenue_year: int
    status: str
    is_published: bool
    result: dict | None
    draft_round_id: int | None
    created_at: datetime.datetime
    version: int


class ScenarioDetailOut(ScenarioOut):
    problem: dict
    origins: dict
    refusal: dict | None


class FiguresIn(InputSchema):
    version: int
    problem: dict


class PublishIn(InputSchema):
    version: int
    published: bool


class DraftRoundIn(InputSchema):
    version: int
    year: int
    name_en: str
    name_zh: str = ""
    name_ug: str = ""
    starts_on: datetime.date


class DraftRoundOut(Schema):
    round_id: int


class SideOut(Schema):
    label: str
    lowest: float | None
    highest: float | None
    spread: float | None
    gini: float | None
    changes: int


class DesignOut(Schema):
    donor: str | None
    support: float | None


class RecipientOut(Schema):
    place: str
    name: str
    group: str
    population: int
    weight: float
    designs: list[DesignOut]


class ComparisonOut(Schema):
    sides: list[SideOut]
    recipients: list[RecipientOut]


@router.get("/design/needs", response=list[NeedOut])
@paginate
def list_needs(request):
    return selectors.need_figure_list()


@router.post("/design/needs", response={201: NeedOut})
def record_need(request, payload: NeedIn):
    """Record (or correct) a place's need weight by a named figure and year."""
    actor = request.auth
    permissions.require(permissions.is_programme_office(actor))
    data = payload.dict()
    data["region"] = places.region_get(actor=actor, pk=data.pop("region_id"))
    return 201, services.need_figure_record(actor=actor, **data)


@router.get("/design/scenarios", response=list[ScenarioOut])
@paginate
def list_scenarios(request):
    return selectors.scenario_list(actor=request.auth)


@router.post("/design/scenarios", response={201: ScenarioDetailOut})
def create_scenario(request, payload: ScenarioIn):
    """A scenario of a round as it stands (capacities from fiscal revenue and the quota share,
    populations from the census)."""
    actor = request.auth
    permissions.require(permissions.is_programme_office(actor))
    data = payload.dict()
    data["round"] = pairings.round_get(actor=actor, pk=data.pop("round_id"))
    name, year = data.pop("need_name"), data.pop("need_year")
    data["need"] = (name, year) if name is not None or year is not None else None
    return 201, services.scenario_create(actor=actor, **data)


@router.get("/design/scenarios/{scenario_id}", response=ScenarioDetailOut)
def get_scenario(request, scenario_id: int):
    return selectors.scenario_get(actor=request.auth, pk=scenario_id)


@router.put("/design/scenarios/{scenario_id}/figures", response=ScenarioDetailOut)
def set_figures(request, scenario_id: int, payload: FiguresIn):
    """Replace every figure: `problem` as `counterpart design solve` reads it (README)."""
    actor = request.auth
    return services.scenario_figures_set(
        actor=actor,
        scenario=selectors.scenario_get(actor=actor, pk=scenario_id),
        expected_version=payload.version,
        problem=payload.problem,
    )


@router.post("/design/scenarios/{scenario_id}/solve", response={202: JobOut})
def solve_scenario(request, scenario_id: int):
    """Solve on the work queue; poll `/api/jobs/{id}`."""
    actor = request.auth
    scenario = selectors.scenario_get(actor=actor, pk=scenario_id)
    permissions.require(permissions.is_programme_office(actor))
    return 202, job_start(
        actor=actor,
        kind=SOLVE,
        params={"scenario_id": scenario.pk},
    )


@router.post("/design/scenarios/{scenario_id}/publish", response=ScenarioDetailOut)
def publish_scenario(request, scenario_id: int, payload: PublishIn):
    actor = request.auth
    return services.scenario_publish(
        actor=actor,
        scenario=selectors.scenario_get(actor=actor, pk=scenario_id),
        expected_version=payload.version,
        published=payload.published,
    )


@router.get("/design/scenarios/{scenario_id}/comparison", response=ComparisonOut)
def compare_scenario(request, scenario_id: int, other: int | None = None):
    """The round as it is, the scenario's design, and `other`'s when given: support per
    weighted resident (yuan a year) for every recipient, lowest first under the last."""
    actor = request.auth
    scenario = selectors.scenario_get(actor=actor, pk=scenario_id)
    found = comparison(
        scenario, selectors.scenario_get(actor=actor, pk=other) if other is not None else None
    )
    return {
        "sides": [
            {
                "label": side.label,
                "lowest": side.lowest,
                "highest": side.highest,
                "spread": side.spread,
                "gini": side.gini,
                "changes": side.changes,
            }
            for side in found.sides
        ],
        "recipients": [
            {
                "place": row.place.code,
                "name": str(row.place),
                "group": row.group,
                "population": row.population,
                "weight": row.weight,
                "designs": [
                    {"donor": donor.code if donor else None, "support": value}
                    for donor, value in row.cells
                ],
            }
            for row in found.rows
        ],
    }


@router.post("/design/scenarios/{scenario_id}/round", response={201: DraftRoundOut})
def draft_round(request, scenario_id: int, payload: DraftRoundIn):
    """A new round of the scenario's pairings, unpublished, for the office to approve."""
    actor = request.auth
    data = payload.dict()
    made = services.scenario_round_draft(
        actor=actor,
        scenario=selectors.scenario_get(actor=actor, pk=scenario_id),
        expected_version=data.pop("version"),
        **data,
    )
    return 201, {"round_id": made.pk}
