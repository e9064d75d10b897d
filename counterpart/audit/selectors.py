import datetime

from django.db.models import Model, QuerySet

from counterpart.accounts import permissions
from counterpart.audit.models import AuditEvent


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
    permissions.require(permissions.can_read_audit(actor))
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


def audit_events_for(*, actor, obj: Model) -> QuerySet[AuditEvent]:
    """The history of one object the actor has already been allowed to see."""
    return AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))


def audit_filter_choices(*, actor) -> dict[str, list[str]]:
    permissions.require(permissions.can_read_audit(actor))
    events = AuditEvent.objects.order_by()
    return {
        "actors": sorted(set(events.values_list("actor_label", flat=True))),
        "object_types": sorted(set(events.values_list("object_type", flat=True))),
    }
