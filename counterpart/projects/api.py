import datetime
from decimal import Decimal

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from counterpart.core.lookups import visible_or_error
from counterpart.core.schemas import InputSchema
from counterpart.pairings import selectors as pairings
from counterpart.places.api import organization_or_error, region_or_error
from counterpart.projects import selectors, services
from counterpart.projects.choices import ActivityStatus, Measure, ResultKind, Standard

router = Router(tags=["projects"])


class SectorShareOut(Schema):
    sector: str = Field(alias="sector_id")
    percentage: int


class ProjectOut(Schema):
    id: int
    code: str
    pairing_id: int
    title_en: str
    title_zh: str
    description_en: str
    description_zh: str
    status: ActivityStatus
    region_id: int
    implementer_id: int | None
    planned_start: datetime.date | None
    planned_end: datetime.date | None
    actual_start: datetime.date | None
    actual_end: datetime.date | None
    budget_minor: int
    currency: str
    is_published: bool
    version: int
    sectors: list[SectorShareOut]


class ProjectFields(InputSchema):
    title_zh: str | None = None
    description_en: str | None = None
    description_zh: str | None = None
    status: ActivityStatus | None = None
    region_id: int | None = Field(None, description="The main place; the recipient if left out.")
    implementer_id: int | None = None
    planned_start: datetime.date | None = None
    planned_end: datetime.date | None = None
    actual_start: datetime.date | None = None
    actual_end: datetime.date | None = None
    budget_minor: int | None = Field(None, ge=0, le=10**17)
    currency: str | None = Field(None, min_length=3, max_length=3)
    is_published: bool | None = None


class ProjectIn(ProjectFields):
    pairing_id: int
    code: str
    title_en: str = ""  # or a Chinese title only: one is enough
    sectors: dict[str, int] = Field(
        default_factory=dict, description="DAC 5-digit code → whole percentage; they add to 100."
    )


class ProjectPatch(ProjectFields):
    version: int = Field(description="The version you read; a stale one is refused.")
    title_en: str | None = None


class SectorsIn(InputSchema):
    sectors: dict[str, int]
    version: int = Field(description="The project's version read (refused when stale).")


class MilestoneOut(Schema):
    id: int
    title_en: str
    title_zh: str
    due_on: datetime.date
    completed_on: datetime.date | None
    version: int


class MilestoneIn(InputSchema):
    title_en: str = ""  # or a Chinese title only: one is enough
    title_zh: str = ""
    due_on: datetime.date


class MilestoneDone(InputSchema):
    version: int
    completed_on: datetime.date


class PlaceIn(InputSchema):
    region_id: int
    latitude: Decimal | None = Field(None, max_digits=8, decimal_places=5)
    longitude: Decimal | None = Field(None, max_digits=8, decimal_places=5)


class PlaceOut(Schema):
    id: int
    region_id: int
    latitude: Decimal | None
    longitude: Decimal | None


class DocumentIn(InputSchema):
    title: str
    url: str


class DocumentOut(DocumentIn):
    id: int


class PeriodOut(Schema):
    period_start: datetime.date
    period_end: datetime.date
    target: Decimal | None
    actual: Decimal | None
    version: int
    review_status: str = Field(
        "approved", description="draft, submitted, returned or approved (entered unreviewed)"
    )

    @staticmethod
    def resolve_review_status(period) -> str:
        review = getattr(period, "review", None)
        return review.status if review is not None else "approved"


class PeriodIn(InputSchema):
    period_start: datetime.date
    period_end: datetime.date
    target: Decimal | None = Field(None, max_digits=16, decimal_places=2)
    actual: Decimal | None = Field(None, max_digits=16, decimal_places=2)
    version: int | None = Field(
        None, description="The version read, to change a period already recorded."
    )


class IndicatorOut(Schema):
    id: int
    title_en: str
    title_zh: str
    standard: str
    measure: str
    ascending: bool
    baseline_year: int | None
    baseline_value: Decimal | None
    periods: list[PeriodOut]


class IndicatorIn(InputSchema):
    title_en: str = ""  # or a Chinese title only: one is enough
    title_zh: str = ""
    standard: Standard | None = None
    measure: Measure = Measure.UNIT
    ascending: bool = True
    baseline_year: int | None = Field(None, ge=1900, le=2999)
    baseline_value: Decimal | None = Field(None, max_digits=16, decimal_places=2)


class ResultOut(Schema):
    id: int
    kind: str
    title_en: str
    title_zh: str
    indicators: list[IndicatorOut]


class ResultIn(InputSchema):
    kind: ResultKind
    title_en: str = ""  # or a Chinese title only: one is enough
    title_zh: str = ""


def _resolve_references(actor, data: dict) -> dict:
    """Turn the ids of a project payload into the rows the actor may use, naming a wrong one."""
    if "region_id" in data:
        data["region"] = region_or_error(actor=actor, pk=data.pop("region_id"), field="region_id")
    if "implementer_id" in data:
        data["implementer"] = organization_or_error(
            actor=actor, pk=data.pop("implementer_id"), field="implementer_id"
        )
    return data


@router.get("/projects", response=list[ProjectOut])
@paginate
def list_projects(request, area_id: int | None = None, status: ActivityStatus | None = None):
    actor = request.auth
    area = region_or_error(actor=actor, pk=area_id, field="area_id")
    return selectors.project_list(actor=actor, area=area, status=status).prefetch_related("sectors")


@router.post("/projects", response={201: ProjectOut})
def create_project(request, payload: ProjectIn):
    actor = request.auth
    data = payload.dict(exclude_none=True)
    pairing = visible_or_error(
        pairings.pairing_list(actor=actor),
        data.pop("pairing_id"),
        field="pairing_id",
        message=_("No such pairing."),
    )
    project = services.project_create(
        actor=actor, pairing=pairing, **_resolve_references(actor, data)
    )
    return 201, project


@router.get("/projects/{project_id}", response=ProjectOut)
def get_project(request, project_id: int):
    return selectors.project_get(actor=request.auth, pk=project_id)


@router.patch("/projects/{project_id}", response=ProjectOut)
def update_project(request, project_id: int, payload: ProjectPatch):
    actor = request.auth
    project = selectors.project_get(actor=actor, pk=project_id)
    changes = _resolve_references(actor, payload.dict(exclude_unset=True, exclude={"version"}))
    return services.project_update(
        actor=actor, project=project, expected_version=payload.version, **changes
    )


@router.put("/projects/{project_id}/sectors", response=ProjectOut)
def set_sectors(request, project_id: int, payload: SectorsIn):
    actor = request.auth
    project = selectors.project_get(actor=actor, pk=project_id)
    return services.project_sectors_set(
        actor=actor, project=project, expected_version=payload.version, sectors=payload.sectors
    )


@router.get("/projects/{project_id}/milestones", response=list[MilestoneOut])
def list_milestones(request, project_id: int):
    return selectors.project_get(actor=request.auth, pk=project_id).milestones.all()


@router.post("/projects/{project_id}/milestones", response={201: MilestoneOut})
def add_milestone(request, project_id: int, payload: MilestoneIn):
    actor = request.auth
    project = selectors.project_get(actor=actor, pk=project_id)
    return 201, services.milestone_add(actor=actor, project=project, **payload.dict())


@router.post("/projects/{project_id}/milestones/{milestone_id}/complete", response=MilestoneOut)
def complete_milestone(request, project_id: int, milestone_id: int, payload: MilestoneDone):
    actor = request.auth
    project = selectors.project_get(actor=actor, pk=project_id)
    milestone = get_object_or_404(project.milestones, pk=milestone_id)
    return services.milestone_complete(
        actor=actor,
        milestone=milestone,
        expected_version=payload.version,
        completed_on=payload.completed_on,
    )


@router.get("/projects/{project_id}/documents", response=list[DocumentOut])
def list_documents(request, project_id: int):
    return selectors.project_get(actor=request.auth, pk=project_id).documents.all()


@router.post("/projects/{project_id}/documents", response={201: DocumentOut})
def add_document(request, project_id: int, payload: DocumentIn):
    actor = request.auth
    project = selectors.project_get(actor=actor, pk=project_id)
    return 201, services.document_add(actor=actor, project=project, **payload.dict())


@router.get("/projects/{project_id}/places", response=list[PlaceOut])
def list_places(request, project_id: int):
    """The places a project works in beside its main one."""
    return selectors.project_get(actor=request.auth, pk=project_id).places.all()


@router.post("/projects/{project_id}/places", response={201: PlaceOut})
def add_place(request, project_id: int, payload: PlaceIn):
    actor = request.auth
    project = selectors.project_get(actor=actor, pk=project_id)
    data = payload.dict()
    region = region_or_error(actor=actor, pk=data.pop("region_id"), field="region_id")
    return 201, services.project_place_add(actor=actor, project=project, region=region, **data)


@router.get("/projects/{project_id}/results", response=list[ResultOut])
def list_results(request, project_id: int):
    """The project's results; the public sees approved figures only."""
    project = selectors.project_get(actor=request.auth, pk=project_id)
    return selectors.results_of(actor=request.auth, project=project)


@router.post("/projects/{project_id}/results", response={201: ResultOut})
def create_result(request, project_id: int, payload: ResultIn):
    actor = request.auth
    project = selectors.project_get(actor=actor, pk=project_id)
    return 201, services.result_create(actor=actor, project=project, **payload.dict())


@router.post("/projects/{project_id}/results/{result_id}/indicators", response={201: IndicatorOut})
def create_indicator(request, project_id: int, result_id: int, payload: IndicatorIn):
    actor = request.auth
    project = selectors.project_get(actor=actor, pk=project_id)
    result = get_object_or_404(project.results, pk=result_id)
    data = payload.dict()
    data["standard"] = data["standard"] or ""
    return 201, services.indicator_create(actor=actor, result=result, **data)


@router.put("/projects/{project_id}/indicators/{indicator_id}/periods", response=PeriodOut)
def record_period(request, project_id: int, indicator_id: int, payload: PeriodIn):
    """Set a period's target or actual; recipient teams of the project's place report actuals."""
    actor = request.auth
    project = selectors.project_get(actor=actor, pk=project_id)
    indicator = get_object_or_404(
        selectors.indicator_list(actor=actor, project=project), pk=indicator_id
    )
    data = payload.dict()
    return services.indicator_period_record(
        actor=actor, indicator=indicator, expected_version=data.pop("version"), **data
    )
