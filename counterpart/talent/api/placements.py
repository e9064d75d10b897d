"""Match runs, and the placements they publish: extensions, withdrawal, monthly load."""

import datetime
import typing

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from counterpart.accounts import permissions
from counterpart.core.schemas import InputSchema
from counterpart.jobs.api import JobOut
from counterpart.jobs.services import job_start
from counterpart.talent import selectors, services
from counterpart.talent.choices import ExtensionStatus, Optimal
from counterpart.talent.selectors import review

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


@router.post("/match-runs/{run_id}/withdraw", response=RunOut)
def withdraw_run(request, run_id: int, payload: WithdrawIn):
    """Take back a published run before its first term begins: its placements are withdrawn,
    the posts it filled reopen, the run is proposed again."""
    actor = request.auth
    run = selectors.match_run_get(actor=actor, pk=run_id)
    return services.match_run_withdraw(
        actor=actor, run=run, expected_version=payload.version, reason=payload.reason
    )


class PreviewOut(Schema):
    placements: int
    posts_closing: list[int]
    first_start: datetime.date | None
    last_start: datetime.date | None
    problems: list[str]


@router.get("/match-runs/{run_id}/preview", response=PreviewOut)
def preview_run(request, run_id: int):
    """What publishing the run would do, and what would stop it."""
    actor = request.auth
    permissions.require(permissions.is_programme_office(actor))
    preview = review.publication_preview(selectors.match_run_get(actor=actor, pk=run_id))
    return {**preview.__dict__, "posts_closing": [post.pk for post in preview.posts_closing]}


class ReviewRowOut(Schema):
    professional_id: int | None = None
    professional: str | None = None
    post_id: int | None = None
    choice: int | None = None
    why: str | None = None
    partner_id: int | None = None
    partner_post_id: int | None = None
    post_before_id: int | None = None
    prefecture: str | None = None
    specialty: str | None = None
    empty_places: int | None = None
    outcome: str | None = None


@router.get("/match-runs/{run_id}/lists/{name}", response=list[ReviewRowOut])
@paginate
def run_list(
    request,
    run_id: int,
    name: typing.Literal["placed", "unplaced", "empty", "couples", "blocking", "changes"],
):
    """A run's review, person by person: who goes where (`placed`), who is left out and why
    (`unplaced`), the empty places by prefecture and specialty (`empty`), each couple and its
    `outcome`, together, split or unplaced (`couples`), each professional or couple who would
    rather have posts that would take them, the posts as `post_id` and `partner_post_id`
    (`blocking`), and what changed since the run before (`changes`)."""
    actor = request.auth
    run = selectors.match_run_get(actor=actor, pk=run_id)
    found = review.run_review(run)
    label = {
        p.pk: selectors.professional_label(actor=actor, professional=p)
        for p in selectors.professional_list(actor=actor).filter(pk__in=run.inputs["professionals"])
    }
    if name == "placed":
        return [
            {
                "professional_id": p,
                "professional": label.get(p),
                "post_id": q,
                "choice": n,
                "prefecture": found.prefecture_of.get(q),
            }
            for p, q, n in found.placed
        ]
    if name == "unplaced":
        return [
            {"professional_id": p, "professional": label.get(p), "why": why}
            for p, why in found.unplaced
        ]
    if name == "empty":
        return [
            {"prefecture": place, "specialty": field, "empty_places": n}
            for place, field, n in found.empty
        ]
    if name in ("couples", "blocking"):
        rows = found.couples if name == "couples" else [(*row, None) for row in found.blocking]
        return [
            {
                "professional_id": a,
                "professional": label.get(a),
                "post_id": pa,
                "partner_id": b,
                "partner_post_id": pb,
                "outcome": outcome,
            }
            for a, pa, b, pb, outcome in rows
        ]
    before = review.previous_run(run)
    return [
        {"professional_id": p, "professional": label.get(p), "post_before_id": was, "post_id": now}
        for p, was, now in (review.run_changes(run, before) if before else [])
    ]


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
