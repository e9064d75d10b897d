import datetime

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404

from counterpart.audit import chain, checkpoints
from counterpart.audit.changes import object_type_name
from counterpart.audit.events import event_name
from counterpart.audit.models import AuditChainCheck, AuditCheckpoint, AuditEvent, Provenance

READ = "audit.view_auditevent"


def may_read(actor) -> bool:
    """The office and auditors (answered by accounts' RoleBackend from memberships)."""
    return actor.has_perm(READ)


def require_reader(actor) -> None:
    if not may_read(actor):
        raise PermissionDenied


def audit_event_list(
    *,
    actor,
    actor_label: str | None = None,
    object_type: str | None = None,
    event_type: str | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> QuerySet[AuditEvent]:
    """The audit log, for the programme office and auditors only."""
    require_reader(actor)
    events = AuditEvent.objects.all()
    if actor_label:
        events = events.filter(actor_label=actor_label)
    if object_type:
        events = events.filter(object_type=object_type)
    if event_type:
        events = events.filter(event_type=event_type)
    if date_from:
        events = events.filter(occurred_at__date__gte=date_from)
    if date_to:
        events = events.filter(occurred_at__date__lte=date_to)
    return events


def audit_event_get(*, actor, pk: int) -> AuditEvent:
    require_reader(actor)
    return get_object_or_404(AuditEvent, pk=pk)


def audit_events_for(*, actor, obj: Model) -> QuerySet[AuditEvent]:
    """The history of one object (who changed what, and why): for those who read the log, the
    office and auditors; nothing for anyone else, who may see the object but not its history."""
    if not may_read(actor):
        return AuditEvent.objects.none()
    return AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))


def audit_filter_choices(*, actor) -> dict[str, list]:
    """Who acted, on what, and which events, as the filters offer them: codes with their words."""
    require_reader(actor)
    events = AuditEvent.objects.order_by()
    object_types = set(events.values_list("object_type", flat=True).distinct())
    event_types = set(events.values_list("event_type", flat=True).distinct())
    return {
        "actors": sorted(set(events.values_list("actor_label", flat=True).distinct())),
        "object_types": sorted(((t, object_type_name(t)) for t in object_types), key=_by_words),
        "event_types": sorted(((t, event_name(t)) for t in event_types), key=_by_words),
    }


def _by_words(pair):
    return str(pair[1])


def demo_data_present() -> bool:
    """Whether any record carries a provenance: only the demo loader writes them."""
    return Provenance.objects.exists()


def illustrative_ids(model: type[Model] | str, ids=None) -> set[int]:
    """Which records of this model (or model label, "talent.post"; of `ids`, when given) have
    made-up figures (the demo's)."""
    if isinstance(model, str):
        model = apps.get_model(model)
    rows = Provenance.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        source__startswith=Provenance.ILLUSTRATIVE,
    )
    if ids is not None:
        rows = rows.filter(object_id__in=ids)
    return set(rows.values_list("object_id", flat=True))


def illustrative_among(model: type[Model] | str, ids=None) -> bool:
    """Whether any of these records (any of the model's, without `ids`) is illustrative."""
    return bool(illustrative_ids(model, ids))


def audit_chain_latest(*, actor) -> AuditChainCheck | None:
    """The latest walk of the chain, for those who read the log."""
    require_reader(actor)
    return AuditChainCheck.objects.first()


def checkpoint_list() -> QuerySet[AuditCheckpoint]:
    """The signed checkpoints, newest first: public, like the open data."""
    return AuditCheckpoint.objects.all()


def checkpoints_not_held(published: list[dict], *, trusted_key: str | None = None) -> list[str]:
    """What a kept copy of the published checkpoints says the log no longer is, in words: a
    checkpoint whose signature does not hold, or whose length and hash the chain, recomputed
    from its events, does not pass through. Empty when the log extends every one."""
    problems = [
        f"{c['day']}: the signature does not hold"
        for c in published
        if not checkpoints.signature_holds(c, trusted_key)
    ]
    lengths = {int(c["length"]) for c in published}
    rows = AuditEvent.objects.order_by("id").values(*chain.FIELDS).iterator(chunk_size=5000)
    found = chain.hashes_at(rows, lengths)
    for c in published:
        length = int(c["length"])
        if length not in found:
            problems.append(f"{c['day']}: published {length} events; the log holds fewer")
        elif found[length] != c["chain_hash"]:
            problems.append(
                f"{c['day']}: after {length} events the log reads {found[length]}, "
                f"not the published {c['chain_hash']}"
            )
    return problems
