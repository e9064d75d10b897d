"""Tele-consultations, referrals and their figures under /api/; case codes, never names."""

import datetime

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from counterpart.care import selectors, services
from counterpart.care.choices import (
    ConsultationOutcome,
    ConsultationStatus,
    ReferralOutcome,
    ReferralStatus,
)
from counterpart.core.choices import Specialty
from counterpart.core.lookups import visible_or_error
from counterpart.core.schemas import InputSchema
from counterpart.places.api import organization_or_error, region_or_error

router = Router(tags=["care"])


class ConsultationIn(InputSchema):
    requesting_institution_id: int
    consulting_institution_id: int
    specialty: Specialty
    case_code: str = Field(max_length=30, description="Pseudonymous, e.g. KSG-2017-0042.")
    question: str
    requested_at: datetime.datetime | None = None


class ConsultationOut(Schema):
    id: int
    requesting_institution_id: int
    consulting_institution_id: int
    specialty: str
    case_code: str
    question: str
    requested_at: datetime.datetime
    scheduled_for: datetime.datetime | None
    held_at: datetime.datetime | None
    status: ConsultationStatus
    advice: str
    outcome: str
    version: int


class ScheduleIn(InputSchema):
    version: int
    scheduled_for: datetime.datetime


class HoldIn(InputSchema):
    version: int
    held_at: datetime.datetime
    advice: str
    outcome: ConsultationOutcome


class CancelIn(InputSchema):
    version: int
    reason: str


class ReferralIn(InputSchema):
    from_institution_id: int
    to_institution_id: int
    case_code: str = Field(max_length=30)
    referred_on: datetime.date
    consultation_id: int | None = None
    treatment: str = ""


class ReferralOut(Schema):
    id: int
    consultation_id: int | None
    from_institution_id: int
    to_institution_id: int
    case_code: str
    referred_on: datetime.date
    admitted_on: datetime.date | None
    discharged_on: datetime.date | None
    treatment: str
    outcome: str
    follow_up_on: datetime.date | None
    follow_up_notes: str
    status: ReferralStatus
    version: int


class TreatmentIn(InputSchema):
    version: int
    admitted_on: datetime.date | None = None
    discharged_on: datetime.date | None = None
    treatment: str | None = None
    outcome: ReferralOutcome | None = None


class FollowUpIn(InputSchema):
    version: int
    follow_up_on: datetime.date
    notes: str


class MonthRow(Schema):
    month: str
    requested: int
    held: int
    median_hours: float | None


class CountRow(Schema):
    label: str
    count: int


class CareFiguresOut(Schema):
    by_month: list[MonthRow]
    by_specialty: list[CountRow]
    referrals_by_status: list[CountRow]
    referrals_by_outcome: list[CountRow]
    referrals_completed: int
    follow_ups_done: int
    median_hours: float | None


@router.get("/consultations", response=list[ConsultationOut])
@paginate
def list_consultations(request):
    return selectors.consultation_list(actor=request.auth)


@router.post("/consultations", response={201: ConsultationOut})
def request_consultation(request, payload: ConsultationIn):
    actor = request.auth
    data = payload.dict()
    for side in ("requesting_institution", "consulting_institution"):
        data[side] = organization_or_error(
            actor=actor, pk=data.pop(f"{side}_id"), field=f"{side}_id"
        )
    return 201, services.consultation_request(actor=actor, **data)


@router.get("/consultations/{consultation_id}", response=ConsultationOut)
def get_consultation(request, consultation_id: int):
    return selectors.consultation_get(actor=request.auth, pk=consultation_id)


def _consultation_step(request, consultation_id, service, payload):
    actor = request.auth
    consultation = selectors.consultation_get(actor=actor, pk=consultation_id)
    data = payload.dict()
    version = data.pop("version")
    return service(actor=actor, consultation=consultation, expected_version=version, **data)


@router.post("/consultations/{consultation_id}/schedule", response=ConsultationOut)
def schedule_consultation(request, consultation_id: int, payload: ScheduleIn):
    return _consultation_step(request, consultation_id, services.consultation_schedule, payload)


@router.post("/consultations/{consultation_id}/hold", response=ConsultationOut)
def hold_consultation(request, consultation_id: int, payload: HoldIn):
    return _consultation_step(request, consultation_id, services.consultation_hold, payload)


@router.post("/consultations/{consultation_id}/cancel", response=ConsultationOut)
def cancel_consultation(request, consultation_id: int, payload: CancelIn):
    return _consultation_step(request, consultation_id, services.consultation_cancel, payload)


@router.get("/referrals", response=list[ReferralOut])
@paginate
def list_referrals(request):
    return selectors.referral_list(actor=request.auth)


@router.post("/referrals", response={201: ReferralOut})
def create_referral(request, payload: ReferralIn):
    actor = request.auth
    data = payload.dict()
    for side in ("from_institution", "to_institution"):
        data[side] = organization_or_error(
            actor=actor, pk=data.pop(f"{side}_id"), field=f"{side}_id"
        )
    data["consultation"] = visible_or_error(
        selectors.consultation_list(actor=actor),
        data.pop("consultation_id"),
        field="consultation_id",
        message=_("No consultation with id %(id)s."),
    )
    return 201, services.referral_create(actor=actor, **data)


@router.get("/referrals/{referral_id}", response=ReferralOut)
def get_referral(request, referral_id: int):
    return selectors.referral_get(actor=request.auth, pk=referral_id)


@router.post("/referrals/{referral_id}/treatment", response=ReferralOut)
def treat_referral(request, referral_id: int, payload: TreatmentIn):
    """The treating hospital records admission, treatment, discharge and outcome."""
    actor = request.auth
    referral = selectors.referral_get(actor=actor, pk=referral_id)
    changes = payload.dict(exclude_unset=True, exclude={"version"})
    return services.referral_treat(
        actor=actor, referral=referral, expected_version=payload.version, **changes
    )


@router.post("/referrals/{referral_id}/follow-up", response=ReferralOut)
def follow_up_referral(request, referral_id: int, payload: FollowUpIn):
    actor = request.auth
    referral = selectors.referral_get(actor=actor, pk=referral_id)
    return services.referral_follow_up(
        actor=actor,
        referral=referral,
        expected_version=payload.version,
        follow_up_on=payload.follow_up_on,
        notes=payload.notes,
    )


@router.get("/care/figures", response=CareFiguresOut)
def care_figures(request, donor_id: int | None = None, area_id: int | None = None):
    """Counts for everyone: consultations by month and specialty, response times, referrals."""
    actor = request.auth
    figures = selectors.care_figures(
        actor=actor,
        donor=organization_or_error(actor=actor, pk=donor_id, field="donor_id"),
        area=region_or_error(actor=actor, pk=area_id, field="area_id"),
    )
    return CareFiguresOut(
        by_month=[
            MonthRow(month=m, requested=r, held=h, median_hours=w)
            for m, r, h, w in figures.by_month
        ],
        by_specialty=[CountRow(label=label, count=n) for label, n in figures.by_specialty],
        referrals_by_status=[
            CountRow(label=label, count=n) for label, n in figures.referrals_by_status
        ],
        referrals_by_outcome=[
            CountRow(label=label, count=n) for label, n in figures.referrals_by_outcome
        ],
        referrals_completed=figures.referrals_completed,
        follow_ups_done=figures.follow_ups_done,
        median_hours=figures.median_hours,
    )
