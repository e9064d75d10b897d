"""Reviews: a record entered under a round's review goes draft → submitted → approved along the
round's chain of levels, or is returned with a comment and submitted again. An approved record
is not edited in place: it is reopened for a correction, which is a new submission."""

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from counterpart.audit.services import audit_record
from counterpart.core.bulk import chunks, insert_values
from counterpart.core.service import service, step
from counterpart.notifications.services import notify, notify_many
from counterpart.reporting import selectors
from counterpart.reporting.choices import ReviewAction, ReviewMode, ReviewStatus
from counterpart.reporting.models import Review, ReviewStep
from counterpart.reporting.registry import Scope, reviewed
from counterpart.reporting.signals import review_moved


@step
def review_open(*, actor, record, submit: bool = False) -> Review | None:
    """Called by an app's service as it creates `record` (inside its transaction): under a
    round's review the record starts as a draft (or, with `submit`, submitted at once, as a
    ledger entry is); with review off nothing happens and the record counts at once."""
    scope = reviewed(record).scope(record)
    if scope.round is None or selectors.rules_of(scope.round).review_mode == ReviewMode.OFF:
        return None
    review = Review.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        round=scope.round,
        donor=scope.donor,
        region=scope.region,
        about=scope.title,
        link=scope.link,
        status=ReviewStatus.DRAFT,
    )
    _step(review, ReviewAction.OPENED, actor)
    review_moved.send(Review, review=review, before=None, after=review.status)
    if submit:
        _submit(actor, review, "")
    return review


REVIEW_COLUMNS = [
    "content_type_id",
    "object_id",
    "round_id",
    "donor_id",
    "region_id",
    "about",
    "link",
    "status",
    "level",
    "submitted_by_id",
    "updated_at",
]
STEP_COLUMNS = ["review_id", "action", "level", "actor_id", "comment", "at"]


@step
def reviews_open_submitted(*, actor, records: Iterable, file: str) -> int:
    """`review_open(submit=True)` for many records made together (a file's rows), in bulk:
    the reviews and their two steps written a batch at a time, one audit event, and each first
    approver told once how many wait. Returns how many reviews were opened. Opening and
    submitting change no figure, so no `review_moved` is sent (approval sends it, one by one).
    The records may come as a generator (a long file's, as its chunks are written): each batch
    is forgotten once its reviews are written."""
    submitter = actor.pk if getattr(actor, "pk", None) else None
    now = timezone.now()
    submitted = (ReviewStatus.SUBMITTED, 0, submitter, now)  # status, level, by whom, when
    modes, scopes, waiting = {}, {}, defaultdict(int)
    count, first, last = 0, None, None  # the reviews opened: how many, the first and last
    for batch in chunks(records, size=2000):
        content_type = ContentType.objects.get_for_model(batch[0]).pk
        reads = [path for path in reviewed(batch[0]).scope_reads if not _held(batch[0], path)]
        prefetch_related_objects(batch, *reads)
        rows = []
        for record in batch:
            scope = reviewed(record).scope(record)
            if scope.round is None:
                continue
            if scope.round.pk not in modes:
                modes[scope.round.pk] = selectors.rules_of(scope.round).review_mode
            if modes[scope.round.pk] == ReviewMode.OFF:
                continue
            where = (
                scope.round.pk,
                getattr(scope.donor, "pk", None),
                getattr(scope.region, "pk", None),
            )
            rows.append((content_type, record.pk, *where, scope.title, scope.link, *submitted))
            if where not in waiting:
                scopes[where] = scope
            waiting[where] += 1
        keys = insert_values(Review, REVIEW_COLUMNS, rows)
        insert_values(
            ReviewStep,
            STEP_COLUMNS,
            [
                (key, action, 0, submitter, "", now)
                for key in keys
                for action in (ReviewAction.OPENED, ReviewAction.SUBMITTED)
            ],
        )
        if keys:
            count, first, last = count + len(keys), first or keys[0], keys[-1]
    if not count:
        return 0
    _tell_many([(scopes[where], count) for where, count in waiting.items()], file)
    audit_record(
        actor=actor,
        event_type="reviews.submitted",
        obj=Review.objects.get(pk=first),
        after={"reviews": count, "first_review": first, "last_review": last, "source": file},
    )
    return count


def _held(record, path: str) -> bool:
    """Whether the records a scope reads along `path` ("pairing__round") are already held by
    `record`, as a bulk writer leaves them (its batch is made alike: the first tells)."""
    for name in path.split("__"):
        field = record._meta.get_field(name)
        if not field.is_cached(record):
            return False
        record = getattr(record, name)
        if record is None:
            return True
    return True


def _tell_many(waiting: list[tuple[Scope, int]], file: str) -> None:
    """The first level's approvers of each scope, each told once of all that waits for them."""
    counts: dict[int, int] = defaultdict(int)
    people = {}
    for scope, count in waiting:
        first = Review(
            round=scope.round,
            donor=scope.donor,
            region=scope.region,
            status=ReviewStatus.SUBMITTED,
        )
        for user in selectors.approvers(first):
            people[user.pk] = user
            counts[user.pk] += count
    by_count: dict[int, list] = defaultdict(list)
    for user_id, count in counts.items():
        by_count[count].append(people[user_id])
    for count, users in by_count.items():
        notify_many(users=users, kind="review_waiting", count=count, file=file)


@step
def review_before_edit(*, actor, record) -> Review | None:
    """Called by an app's service before it changes `record`: a draft or a returned record is
    edited freely; a submitted one waits for its reviewers; an approved one is reopened first.
    Under "all edits", a record from before the review began becomes a draft with this edit."""
    scope = reviewed(record).scope(record)
    if scope.round is None:
        return None
    mode = selectors.rules_of(scope.round).review_mode
    review = selectors.review_of(record)
    if review is None:
        return review_open(actor=actor, record=record) if mode == ReviewMode.ALL else None
    if review.status == ReviewStatus.SUBMITTED:
        raise ValidationError(
            _("This record waits for review; a reviewer can return it to you for changes.")
        )
    if review.status == ReviewStatus.APPROVED:
        raise ValidationError(
            _(
                "This record is approved. Reopen it for a correction; it then goes through "
                "review again."
            )
        )
    return review


@service
def review_submit(*, actor, review: Review, comment: str = "") -> Review:
    """Send a draft or a returned record to the first level of its chain."""
    review = _locked(review)
    if not reviewed(review.record).may_edit(actor, review.record):
        raise PermissionDenied
    if review.status not in (ReviewStatus.DRAFT, ReviewStatus.RETURNED):
        raise ValidationError({"status": _("Only a draft or a returned record is submitted.")})
    _refuse_if_settled_elsewhere(review)
    return _submit(actor, review, comment)


def _submit(actor, review: Review, comment: str) -> Review:
    before = review.status
    review.status = ReviewStatus.SUBMITTED
    review.level = 0
    review.submitted_by = actor if getattr(actor, "pk", None) else None
    _moved(actor, review, before, ReviewAction.SUBMITTED, comment)
    audit_record(
        actor=actor,
        event_type="review.submitted",
        obj=review,
        reason=comment,
        **_change(review, before),
    )
    return review


@service
def review_approve(*, actor, review: Review, comment: str = "") -> Review:
    """Approve at the level the record waits at; the last level's approval makes it count."""
    review = _locked(review)
    _require_reviewer(actor, review)
    _refuse_if_settled_elsewhere(review)
    if review.submitted_by_id is not None and review.submitted_by_id == actor.pk:
        raise ValidationError({"status": _("Someone other than its submitter approves it.")})
    before = review.status
    review.level += 1
    if review.level >= len(selectors.chain_of(review.round)):
        review.status = ReviewStatus.APPROVED
    _moved(actor, review, before, ReviewAction.APPROVED, comment, level=review.level)
    audit_record(
        actor=actor,
        event_type="review.approved",
        obj=review,
        reason=comment,
        **_change(review, before),
    )
    return review


@service
def review_return(*, actor, review: Review, comment: str) -> Review:
    """Send a submission back to its submitter with what to change."""
    review = _locked(review)
    _require_reviewer(actor, review)
    if not comment.strip():
        raise ValidationError({"comment": _("Say what should change.")})
    before = review.status
    level = review.level + 1
    review.status = ReviewStatus.RETURNED
    review.level = 0
    _moved(actor, review, before, ReviewAction.RETURNED, comment, level=level)
    audit_record(
        actor=actor,
        event_type="review.returned",
        obj=review,
        reason=comment,
        **_change(review, before),
    )
    return review


@service
def review_reopen(*, actor, review: Review, reason: str) -> Review:
    """Take an approved record back to a draft for a correction: it leaves the approved figures
    until it is approved again."""
    review = _locked(review)
    how = reviewed(review.record)
    if not how.may_edit(actor, review.record):
        raise PermissionDenied
    if not how.reopenable:
        raise ValidationError(
            {"status": _("A ledger entry is corrected by a reversing entry, not reopened.")}
        )
    if review.status != ReviewStatus.APPROVED:
        raise ValidationError({"status": _("Only an approved record is reopened.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Say what is to be corrected.")})
    before = review.status
    review.status = ReviewStatus.DRAFT
    review.level = 0
    _moved(actor, review, before, ReviewAction.REOPENED, reason)
    audit_record(
        actor=actor,
        event_type="review.reopened",
        obj=review,
        reason=reason,
        **_change(review, before),
    )
    return review


BULK_ACTIONS = {"approve", "return"}
SHOWN_REFUSALS = 10


@service
def reviews_decide(*, actor, reviews: list[Review], action: str, comment: str = "") -> int:
    """Approve or return many submissions at once with one comment, each checked as if decided
    alone (in the reviewer's scope, not their own submission): all of them, or, if any one is
    refused, none, with the refused ones named."""
    if action not in BULK_ACTIONS:
        raise ValidationError({"action": _("Choose to approve or to return.")})
    if not reviews:
        raise ValidationError({"__all__": _("Choose at least one record.")})
    if action == "return" and not comment.strip():
        raise ValidationError({"comment": _("Say what should change.")})
    decide = review_approve if action == "approve" else review_return
    refused = []
    for review in reviews:
        try:
            with transaction.atomic():
                decide(actor=actor, review=review, comment=comment)
        except PermissionDenied:
            refused.append(_("%(record)s: not yours to decide.") % {"record": review.title})
        except ValidationError as error:
            refused.append(f"{review.title}: {' '.join(error.messages)}")
    if refused:
        more = len(refused) - SHOWN_REFUSALS
        shown = refused[:SHOWN_REFUSALS]
        if more > 0:
            shown.append(_("and %(count)s more.") % {"count": more})
        raise ValidationError(
            {
                "__all__": [
                    _("Nothing was decided: %(count)s of the records cannot be.")
                    % {"count": len(refused)},
                    *shown,
                ]
            }
        )
    return len(reviews)


def _moved(actor, review: Review, before, action: str, comment: str, *, level: int = 0) -> None:
    """A review's move, kept: saved, a step in its history, the next to act told, and the
    figures kept apart (the ledger's totals) following it. The caller audits it."""
    review.save(update_fields=["status", "level", "submitted_by", "updated_at"])
    _step(review, action, actor, comment, level=level)
    _tell(review, comment)
    review_moved.send(Review, review=review, before=before, after=review.status)


def _tell(review: Review, comment: str = "") -> None:
    """Who acts next hears of it: the next level's approvers, or the submitter."""
    values = {"record": review.about}
    if review.status == ReviewStatus.SUBMITTED:
        notify(
            users=selectors.approvers(review),
            kind="review_waiting",
            values=values,
            link=reverse("reporting:review", args=[review.pk]),
        )
    elif review.submitted_by is not None and review.status != ReviewStatus.DRAFT:
        kind = "review_approved" if review.status == ReviewStatus.APPROVED else "review_returned"
        notify(
            users=[review.submitted_by],
            kind=kind,
            values={**values, "comment": comment},
            link=reverse("reporting:review", args=[review.pk]),
        )


def _locked(review: Review) -> Review:
    """The review as it is now, held until the transaction ends: two reviewers acting at once
    act one after the other."""
    return (
        Review.objects.select_for_update().select_related("round", "content_type").get(pk=review.pk)
    )


def _refuse_if_settled_elsewhere(review: Review) -> None:
    why = reviewed(review.record).settled_elsewhere(review.record)
    if why:
        raise ValidationError({"status": why})


def _require_reviewer(actor, review: Review) -> None:
    if review.status != ReviewStatus.SUBMITTED:
        raise ValidationError({"status": _("This record is not waiting for review.")})
    if not selectors.may_approve(actor, review):
        raise PermissionDenied


def _step(review: Review, action: str, actor, comment: str = "", *, level: int = 0) -> None:
    ReviewStep.objects.create(
        review=review,
        action=action,
        level=level,
        actor=actor if getattr(actor, "pk", None) else None,
        comment=comment,
    )


def _change(review: Review, before: str) -> dict:
    return {
        "before": {"status": before},
        "after": {"status": review.status, "level": review.level, "record": review.about},
    }
