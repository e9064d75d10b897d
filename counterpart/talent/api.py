"""Posts, professionals, rankings, match runs, placements and knowledge under /api/.

The same services and scoping as the pages: a professional's name is in the answer only for
those who may see it; everyone else gets the applicant number.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from counterpart.lookups import visible_or_error
from counterpart.places.api import organization_or_error
from counterpart.talent import selectors, services
from counterpart.talent.models import (
    ExtensionStatus,
    Language,
    Optimal,
    PostStatus,
    ProfessionalKind,
    Specialty,
)

router = Router(tags=["talent"])


class PostOut(Schema):
    id: int
    institution_id: int
    region_id: int = Field(alias="institution.region_id")
    title_en: str
    title_zh: str
    specialty: Specialty
    places: int
    term_months: int
    start_date: datetime.date
    requirements: str
    language: str
    min_seniority: int
    status: PostStatus
    ranked_by_hand: bool
    version: int


class PostFields(Schema):
    title_zh: str | None = None
    places: int | None = Field(None, ge=1, le=500)
    requirements: str | None = None
    language: Language | None = None
    min_seniority: int | None = Field(None, ge=1, le=4)


class PostIn(PostFields):
    institution_id: int
    title_en: str
    specialty: Specialty
    term_months: int
    start_date: datetime.date


class PostPatch(PostFields):
    version: int = Field(description="The version you read; a stale one is refused.")
    title_en: str | None = None
    specialty: Specialty | None = None
    term_months: int | None = None
    start_date: datetime.date | None = None
    status: PostStatus | None = None


class ApplicantOut(Schema):
    professional_id: int
    label: str
    specialty: str
    seniority: int
    languages: list[str]
    rank: int | None = Field(description="The post's rank of them; null: not acceptable.")
    their_rank: int


class OrderIn(Schema):
    professional_ids: list[int]


class ProfessionalOut(Schema):
    id: int
    organization_id: int
    name: str
    kind: ProfessionalKind
    specialty: Specialty
    seniority: int
    languages: list[str]
    available_from: datetime.date
    term_months: int
    version: int


class ProfessionalFields(Schema):
    kind: ProfessionalKind | None = None
    languages: list[str] | None = None


class ProfessionalIn(ProfessionalFields):
    organization_id: int
    name: str
    specialty: Specialty
    seniority: int = Field(ge=1, le=4)
    available_from: datetime.date
    term_months: int
    for_me: bool = Field(False, description="Sign yourself up: the profile is your account's.")


class ProfessionalPatch(ProfessionalFields):
    version: int
    name: str | None = None
    specialty: Specialty | None = None
    seniority: int | None = Field(None, ge=1, le=4)
    available_from: datetime.date | None = None
    term_months: int | None = None


class PreferencesIn(Schema):
    post_ids: list[int] = Field(description="Best first; each an open post, once.")


class CoupleIn(Schema):
    first_id: int
    second_id: int


class CoupleOut(Schema):
    id: int
    first_id: int
    second_id: int


class RunIn(Schema):
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


class VersionIn(Schema):
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


class ExtensionIn(Schema):
    new_end_date: datetime.date
    reason: str


class ExtensionOut(Schema):
    id: int
    placement_id: int
    new_end_date: datetime.date
    reason: str
    status: ExtensionStatus


class DecisionIn(Schema):
    approve: bool
    note: str = ""


class WithdrawIn(Schema):
    version: int
    reason: str


class WorkLoadIn(Schema):
    month: datetime.date
    teaching_hours: int = Field(0, ge=0, le=10_000)
    patients_seen: int = Field(0, ge=0, le=1_000_000)
    operations: int = Field(0, ge=0, le=100_000)


class WorkLoadOut(WorkLoadIn):
    placement_id: int


class MentorshipIn(Schema):
    institution_id: int
    mentee_role: str = Field(max_length=150, description="A role, never a name.")
    started_on: datetime.date
    mentor_id: int | None = None
    local_mentor_role: str = ""
    goals: str = ""


class MentorshipOut(Schema):
    id: int
    institution_id: int
    mentor_id: int | None
    local_mentor_role: str
    mentee_role: str
    started_on: datetime.date
    ended_on: datetime.date | None
    goals: str


class MeetingIn(Schema):
    held_on: datetime.date
    hours: Decimal = Field(max_digits=5, decimal_places=1)
    topic: str = ""


class MeetingOut(MeetingIn):
    id: int


class TrainingIn(Schema):
    institution_id: int
    topic: str
    held_on: datetime.date
    hours: Decimal = Field(max_digits=6, decimal_places=1)
    attendees: int = Field(ge=0, le=1_000_000)
    local_staff_trained: int = Field(ge=0, le=1_000_000)
    trainer_id: int | None = None


class TrainingOut(TrainingIn):
    id: int


def _professional_or_error(actor, pk: int | None, field: str):
    return visible_or_error(
        selectors.professional_list(actor=actor),
        pk,
        field=field,
        message=_("No professional with id %(id)s."),
    )


# -- posts -----------------------------------------------------------------------------------


@router.get("/posts", response=list[PostOut])
@paginate
def list_posts(request, status: PostStatus | None = None, specialty: Specialty | None = None):
    posts = selectors.post_list(actor=request.auth, status=status)
    return posts.filter(specialty=specialty) if specialty else posts


@router.post("/posts", response={201: PostOut})
def create_post(request, payload: PostIn):
    actor = request.auth
    data = payload.dict(exclude_none=True)
    institution = organization_or_error(
        actor=actor, pk=data.pop("institution_id"), field="institution_id"
    )
    return 201, services.post_create(actor=actor, institution=institution, **data)


@router.get("/posts/{post_id}", response=PostOut)
def get_post(request, post_id: int):
    return selectors.post_get(actor=request.auth, pk=post_id)


@router.patch("/posts/{post_id}", response=PostOut)
def update_post(request, post_id: int, payload: PostPatch):
    actor = request.auth
    post = selectors.post_get(actor=actor, pk=post_id)
    changes = payload.dict(exclude_unset=True, exclude={"version"})
    return services.post_update(actor=actor, post=post, expected_version=payload.version, **changes)


@router.get("/posts/{post_id}/applicants", response=list[ApplicantOut])
def list_applicants(request, post_id: int):
    """The post's applicants in its order, for its institution's team and the office."""
    actor = request.auth
    post = selectors.post_get(actor=actor, pk=post_id)
    return [
        ApplicantOut(
            professional_id=row.professional.pk,
            label=str(row.label),
            specialty=row.professional.specialty,
            seniority=row.professional.seniority,
            languages=row.professional.languages,
            rank=row.rank,
            their_rank=row.their_rank,
        )
        for row in selectors.applicant_rows(actor=actor, post=post)
    ]


@router.put("/posts/{post_id}/ranking", response=list[ApplicantOut])
def set_ranking(request, post_id: int, payload: OrderIn):
    """Rank the applicants by hand; those left out are not acceptable."""
    actor = request.auth
    post = selectors.post_get(actor=actor, pk=post_id)
    services.post_ranking_set(actor=actor, post=post, professional_ids=payload.professional_ids)
    return list_applicants(request, post_id)


@router.delete("/posts/{post_id}/ranking", response=list[ApplicantOut])
def reset_ranking(request, post_id: int):
    """Back to ranking by the rule."""
    actor = request.auth
    services.post_ranking_reset(actor=actor, post=selectors.post_get(actor=actor, pk=post_id))
    return list_applicants(request, post_id)


# -- professionals ---------------------------------------------------------------------------


@router.get("/professionals", response=list[ProfessionalOut])
@paginate
def list_professionals(request, specialty: Specialty | None = None):
    professionals = selectors.professional_list(actor=request.auth)
    return professionals.filter(specialty=specialty) if specialty else professionals


@router.post("/professionals", response={201: ProfessionalOut})
def register_professional(request, payload: ProfessionalIn):
    actor = request.auth
    data = payload.dict(exclude_none=True)
    organization = organization_or_error(
        actor=actor, pk=data.pop("organization_id"), field="organization_id"
    )
    user = actor if data.pop("for_me") else None
    return 201, services.professional_register(
        actor=actor, organization=organization, user=user, **data
    )


@router.get("/professionals/{professional_id}", response=ProfessionalOut)
def get_professional(request, professional_id: int):
    return selectors.professional_get(actor=request.auth, pk=professional_id)


@router.patch("/professionals/{professional_id}", response=ProfessionalOut)
def update_professional(request, professional_id: int, payload: ProfessionalPatch):
    actor = request.auth
    professional = selectors.professional_get(actor=actor, pk=professional_id)
    changes = payload.dict(exclude_unset=True, exclude={"version"})
    return services.professional_update(
        actor=actor, professional=professional, expected_version=payload.version, **changes
    )


@router.get("/professionals/{professional_id}/preferences", response=list[int])
def get_preferences(request, professional_id: int):
    """The ids of the posts the professional ranked, best first."""
    actor = request.auth
    professional = selectors.professional_get(actor=actor, pk=professional_id)
    return [p.post_id for p in selectors.preference_list(actor=actor, professional=professional)]


@router.put("/professionals/{professional_id}/preferences", response=list[int])
def set_preferences(request, professional_id: int, payload: PreferencesIn):
    actor = request.auth
    professional = selectors.professional_get(actor=actor, pk=professional_id)
    posts = selectors.post_list(actor=actor).in_bulk(payload.post_ids)
    missing = [pk for pk in payload.post_ids if pk not in posts]
    if missing:
        raise ValidationError({"post_ids": _("No post with id %(id)s.") % {"id": missing[0]}})
    services.preferences_set(
        actor=actor, professional=professional, posts=[posts[pk] for pk in payload.post_ids]
    )
    return get_preferences(request, professional_id)


@router.post("/couples", response={201: CoupleOut})
def create_couple(request, payload: CoupleIn):
    actor = request.auth
    return 201, services.couple_create(
        actor=actor,
        first=_professional_or_error(actor, payload.first_id, "first_id"),
        second=_professional_or_error(actor, payload.second_id, "second_id"),
    )


# -- match runs ------------------------------------------------------------------------------


@router.get("/match-runs", response=list[RunOut])
@paginate
def list_runs(request):
    return selectors.match_run_list(actor=request.auth)


@router.post("/match-runs", response={201: RunDetailOut})
def create_run(request, payload: RunIn):
    return 201, services.match_run_create(actor=request.auth, optimal=payload.optimal)


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


# -- knowledge that stays ---------------------------------------------------------------------


@router.get("/mentorships", response=list[MentorshipOut])
@paginate
def list_mentorships(request):
    return selectors.mentorship_list(actor=request.auth)


@router.post("/mentorships", response={201: MentorshipOut})
def create_mentorship(request, payload: MentorshipIn):
    actor = request.auth
    data = payload.dict()
    return 201, services.mentorship_create(
        actor=actor,
        institution=organization_or_error(
            actor=actor, pk=data.pop("institution_id"), field="institution_id"
        ),
        mentor=_professional_or_error(actor, data.pop("mentor_id"), "mentor_id"),
        **data,
    )


@router.post("/mentorships/{mentorship_id}/meetings", response={201: MeetingOut})
def add_meeting(request, mentorship_id: int, payload: MeetingIn):
    actor = request.auth
    mentorship = selectors.mentorship_get(actor=actor, pk=mentorship_id)
    return 201, services.mentorship_meeting_add(
        actor=actor, mentorship=mentorship, **payload.dict()
    )


@router.get("/trainings", response=list[TrainingOut])
@paginate
def list_trainings(request):
    return selectors.training_list(actor=request.auth)


@router.post("/trainings", response={201: TrainingOut})
def record_training(request, payload: TrainingIn):
    actor = request.auth
    data = payload.dict()
    return 201, services.training_record(
        actor=actor,
        institution=organization_or_error(
            actor=actor, pk=data.pop("institution_id"), field="institution_id"
        ),
        trainer=_professional_or_error(actor, data.pop("trainer_id"), "trainer_id"),
        **data,
    )
