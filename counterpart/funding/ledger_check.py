"""The ledger covered by the audit chain: every entry must be what the event that recorded it
says (a `transaction.recorded` or `.reversed` snapshot each, or a `transactions.imported`
event's count and CNY total over its ids). An entry changed, deleted or added behind the
application's back is named. Registered with the audit chain's check (register_coverage)."""

from django.db.models import Count

from counterpart.audit.models import AuditEvent
from counterpart.audit.services import snapshot
from counterpart.core.aggregates import ExactSum
from counterpart.funding.models import Transaction

LABEL = "funding.transaction"


def ledger_against_log() -> str:
    """The first entry that differs from its event, in words, or "" when every entry agrees."""
    events = AuditEvent.objects.filter(object_type=LABEL).order_by("id")
    covered: set[int] = set()
    one_by_one = events.filter(event_type__in=["transaction.recorded", "transaction.reversed"])
    for object_id, after in one_by_one.values_list("object_id", "after"):
        entry = Transaction.objects.filter(pk=int(object_id)).first()
        if entry is None:
            return f"ledger entry {object_id} was recorded but is gone"
        stored = snapshot(entry)
        changed = sorted(k for k, v in (after or {}).items() if stored.get(k) != v)
        if changed:
            return f"ledger entry {object_id} differs from its event in {', '.join(changed)}"
        covered.add(entry.pk)
    for after in events.filter(event_type="transactions.imported").values_list("after", flat=True):
        rows = Transaction.objects.filter(pk__range=(after["first_id"], after["last_id"])).exclude(
            pk__in=covered
        )
        found = rows.aggregate(n=Count("id"), total=ExactSum("base_amount_minor"))
        if (found["n"], found["total"] or 0) != (after["entries"], after["base_total_minor"]):
            return (
                f"ledger entries {after['first_id']}–{after['last_id']} are not the "
                f"{after['entries']} entries totalling {after['base_total_minor']} fen imported"
            )
        covered.update(rows.values_list("pk", flat=True))
    stray = Transaction.objects.exclude(pk__in=covered).order_by("pk").first()
    return f"ledger entry {stray.pk} has no event that recorded it" if stray else ""
