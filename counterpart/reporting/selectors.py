"""Reads of reporting rules, reviews and periods."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from counterpart.accounts import permissions
from counterpart.accounts import selectors as accounts
from counterpart.accounts.choices import Role
from counterpart.engine.periods import Period, period_containing, periods_between
from counterpart.reporting.choices import ReviewStatus
from counterpart.reporting.models import (
    UNSETTLED,
    ApprovalLevel,
    FreezeException,
    PeriodReopening,
    ReportingRules,
    Review,
)


def rules_of(round) -> ReportingRules:
    """The round's rules; a round that has none reviews nothing and never closes."""
    found = ReportingRules.objects.filter(round=round).first()
    return found if found is not None else ReportingRules(round=round)


def rules_closing() -> QuerySet[ReportingRules]:
    """The rounds' rules under which periods close."""
    return ReportingRules.objects.filter(closes_after_days__isnull=False).select_related("round")


def chain_of(round) -> list[ApprovalLevel]:
    return list(ApprovalLevel.objects.filter(round=round).order_by("position"))


def review_of(record) -> Review | None:
    return (
        Review.objects.filter(
            content_type=ContentType.objects.get_for_model(record), object_id=record.pk
        )
        .select_related("round", "submitted_by")
        .first()
    )


def reviews_by_record(model, ids) -> dict[int, Review]:
    """The reviews of these records of `model`, by record id (records without one have none)."""
    return {
        review.object_id: review
        for review in Review.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id__in=list(ids)
        )
    }


def status_of(record) -> str:
    review = review_of(record)
    return review.status if review is not None else ReviewStatus.APPROVED


def approved_only(rows: QuerySet) -> QuerySet:
    """`rows` less those still in review (drafts, submissions, returned ones)."""
    return rows.filter(~in_review(rows.model))


def in_review(model, field: str = "pk") -> Exists:
    """Whether a row (or the one its `field` names) is still in review, as EXISTS: negated,
    PostgreSQL answers it as an anti-join, where NOT IN a million ids in review was a nested
    loop (an IATI export of a million-row import ran for over 11 minutes on one query)."""
    return Exists(
        Review.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            status__in=UNSETTLED,
            object_id=OuterRef(field),
        )
    )


def unsettled_ids(model) -> QuerySet:
    return Review.objects.filter(
        content_type=ContentType.objects.get_for_model(model), status__in=UNSETTLED
    ).values("object_id")


def in_level_scope(actor, level: ApprovalLevel, *, donor_field: str, region_field: str) -> Q:
    """The records (as a filter on the given paths to their donor and place) that `actor` may
    approve at `level`: every one for the office's level; those of its donor for a donor team;
    those of its place for a recipient team of the level's kind of place."""
    nothing = Q(pk__in=[])
    if level.role == Role.PROGRAMME_OFFICE:
        return Q() if permissions.is_programme_office(actor) else nothing
    teams = permissions.organizations_in_role(actor, level.role)
    if level.role == Role.DONOR_TEAM:
        return permissions.subtree_q(teams, f"{donor_field}__")
    places = [
        o.region for o in teams if o.region.level == level.region_level or not level.region_level
    ]
    return permissions.subtree_q(places, f"{region_field}__")


def may_approve(actor, review: Review) -> bool:
    """Whether `actor` acts at the level the submitted review waits at."""
    if review.status != ReviewStatus.SUBMITTED:
        return False
    chain = chain_of(review.round)
    if review.level >= len(chain):
        return permissions.is_programme_office(actor)  # a chain shortened under it
    scope = in_level_scope(actor, chain[review.level], donor_field="donor", region_field="region")
    return Review.objects.filter(scope, pk=review.pk).exists()


def approvers(review: Review):
    """The people who may approve the review at the level it waits at."""
    chain = chain_of(review.round)
    if review.status != ReviewStatus.SUBMITTED or review.level >= len(chain):
        return accounts.members(role=Role.PROGRAMME_OFFICE).none()
    level = chain[review.level]
    if level.role == Role.PROGRAMME_OFFICE:
        return accounts.members(role=level.role)
    if level.role == Role.DONOR_TEAM:
        donors = review.donor.lineage_ids() if review.donor_id else []
        return accounts.members(role=level.role, organizations=donors)
    if review.region_id is None:
        return accounts.members(role=level.role).none()
    return accounts.members(role=level.role, serving=review.region, region_level=level.region_level)


def waiting_for(actor) -> QuerySet[Review]:
    """Submissions waiting at a level where `actor` approves them."""
    waiting = Q(pk__in=[])
    for level in ApprovalLevel.objects.select_related("round"):
        scope = in_level_scope(actor, level, donor_field="donor", region_field="region")
        waiting |= Q(round=level.round_id, level=level.position - 1) & scope
    return Review.objects.filter(waiting, status=ReviewStatus.SUBMITTED).select_related("round")


def returned_to(actor) -> QuerySet[Review]:
    """What `actor` submitted and a reviewer sent back."""
    if not getattr(actor, "pk", None):
        return Review.objects.none()
    return Review.objects.filter(status=ReviewStatus.RETURNED, submitted_by=actor)


def review_list(actor, *, status: str = "", round=None) -> QuerySet[Review]:
    """Reviews the actor may see: all for the office and auditors; otherwise those its donor and
    recipient teams act on (as donor, or for the places they serve), and what it submitted.
    Other roles of the same organizations (its professionals, its team administrators) do not
    take part in review and see none."""
    reviews = Review.objects.select_related("round", "submitted_by", "content_type")
    if not permissions.reads_everything(actor):
        mine = Q(submitted_by=actor) if getattr(actor, "pk", None) else Q(pk__in=[])
        organizations = permissions.organizations_in_role(
            actor, Role.DONOR_TEAM, Role.RECIPIENT_TEAM
        )
        mine |= permissions.subtree_q(organizations, "donor__")
        mine |= permissions.subtree_q([o.region for o in organizations], "region__")
        reviews = reviews.filter(mine)
    if status in ReviewStatus.values:
        reviews = reviews.filter(status=status)
    return reviews.filter(round=round) if round is not None else reviews


def unsettled_count(actor, model) -> int:
    """How many records of `model` the actor sees in review: what an internal figure that
    includes them is marked with."""
    kind = ContentType.objects.get_for_model(model)
    return review_list(actor).filter(content_type=kind, status__in=UNSETTLED).count()


def review_get(actor, pk: int) -> Review:
    return get_object_or_404(review_list(actor), pk=pk)


def period_of(round, day: datetime.date) -> Period:
    return period_containing(day, rules_of(round).period_length)


def periods_of(round, *, until: datetime.date | None = None) -> list[Period]:
    """The round's reporting periods from its start to `until` (today when not given)."""
    last = until or timezone.localdate()
    if round.ends_on is not None:
        last = min(last, round.ends_on)
    return periods_between(round.starts_on, last, rules_of(round).period_length)


def reopening_for(round, period: Period, *, organizations=(), region=None, today=None):
    """A reopening in force today that lets one of these organizations (or the teams of this
    place) enter data for the period, if there is one."""
    today = today or timezone.localdate()
    allowed = Q(organization__isnull=True, region__isnull=True)  # reopened for everyone
    for organization in organizations:
        allowed |= Q(organization__in=organization.lineage_ids())
    if region is not None:
        allowed |= Q(region__in=region.lineage_ids())
    return (
        PeriodReopening.objects.filter(
            allowed, round=round, period_start=period.start, until__gte=today
        )
        .order_by("-until")
        .first()
    )


def freeze_exceptions_of(round) -> QuerySet[FreezeException]:
    return FreezeException.objects.filter(round=round).select_related("donor")


def reopenings_of(round) -> QuerySet[PeriodReopening]:
    return PeriodReopening.objects.filter(round=round).select_related(
        "organization", "region", "opened_by"
    )
