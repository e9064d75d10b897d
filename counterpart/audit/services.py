"""audit_record(): every service calls it inside its own transaction (house rule 2), a step
that refuses to run outside one."""

import json

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from counterpart.audit import chain, checkpoints
from counterpart.audit.models import (
    AuditChainCheck,
    AuditChainHead,
    AuditCheckpoint,
    AuditEvent,
    Provenance,
)
from counterpart.audit.selectors import require_reader
from counterpart.audit.snapshot import snapshot
from counterpart.core.bulk import insert_rows
from counterpart.core.models import check_version
from counterpart.core.rules import FREE_TEXT_CHARS, personal_data_in, text_too_long
from counterpart.core.service import service, step


@step
def audit_record(
    *,
    actor,
    event_type: str,
    obj: models.Model,
    before: dict | None = None,
    after: dict | None = None,
    reason: str = "",
) -> AuditEvent:
    _refuse_personal_data(reason, before, after)
    with translation.override("en"):  # one language in the log, whoever made the change
        label = str(obj)[:300]
    event = AuditEvent(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=getattr(actor, "username", None) or "system",
        event_type=event_type,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=label,
        before=before,
        after=after,
        reason=reason,
    )
    # The head is locked until this transaction ends: events join the chain one at a time.
    head, _created = AuditChainHead.objects.select_for_update().get_or_create(
        pk=1, defaults={"chain_hash": chain.GENESIS}
    )
    event.chain_hash = chain.link(head.chain_hash, _stored(event))
    event.save()
    head.length, head.chain_hash, head.last_event = head.length + 1, event.chain_hash, event
    head.save(update_fields=["length", "chain_hash", "last_event"])
    return event


@step
def audit_records(
    *, actor, event_type: str, changes: list[tuple[models.Model, dict | None, dict | None]]
) -> int:
    """`audit_record` for many objects at once, (object, before, after) each: the events are
    linked into the chain in memory and inserted in one statement (a run publishing ten
    thousand posts' closing). How many were recorded."""
    if not changes:
        return 0
    for _obj, before, after in changes:
        _refuse_personal_data("", before, after)
    actor_id = actor.pk if getattr(actor, "pk", None) else None
    actor_label = getattr(actor, "username", None) or "system"
    head, _created = AuditChainHead.objects.select_for_update().get_or_create(
        pk=1, defaults={"chain_hash": chain.GENESIS}
    )
    events, previous, now = [], head.chain_hash, timezone.now()
    with translation.override("en"):
        for obj, before, after in changes:
            event = AuditEvent(
                occurred_at=now,
                actor_id=actor_id,
                actor_label=actor_label,
                event_type=event_type,
                object_type=obj._meta.label_lower,
                object_id=str(obj.pk),
                object_repr=str(obj)[:300],
                before=before,
                after=after,
            )
            event.chain_hash = previous = chain.link(previous, _stored(event))
            events.append(event)
    insert_rows(AuditEvent, events)
    head.length, head.chain_hash, head.last_event = head.length + len(events), previous, events[-1]
    head.save(update_fields=["length", "chain_hash", "last_event"])
    return len(events)


def _stored(event: AuditEvent) -> dict:
    """The event's fields as the database will give them back (JSON through a round trip)."""
    row = {name: getattr(event, name) for name in chain.FIELDS if name not in ("id", "chain_hash")}
    row["before"] = json.loads(json.dumps(event.before)) if event.before is not None else None
    row["after"] = json.loads(json.dumps(event.after)) if event.after is not None else None
    return row


# Values the system computes, never typed by anyone: a hash or a signature in hexadecimal or
# base64 may hold eleven digits in a row that read as a phone number.
DIGESTS = frozenset({"chain_hash", "signature", "public_key", "sha256", "key_hash"})


def _refuse_personal_data(reason: str, *payloads: dict | None) -> None:
    """The log is append-only: what enters it stays. A reason is free text, checked like any;
    the values recorded are checked for identity and phone numbers (names are fields of their
    own where a record has one, seen only by those who may)."""
    errors = text_too_long(reason=(reason, FREE_TEXT_CHARS))
    errors.update(personal_data_in(reason=reason))
    texts = {
        field: value
        for payload in payloads
        if payload
        for field, value in payload.items()
        if isinstance(value, str) and field not in DIGESTS
    }
    errors.update(personal_data_in(names=False, **texts))
    if errors:
        raise ValidationError(errors)


@step
def tracked_update(
    *,
    actor,
    instance: models.Model,
    expected_version: int,
    changes: dict,
    allowed: set[str],
    event_type: str,
    reason: str = "",
    validate=None,
    refused_message: str | None = None,
    also: tuple[dict, dict] | None = None,
) -> models.Model:
    """Apply `changes` to a versioned row, refusing a stale edit (house rule 8), and audit it.

    Must run inside the caller's transaction. Validation errors name the field and change nothing.
    `validate(instance)` runs on the changed instance before it is saved, for rules across rows.
    `also` is (before, after) of what changed beside the row's own fields (a post's ranking, a
    project's sector split): recorded in the same event, and the row's version moves with it.
    """

    refused = set(changes) - allowed
    if refused:
        message = refused_message or _("This field cannot be changed here.")
        raise ValidationError({field: message for field in sorted(refused)})
    current = type(instance).objects.select_for_update().get(pk=instance.pk)
    check_version(current, expected_version)
    before = snapshot(current)
    for field, value in changes.items():
        setattr(current, field, value)
    current.full_clean()
    if validate is not None:
        validate(current)
    current.version += 1
    current.save()
    after = snapshot(current)
    if also is not None:
        before, after = {**before, **also[0]}, {**after, **also[1]}
    audit_record(
        actor=actor, event_type=event_type, obj=current, before=before, after=after, reason=reason
    )
    return current


@step
def provenance_record(*, actor, objects: list[models.Model], source: str) -> int:
    """Say where these records' facts come from (a seed article, a report, or `illustrative`),
    with one audit event for the lot. Records that already have a source keep it."""
    if not objects:
        return 0
    kind = ContentType.objects.get_for_model(objects[0])
    rows = [Provenance(content_type=kind, object_id=obj.pk, source=source) for obj in objects]
    created = Provenance.objects.bulk_create(rows, ignore_conflicts=True)
    audit_record(
        actor=actor,
        event_type="provenance.recorded",
        obj=objects[0],
        after={"type": kind.model, "ids": [obj.pk for obj in objects], "source": source},
    )
    return len(created)


@service
def audit_chain_check(*, actor=None, progress=None) -> AuditChainCheck:
    """Walk the whole chain and keep the verdict: the events verified and the latest hash, or
    the first link that does not hold. The office, an auditor or the daily job runs it."""
    if actor is not None and getattr(actor, "pk", None):
        require_reader(actor)
    head = AuditChainHead.objects.filter(pk=1).first()
    rows = AuditEvent.objects.order_by("id").values(*chain.FIELDS).iterator(chunk_size=5000)
    verdict = chain.walk(
        rows,
        head_length=head.length if head else 0,
        head_hash=head.chain_hash if head else chain.GENESIS,
    )
    for covered in chain.COVERAGE_CHECKS:  # the records the log vouches for, such as the ledger
        if verdict.intact:
            verdict.problem = covered()
    return AuditChainCheck.objects.create(
        length=verdict.length,
        last_hash=verdict.last_hash,
        broken_at=verdict.broken_at,
        problem=verdict.problem,
    )


@service
def audit_checkpoint_sign(*, actor=None, progress=None) -> AuditCheckpoint:
    """Sign the chain's head as it stands today with the site's key, once a day (the daily job
    does; again the same day it returns that day's checkpoint). The head is locked meanwhile,
    so the signed length and hash belong together."""
    today = timezone.localdate()
    made = AuditCheckpoint.objects.filter(day=today).first()
    if made is not None:
        return made
    head, _created = AuditChainHead.objects.select_for_update().get_or_create(
        pk=1, defaults={"length": 0, "chain_hash": chain.GENESIS}
    )
    checkpoint = AuditCheckpoint.objects.create(
        day=today,
        length=head.length,
        chain_hash=head.chain_hash,
        signature=checkpoints.sign(today, head.length, head.chain_hash),
        public_key=checkpoints.public_key(),
    )
    audit_record(
        actor=actor,
        event_type="audit.checkpoint_signed",
        obj=checkpoint,
        after=checkpoint.as_json(),
    )
    return checkpoint
