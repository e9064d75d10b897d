"""Reviews (what waits for the caller; submit, approve, return, reopen) and each round's
reporting rules, periods, reopenings and freeze exceptions."""

import datetime
import typing

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from counterpart.accounts import permissions
from counterpart.core.lookups import visible_or_error
from counterpart.core.schemas import InputSchema
from counterpart.pairings import selectors as pairings
from counterpart.places import selectors as places
from counterpart.reporting import selectors, services
from counterpart.reporting.choices import PeriodLength, ReviewMode, ReviewStatus

router = Router(tags=["reporting"])


class StepOut(Schema):
    action: str
    level: int
    actor_id: int | None
    comment: str
    at: datetime.datetime


class ReviewOut(Schema):
    id: int
    record_type: str
    record_id: int
    title: str
    link: str
    round_id: int
    status: ReviewStatus
    levels_approved: int
    submitted_by_id: int | None
    updated_at: datetime.datetime

    @staticmethod
    def resolve_record_type(review) -> str:
        return f"{review.content_type.app_label}.{review.content_type.model}"

    @staticmethod
    def resolve_record_id(review) -> int:
        return review.object_id

    @staticmethod
    def resolve_levels_approved(review) -> int:
        return review.level


class ReviewDetailOut(ReviewOut):
    steps: list[StepOut]

    @staticmethod
    def resolve_steps(review) -> list:
        return list(review.steps.all())


@router.get("/reviews", response=list[ReviewOut])
@paginate
def list_reviews(
    request,
    show: typing.Literal["waiting", "returned", "all"] = "waiting",
    status: ReviewStatus | None = None,
):
    """What waits at a level where the caller approves (`waiting`), what the caller submitted
    and got back (`returned`), or every review the caller may see (`all`)."""
    actor = request.auth
    if show == "waiting":
        reviews = selectors.waiting_for(actor)
    elif show == "returned":
        reviews = selectors.returned_to(actor)
    else:
        reviews = selectors.review_list(actor, status=status or "")
    return reviews.select_related("content_type")


@router.get("/reviews/{review_id}", response=ReviewDetailOut)
def get_review(request, review_id: int):
    return selectors.review_get(request.auth, review_id)


class CommentIn(InputSchema):
    comment: str = Field("", max_length=2000)


@router.post("/reviews/{review_id}/{action}", response=ReviewDetailOut)
def act_on_review(
    request,
    review_id: int,
    action: typing.Literal["submit", "approve", "return", "reopen"],
    payload: CommentIn,
):
    """Submit a draft or returned record; approve or return (with a comment) at the level it
    waits at; reopen an approved record for a correction (the comment says why)."""
    actor = request.auth
    review = selectors.review_get(actor, review_id)
    if action == "submit":
        return services.review_submit(actor=actor, review=review, comment=payload.comment)
    if action == "approve":
        return services.review_approve(actor=actor, review=review, comment=payload.comment)
    if action == "return":
        return services.review_return(actor=actor, review=review, comment=payload.comment)
    return services.review_reopen(actor=actor, review=review, reason=payload.comment)


class LevelOut(Schema):
    role: str
    region_level: str


class ReportingPeriodOut(Schema):
    label: str
    start: datetime.date
    end: datetime.date
    closes_on: datetime.date | None
    closed: bool


class RulesOut(Schema):
    round_id: int
    review_mode: ReviewMode
    period_length: PeriodLength
    closes_after_days: int | None
    freeze_before: datetime.date | None
    version: int
    levels: list[LevelOut]
    periods: list[ReportingPeriodOut]


def _rules_out(round_) -> dict:
    rules = selectors.rules_of(round_)
    today = timezone.localdate()
    periods = []
    for period in selectors.periods_of(round_):
        closes_on = period.closes_on(rules.closes_after_days)
        periods.append(
            {
                "label": period.label,
                "start": period.start,
                "end": period.end,
                "closes_on": closes_on,
                "closed": closes_on is not None and closes_on < today,
            }
        )
    return {
        "round_id": round_.pk,
        "review_mode": rules.review_mode,
        "period_length": rules.period_length,
        "closes_after_days": rules.closes_after_days,
        "freeze_before": rules.freeze_before,
        "version": rules.version,
        "levels": [
            {"role": level.role, "region_level": level.region_level}
            for level in selectors.chain_of(round_)
        ],
        "periods": periods,
    }


def _round(actor, round_id: int):
    permissions.require(permissions.reads_everything(actor))
    return pairings.round_get(actor=actor, pk=round_id)


@router.get("/rounds/{round_id}/reporting-rules", response=RulesOut)
def get_rules(request, round_id: int):
    return _rules_out(_round(request.auth, round_id))


class LevelIn(InputSchema):
    role: str = Field(max_length=30)
    region_level: str = Field("", max_length=20)


class RulesIn(InputSchema):
    version: int | None = None
    review_mode: ReviewMode | None = None
    period_length: PeriodLength | None = None
    closes_after_days: int | None = Field(None, ge=0, le=366)
    freeze_before: datetime.date | None = None
    levels: list[LevelIn] | None = Field(None, max_length=20)


@router.patch("/rounds/{round_id}/reporting-rules", response=RulesOut)
def set_rules(request, round_id: int, payload: RulesIn):
    """Change what is sent of a round's rules; `levels` replaces the approval chain. Send
    `closes_after_days` or `freeze_before` as null to clear them."""
    actor = request.auth
    round_ = _round(actor, round_id)
    sent = payload.model_dump(exclude_unset=True)
    if payload.levels is not None:
        sent["levels"] = [(level.role, level.region_level) for level in payload.levels]
    version = sent.pop("version", None)
    for field in ("review_mode", "period_length", "levels"):
        if field in sent and sent[field] is None:
            del sent[field]
    services.reporting_rules_set(actor=actor, round=round_, expected_version=version, **sent)
    return _rules_out(round_)


class ReopeningIn(InputSchema):
    period_start: datetime.date
    until: datetime.date
    reason: str = Field(max_length=2000)
    organization_id: int | None = None
    region_id: int | None = None


class ReopeningOut(Schema):
    id: int
    period_start: datetime.date
    organization_id: int | None
    region_id: int | None
    until: datetime.date
    reason: str
    opened_at: datetime.datetime


@router.get("/rounds/{round_id}/reopenings", response=list[ReopeningOut])
@paginate
def list_reopenings(request, round_id: int):
    return selectors.reopenings_of(_round(request.auth, round_id))


@router.post("/rounds/{round_id}/reopenings", response={201: ReopeningOut})
def reopen_period(request, round_id: int, payload: ReopeningIn) -> tuple[int, object]:
    """Let an organization, the teams of a place, or (neither sent) everyone enter data for the
    period holding `period_start` again, until `until`."""
    actor = request.auth
    round_ = _round(actor, round_id)
    return 201, services.period_reopen(
        actor=actor,
        round=round_,
        period_start=payload.period_start,
        until=payload.until,
        reason=payload.reason,
        organization=visible_or_error(
            places.organization_list(actor=actor),
            payload.organization_id,
            field="organization_id",
            message=_("No organization %(id)s."),
        ),
        region=visible_or_error(
            places.region_list(actor=actor),
            payload.region_id,
            field="region_id",
            message=_("No place %(id)s."),
        ),
    )


class FreezeExceptionIn(InputSchema):
    donor_id: int
    until: datetime.date
    reason: str = Field(max_length=2000)


class FreezeExceptionOut(Schema):
    id: int
    donor_id: int
    until: datetime.date
    reason: str
    granted_at: datetime.datetime


@router.post("/rounds/{round_id}/freeze-exceptions", response={201: FreezeExceptionOut})
def grant_freeze_exception(
    request, round_id: int, payload: FreezeExceptionIn
) -> tuple[int, object]:
    actor = request.auth
    round_ = _round(actor, round_id)
    donor = visible_or_error(
        places.organization_list(actor=actor),
        payload.donor_id,
        field="donor_id",
        message=_("No organization %(id)s."),
    )
    return 201, services.freeze_exception_grant(
        actor=actor, round=round_, donor=donor, until=payload.until, reason=payload.reason
    )
