import datetime

from ninja import Field, Router, Schema
from ninja.pagination import paginate

from counterpart.places.api import region_or_error
from counterpart.projects import selectors
from counterpart.projects.models import ActivityStatus

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
    status: ActivityStatus
    region_id: int
    planned_start: datetime.date | None
    planned_end: datetime.date | None
    actual_start: datetime.date | None
    actual_end: datetime.date | None
    budget_minor: int
    currency: str
    is_published: bool
    version: int
    sectors: list[SectorShareOut]


class PeriodOut(Schema):
    period_start: datetime.date
    period_end: datetime.date
    target: float | None
    actual: float | None


class IndicatorOut(Schema):
    id: int
    title_en: str
    standard: str
    measure: str
    baseline_year: int | None
    baseline_value: float | None
    periods: list[PeriodOut]


class ResultOut(Schema):
    id: int
    kind: str
    title_en: str
    indicators: list[IndicatorOut]


@router.get("/projects", response=list[ProjectOut])
@paginate
def list_projects(request, area_id: int | None = None, status: ActivityStatus | None = None):
    actor = request.auth
    area = region_or_error(actor=actor, pk=area_id, field="area_id")
    return selectors.project_list(actor=actor, area=area, status=status).prefetch_related("sectors")


@router.get("/projects/{project_id}", response=ProjectOut)
def get_project(request, project_id: int):
    return selectors.project_get(actor=request.auth, pk=project_id)


@router.get("/projects/{project_id}/results", response=list[ResultOut])
def list_results(request, project_id: int):
    project = selectors.project_get(actor=request.auth, pk=project_id)
    return project.results.prefetch_related("indicators__periods")
