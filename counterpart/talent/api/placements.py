"""Match runs, and the placements they publish: extensions, withdrawal, monthly load."""

import datetime

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from counterpart.accounts import permissions
from counterpart.core.schemas import InputSchema
from counterpart.jobs.api import JobOut
from counterpart.jobs.services import job_start
from counterpart.talent import selectors, services
from counterpart.talent.models import (
    ExtensionStatus,
    Optimal,
)

router = Router(tags=["talent"])


class RunIn(InputSchema):
    optimal: Optimal = Optimal.APPLICANT


class RunOut(Schema):
    id: int
    status: str
    optimal: str
    algorithm: str
    statistics: dict
    created_at: datetime.datetime
    published_at: datetime.datetime | None
    version: int


class RunDetailOut(RunOut):
    result: list[list[int]] = Field(description="[professional id, post id] pairs.")


class VersionIn(InputSchema):
    version: int


class PlacementOut(Schema):
    id: int
    professional_id: int
    professional: str
    post_id: int
    institution_id: int = Field(alias="post.institution_id")
    start_date: datetime.date
    end_date: datetime.date
    status: str
    extended: bool
    predecessor_id: int | None
    match_run_id: int | None
    version: int

    @staticmethod
    def resolve_professional(obj, context) -> str:
        return selectors.professional_label(
            actor=context["request"].auth, professional=obj.professional
        )

    @staticmethod
    def resolve_status(obj) -> str:
        return obj.status_on(timezone.localdate())


class ExtensionIn(InputSchema):
    new_end_date: datetime.date
    reason: str


class ExtensionOut(Schema):
    id: int
    placement_id: int
    new_end_date: datetime.date
    reason: str
    status: ExtensionStatus


class DecisionIn(InputSchema):
    approve: bool
    note: str = ""


class WithdrawIn(InputSchema):
    version: int
    reason: str


class WorkLoadIn(InputSchema):
    month: datetime.date
    teaching_hours: int = Field(0, ge=0, le=10_000)
    patients_seen: int = Field(0, ge=0, le=1_000_000)
    operations: int = Field(0, ge=0, le=100_000)


class WorkLoadOut(WorkLoadIn):
    placement_id: int


# -- match runs ------------------------------------------------------------------------------


@router.get("/match-runs", response=list[RunOut])
@paginate
def list_runs(request):
    return selectors.match_run_list(actor=request.auth)


@router.post("/match-runs", response={202: JobOut})
def create_run(request, payload: RunIn):
    """Start the matching on the work queue; poll `/api/jobs/{id}`: its result names the run."""
    actor = request.auth
    permissions.require(permissions.is_programme_office(actor))
    return 202, job_start(
        actor=actor, kind="counterpart.talent.jobs.match_run", params={"optimal": payload.optimal}
    )


@router.get("/match-runs/{run_id}", response=RunDetailOut)
def get_run(request, run_id: int):
    return selectors.match_run_get(actor=request.auth, pk=run_id)


@router.post("/match-runs/{run_id}/publish", response=list[PlacementOut])
def publish_run(request, run_id: int, payload: VersionIn):
    actor = request.auth
    run = selectors.match_run_get(actor=actor, pk=run_id)
    return services.match_run_publish(actor=actor, run=run, expected_version=payload.version)


@router.post("/match-runs/{run_id}/discard", response=RunOut)
def discard_run(request, run_id: int, payload: VersionIn):
    actor = request.auth
    run = selectors.match_run_get(actor=actor, pk=run_id)
    return services.match_run_discard(actor=actor, run=run, expected_version=payload.version)


# -- placements ------------------------------------------------------------------------------


@router.get("/placements", response=list[PlacementOut])
@paginate
def list_placements(request, post_id: int | None = None):
    actor = request.auth
    post = selectors.post_get(actor=actor, pk=post_id) if post_id is not None else None
    return selectors.placement_list(actor=actor, post=post)


@router.get("/placements/ending", response=list[PlacementOut])
def list_ending(request, within_days: int = Query(90, ge=1, le=3650)):
    """Terms ending within `within_days` with no one to take over."""
    return selectors.ending_without_successor(
        actor=request.auth, today=timezone.localdate(), within_days=within_days
    )


@router.get("/placements/{placement_id}", response=PlacementOut)
def get_placement(request, placement_id: int):
    return selectors.placement_get(actor=request.auth, pk=placement_id)


@router.post("/placements/{placement_id}/extensions", response={201: ExtensionOut})
def request_extension(request, placement_id: int, payload: ExtensionIn):
    actor = request.auth
    placement = selectors.placement_get(actor=actor, pk=placement_id)
    return 201, services.extension_request(actor=actor, placement=placement, **payload.dict())


@router.post("/placements/{placement_id}/extensions/{extension_id}/decision", response=ExtensionOut)
def decide_extension(request, placement_id: int, extension_id: int, payload: DecisionIn):
    actor = request.auth
    placement = selectors.placement_get(actor=actor, pk=placement_id)
    extension = get_object_or_404(placement.extensions, pk=extension_id)
    return services.extension_decide(actor=actor, extension=extension, **payload.dict())


@router.post("/placements/{placement_id}/withdraw", response=PlacementOut)
def withdraw_placement(request, placement_id: int, payload: WithdrawIn):
    actor = request.auth
    placement = selectors.placement_get(actor=actor, pk=placement_id)
    return services.placement_withdraw(
        actor=actor, placement=placement, expected_version=payload.version, reason=payload.reason
    )


@router.put("/placements/{placement_id}/workload", response=WorkLoadOut)
def record_workload(request, placement_id: int, payload: WorkLoadIn):
    actor = request.auth
    placement = selectors.placement_get(actor=actor, pk=placement_id)
    return services.workload_record(actor=actor, placement=placement, **payload.dict())
