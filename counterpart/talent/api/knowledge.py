"""Mentorships and trainings: knowledge that stays."""

import datetime
from decimal import Decimal
from typing import Literal

from ninja import Field, Router, Schema
from ninja.pagination import paginate

from counterpart.core.choices import Specialty
from counterpart.core.schemas import InputSchema
from counterpart.places.api import organization_or_error
from counterpart.talent import selectors, services
from counterpart.talent.api.people import professional_or_error
from counterpart.talent.choices import LocalRole

router = Router(tags=["talent"])


class MentorshipIn(InputSchema):
    institution_id: int
    mentee_role: LocalRole = Field(description="A role, never a name.")
    mentee_field: Specialty | Literal[""] = ""
    started_on: datetime.date
    mentor_id: int | None = None
    local_mentor_role: LocalRole | Literal[""] = ""
    goals: str = ""


class MentorshipOut(Schema):
    id: int
    institution_id: int
    mentor_id: int | None
    local_mentor_role: str
    mentee_role: str
    mentee_field: str
    started_on: datetime.date
    ended_on: datetime.date | None
    goals: str


class MeetingIn(InputSchema):
    held_on: datetime.date
    hours: Decimal = Field(max_digits=5, decimal_places=1)
    topic: str = ""


class MeetingOut(MeetingIn):
    id: int


class TrainingIn(InputSchema):
    institution_id: int
    topic: str
    held_on: datetime.date
    hours: Decimal = Field(max_digits=6, decimal_places=1)
    attendees: int = Field(ge=0, le=1_000_000)
    local_staff_trained: int = Field(ge=0, le=1_000_000)
    trainer_id: int | None = None


class TrainingOut(TrainingIn):
    id: int


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
        mentor=professional_or_error(actor, data.pop("mentor_id"), "mentor_id"),
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
        trainer=professional_or_error(actor, data.pop("trainer_id"), "trainer_id"),
        **data,
    )
