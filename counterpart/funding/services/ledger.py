"""Writes to the ledger: record, record in bulk, reverse, confirm receipt (house rules 1–5, 8).

Each service runs one `LedgerBatch`, which checks, converts and writes the entries and the
totals kept beside them.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.accounts import selectors as accounts
from counterpart.accounts.choices import Role
from counterpart.audit.services import audit_record
from counterpart.audit.snapshot import snapshot
from counterpart.core.bulk import chunks, larger_sqlite_cache
from counterpart.core.rules import text_too_long
from counterpart.core.said import money
from counterpart.core.service import service, step
from counterpart.funding.choices import TransactionKind
from counterpart.funding.models import LedgerBalance, LedgerTotal, ReceiptConfirmation, Transaction
from counterpart.funding.services._batch import REASON_CHARS, LedgerBatch
from counterpart.funding.services.entries import Entry
from counterpart.notifications.services import notify, notify_many
from counterpart.pairings.models import Pairing
from counterpart.places.models import Organization, Region
from counterpart.projects.models import Project, Sector
from counterpart.reporting import selectors as reporting_selectors
from counterpart.reporting import services as reporting
from counterpart.reporting.choices import ReviewStatus


@service
def transaction_record(
    *,
    actor,
    kind: str,
    pairing: Pairing,
    amount_minor: int,
    currency: str,
    value_date: datetime.date,
    project: Project | None = None,
    provider: Organization | None = None,
    receiver: Organization | None = None,
    region: Region | None = None,
    sector: str | Sector | None = None,
    description: str = "",
    reason: str = "",
    reference: str = "",
) -> Transaction:
    """Record one entry (see `Entry`). Bad input raises and writes nothing."""
    entry = Entry(
        kind=kind,
        pairing=pairing,
        amount_minor=amount_minor,
        currency=currency,
        value_date=value_date,
        project=project,
        provider=provider,
        receiver=receiver,
        region=region,
        sector=sector,
        description=description,
        reason=reason,
        reference=reference,
    )
    ledger = LedgerBatch(actor=actor)
    ledger.preload([entry])
    reviewing = ledger.under_review(pairing)
    ledger.add(ledger.prepare(entry), approved=not reviewing)
    (recorded,) = ledger.write()
    audit_record(
        actor=actor,
        event_type="transaction.recorded",
        obj=recorded,
        after=snapshot(recorded),
        reason=recorded.reason,
    )
    if reviewing:
        reporting.review_open(actor=actor, record=recorded, submit=True)
    if recorded.kind == TransactionKind.DISBURSEMENT:
        _tell_the_receivers(recorded)
    return recorded


def _receivers(entry: Transaction):
    return accounts.members(role=Role.RECIPIENT_TEAM, serving=entry.region)


def _tell_the_receivers(entry: Transaction, users=None) -> None:
    """The recipient teams of the place a disbursement went to are asked to confirm it."""
    notify(
        users=_receivers(entry) if users is None else users,
        kind="receipt_waiting",
        values={
            "amount": money(entry.amount_minor, entry.currency_id),
            "donor": entry.pairing.donor,
            "date": entry.value_date,
        },
        link=reverse("funding:detail", args=[entry.pk]),
    )


# After this many entries at once, PostgreSQL's planner is told the ledger grew (what autovacuum
# would do a while later): with statistics of the table as it was, the next import's lookups
# by reference scan it whole (a 100,000-row file after a million took 27 s instead of 7).
REFRESH_STATISTICS_AFTER = 50_000


def _refresh_statistics(model) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


class BulkError(ValidationError):
    """Errors of a bulk record, by row (1-based) and field; nothing was written."""

    def __init__(self, row_errors: dict[int, dict[str, list[str]]]):
        self.row_errors = row_errors
        super().__init__(
            [
                f"row {row}, {field}: {message}"
                for row, fields in sorted(row_errors.items())
                for field, messages in fields.items()
                for message in messages
            ]
        )


CHUNK_ENTRIES = 10_000  # a long file's entries are checked and written this many at a time


@service
def transactions_record_bulk(
    *,
    actor,
    entries: Iterable[Entry],
    source: str = "",
    historical: str = "",
) -> int:
    """Record many entries, all or nothing: any bad row refuses the lot, naming row and field.

    One audit event covers the import (the entries themselves keep who recorded them and when,
    and can never change); this is the path of imports and of the ledger benchmark. The entries
    may come as a generator (a file's rows as they are read): they are checked and written a
    chunk at a time, and only counts are kept of them. With a reason in `historical` the office
    enters them as approved history: closed periods and the data freeze take them, and no
    review opens.
    """
    if historical:
        permissions.require(permissions.can_manage_programme(actor))
    ledger = LedgerBatch(actor=actor, historical=bool(historical))
    written = _Written()
    # The indexes stay in memory while many entries are written, unless they come as a stream
    # (a file's rows), whose process is kept lean: at a million rows the usual cache is as fast.
    with larger_sqlite_cache(len(entries) if isinstance(entries, list) else 0):
        reporting.reviews_open_submitted(
            actor=actor, records=_written_in_chunks(ledger, entries, written), file=source
        )
        ledger.write_derived()
    if not written.count:
        return 0
    audit_record(
        actor=actor,
        event_type="transactions.imported",
        obj=written.first,
        after={
            "entries": written.count,
            "first_id": written.first.pk,
            "last_id": written.last_id,
            "base_total_minor": written.base_total_minor,
            "source": source,
            "historical": bool(historical),
        },
        reason=historical,
    )
    written.tell_the_receivers(file=source)
    if written.count >= REFRESH_STATISTICS_AFTER:
        _refresh_statistics(Transaction)
    return written.count


def _written_in_chunks(ledger: LedgerBatch, entries: Iterable[Entry], written: "_Written"):
    """Each chunk of entries checked and written as the reviews read on, and of what was
    written, what waits for review handed on to them. After a bad row nothing more is written;
    the rest are still checked (up to 100 bad rows), then the lot is refused."""
    row_errors: dict[int, dict[str, list[str]]] = {}
    done = 0
    for chunk in chunks(entries, CHUNK_ENTRIES):
        ledger.preload(chunk)
        for row, entry in enumerate(chunk, start=done + 1):
            try:
                ledger.add(ledger.prepare(entry), approved=not ledger.under_review(entry.pairing))
            except ValidationError as error:
                row_errors[row] = error.message_dict
                if len(row_errors) >= 100:  # enough to fix before trying again
                    raise BulkError(row_errors) from None
        done += len(chunk)
        if row_errors:
            ledger.pending.clear()
            continue
        records = ledger.write_pending()
        written.add(records)
        yield from (
            recorded
            for recorded, entry in zip(records, chunk, strict=True)
            if ledger.under_review(entry.pairing)
        )
    if row_errors:
        raise BulkError(row_errors)


class _Written:
    """What a bulk record wrote, counted as its chunks go by."""

    def __init__(self):
        self.count = self.base_total_minor = 0
        self.first: Transaction | None = None
        self.last_id = 0
        self.sent: dict[int, list] = {}  # place → [disbursements, the first of them]

    def add(self, records: list[Transaction]) -> None:
        if not records:
            return
        self.first = self.first or records[0]
        self.last_id = records[-1].pk
        self.count += len(records)
        self.base_total_minor += sum(recorded.base_amount_minor for recorded in records)
        for recorded in records:
            if recorded.kind == TransactionKind.DISBURSEMENT:
                self.sent.setdefault(recorded.region_id, [0, recorded])[0] += 1

    def tell_the_receivers(self, *, file: str) -> None:
        """The recipient teams of each place told once of all the disbursements a file sent
        it."""
        for count, first in self.sent.values():
            users = list(_receivers(first))
            if count == 1:
                _tell_the_receivers(first, users=users)
            else:
                notify_many(users=users, kind="receipt_waiting", count=count, file=file)


@service
def transaction_reverse(*, actor, transaction: Transaction, reason: str) -> Transaction:
    """Cancel an entry with its mirror image, at the original's rate, so the two net to zero."""
    original = Transaction.objects.select_related("pairing__donor", "project", "sector").get(
        pk=transaction.pk
    )
    permissions.require(permissions.can_act_for_donor(actor, original.pairing.donor))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why this entry is reversed.")})
    errors = text_too_long(reason=(reason, REASON_CHARS))
    if errors:
        raise ValidationError(errors)
    if original.reverses_id is not None:
        raise ValidationError({"transaction": _("A reversal cannot itself be reversed.")})
    if Transaction.objects.filter(reverses=original).exists():
        raise ValidationError({"transaction": _("This entry has already been reversed.")})
    ledger = LedgerBatch(actor=actor)
    ledger.lock({original.pairing_id})
    mirror = Transaction(
        **{
            field.attname: getattr(original, field.attname)
            for field in Transaction._meta.concrete_fields
            if field.name not in {"id", "recorded_at"}
        }
    )
    mirror.amount_minor = -original.amount_minor
    mirror.base_amount_minor = -original.base_amount_minor
    mirror.reverses = original
    mirror.reference = ""  # the provider's number stays the original's
    mirror.reason = reason
    mirror.recorded_by = actor if getattr(actor, "pk", None) else None
    # Carry the loaded sector and project: the totals read their category and publication.
    mirror.sector = original.sector
    mirror.project = original.project
    # A reversal of an entry still in review cancels what never counted: it sits beside it,
    # unapproved, and needs no review of its own. Reversing an approved entry is reviewed.
    original_approved = reporting_selectors.status_of(original) == ReviewStatus.APPROVED
    reviewing = original_approved and ledger.under_review(original.pairing)
    ledger.add(mirror, approved=original_approved and not reviewing)
    (reversal,) = ledger.write()
    audit_record(
        actor=actor,
        event_type="transaction.reversed",
        obj=reversal,
        after=snapshot(reversal),
        reason=reason,
    )
    if reviewing:
        reporting.review_open(actor=actor, record=reversal, submit=True)
    return reversal


@service
def receipt_confirm(
    *, actor, transaction: Transaction, received_on: datetime.date, note: str = ""
) -> ReceiptConfirmation:
    """The recipient team of the receiving place confirms that a disbursement arrived."""
    entry = Transaction.objects.select_related("region").get(pk=transaction.pk)
    permissions.require(permissions.serves_region(actor, entry.region))
    if entry.kind != TransactionKind.DISBURSEMENT or entry.reverses_id is not None:
        raise ValidationError({"transaction": _("Only a disbursement's receipt is confirmed.")})
    if Transaction.objects.filter(reverses=entry).exists():
        raise ValidationError({"transaction": _("This disbursement was reversed.")})
    if ReceiptConfirmation.objects.filter(transaction=entry).exists():
        raise ValidationError({"transaction": _("This receipt is already confirmed.")})
    if received_on < entry.value_date or received_on > timezone.localdate():
        raise ValidationError(
            {
                "received_on": _(
                    "The money arrives on or after its value date, and not later than today."
                )
            }
        )
    receipt = ReceiptConfirmation(
        transaction=entry, received_on=received_on, note=note, confirmed_by=actor
    )
    receipt.full_clean()  # the note's length: SQLite would store any
    receipt.save()
    audit_record(actor=actor, event_type="receipt.confirmed", obj=receipt, after=snapshot(receipt))
    return receipt


@service
def ledger_totals_rebuild(*, actor, pairing: Pairing | None = None) -> int:
    """Recompute the totals from the ledger (all, or one pairing's): after a project's sectors
    or publication change, and as a check that nothing drifted. Returns the entries counted."""
    permissions.require(
        permissions.can_manage_programme(actor)
        or (pairing is not None and permissions.can_act_for_donor(actor, pairing.donor))
    )
    entries = Transaction.objects.select_related("sector", "project")
    derived = [LedgerTotal.objects.all(), LedgerBalance.objects.all()]
    if pairing is not None:
        entries = entries.filter(pairing=pairing)
        derived = [rows.filter(pairing=pairing) for rows in derived]
    for rows in derived:
        rows.delete()  # derived rows only; the ledger itself is never touched
    ledger = LedgerBatch(actor=actor)
    unsettled = set(
        reporting_selectors.unsettled_ids(Transaction).values_list("object_id", flat=True)
    )
    counted = 0
    for entry in entries.iterator(chunk_size=5000):
        approved = entry.pk not in unsettled and entry.reverses_id not in unsettled
        ledger.add(entry, approved=approved)
        counted += 1
    ledger.pending.clear()
    ledger.write_derived()
    return counted


@step
def ledger_review_moved(*, review, before: str | None, after: str) -> None:
    """A ledger entry's review settled: its amounts move to the approved totals (inside the
    review's transaction). Nothing else of a review changes what the totals count."""
    counted_before = before == ReviewStatus.APPROVED
    if before is None or counted_before == (after == ReviewStatus.APPROVED):
        return
    entry = Transaction.objects.select_related("sector", "project").get(pk=review.object_id)
    ledger = LedgerBatch(actor=None)
    ledger.lock({entry.pairing_id})
    ledger.move(entry, approved=after == ReviewStatus.APPROVED)
    ledger.write_derived()


@service
def transaction_preview(
    *,
    actor,
    kind: str,
    pairing: Pairing,
    amount_minor: int,
    currency: str,
    value_date: datetime.date,
    project: Project | None = None,
    provider: Organization | None = None,
    receiver: Organization | None = None,
    region: Region | None = None,
    sector: str | Sector | None = None,
    description: str = "",
    reason: str = "",
    reference: str = "",
) -> tuple[Transaction, list[tuple[str, int]]]:
    """What recording these fields would write, without writing it or locking anything: the
    checked entry and its base-currency amount by category. Raises what recording would raise
    (a disbursement's balance is read as it stands, unlocked: recording checks it again)."""
    entry = Entry(
        kind=kind,
        pairing=pairing,
        amount_minor=amount_minor,
        currency=currency,
        value_date=value_date,
        project=project,
        provider=provider,
        receiver=receiver,
        region=region,
        sector=sector,
        description=description,
        reason=reason,
        reference=reference,
    )
    ledger = LedgerBatch(actor=actor)
    ledger.preload([entry], to_write=False)
    prepared = ledger.prepare(entry)
    return prepared, ledger.categories(prepared)
