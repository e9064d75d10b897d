"""The ledger covered by the audit chain: every entry must be what the event that recorded it
says (a `transaction.recorded` or `.reversed` snapshot each, or a `transactions.imported`
event's count and CNY total over its ids). An entry changed, deleted or added behind the
application's back is named. Registered with the audit chain's check (register_coverage)."""

from itertools import islice

from counterpart.audit.models import AuditEvent
from counterpart.audit.snapshot import snapshot
from counterpart.funding.models import Transaction

LABEL = "funding.transaction"
CHUNK = 2000  # entries read at once


def ledger_against_log() -> str:
    """The first entry that differs from its event, in words, or "" when every entry agrees."""
    events = AuditEvent.objects.filter(object_type=LABEL).order_by("id")
    covered: set[int] = set()
    one_by_one = events.filter(event_type__in=["transaction.recorded", "transaction.reversed"])
    recorded = one_by_one.values_list("object_id", "after").iterator(chunk_size=CHUNK)
    for chunk in iter(lambda: list(islice(recorded, CHUNK)), []):
        entries = Transaction.objects.in_bulk([int(object_id) for object_id, _after in chunk])
        for object_id, after in chunk:
            entry = entries.get(int(object_id))
            if entry is None:
                return f"ledger entry {object_id} was recorded but is gone"
            stored = snapshot(entry)
            changed = sorted(k for k, v in (after or {}).items() if stored.get(k) != v)
            if changed:
                return f"ledger entry {object_id} differs from its event in {', '.join(changed)}"
            covered.add(entry.pk)
    for after in events.filter(event_type="transactions.imported").values_list("after", flat=True):
        in_range = Transaction.objects.filter(pk__range=(after["first_id"], after["last_id"]))
        rows = [
            (pk, amount)
            for pk, amount in in_range.values_list("pk", "base_amount_minor").iterator(CHUNK)
            if pk not in covered  # an entry recorded alone meanwhile has its own event
        ]
        if (len(rows), sum(a for _pk, a in rows)) != (
            after["entries"],
            after["base_total_minor"],
        ):
            return (
                f"ledger entries {after['first_id']}–{after['last_id']} are not the "
                f"{after['entries']} entries totalling {after['base_total_minor']} fen imported"
            )
        covered.update(pk for pk, _amount in rows)
    if Transaction.objects.count() != len(covered):
        for pk in Transaction.objects.order_by("pk").values_list("pk", flat=True).iterator(CHUNK):
            if pk not in covered:
                return f"ledger entry {pk} has no event that recorded it"
    return ""
