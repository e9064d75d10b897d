"""Writes to the ledger: record, record in bulk, reverse, confirm receipt (house rules 1–5, 8).

Each service runs one `LedgerBatch`, which checks, converts and writes the entries and the
totals kept beside them.
"""

import datetime
from collections import defaultdict

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
from counterpart.core.bulk import larger_sqlite_cache
from counterpart.core.rules import text_too_long
from counterpart.core.said import money
from counterpart.core.service import service, step
from counterpart.funding.choices import TransactionKind
from counterpart.funding.models import LedgerBalance, LedgerTotal, ReceiptConfirmation, Transaction
from counterpart.funding.services._batch import REASON_CHARS, LedgerBatch
from counterpart.funding.services.entries import Entry
from counterpart.jobs.progress import Progress, ignore_progress, tick
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


def _tell_the_receivers_of_many(written: list[Transaction], *, file: str) -> None:
    """The recipient teams of each place told once of all the disbursements a file sent it."""
    by_place: dict[int, list[Transaction]] = defaultdict(list)
    for recorded in written:
        if recorded.kind == TransactionKind.DISBURSEMENT:
            by_place[recorded.region_id].append(recorded)
    for sent in by_place.values():
        users = list(_receivers(sent[0]))
        if len(sent) == 1:
            _tell_the_receivers(sent[0], users=users)
        else:
            notify_many(users=users, kind="receipt_waiting", count=len(sent), file=file)


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


@service
def transactions_record_bulk(
    *,
    actor,
    entries: list[Entry],
    source: str = "",
    progress: Progress = ignore_progress,
    historical: str = "",
) -> int:
    """Record many entries, all or nothing: any bad row refuses the lot, naming row and field.

    One audit event covers the import (the entries themselves keep who recorded them and when,
    and can never change); this is the path of imports and of the ledger benchmark. With a
    reason in `historical` the office enters them as approved history: closed periods and the
    data freeze take them, and no review opens.
    """
    if historical:
        permissions.require(permissions.can_manage_programme(actor))
    with larger_sqlite_cache(len(entries)):  # the indexes stay in memory while it writes
        ledger = LedgerBatch(actor=actor, historical=bool(historical))
        ledger.preload(entries, progress=progress)
        row_errors: dict[int, dict[str, list[str]]] = {}
        for row, entry in enumerate(entries, start=1):
            tick(progress, row, len(entries), "ledger")
            try:
                ledger.add(ledger.prepare(entry), approved=not ledger.under_review(entry.pairing))
            except ValidationError as error:
                row_errors[row] = error.message_dict
                if len(row_errors) >= 100:  # enough to fix before trying again
                    break
        if row_errors:
            raise BulkError(row_errors)
        written = ledger.write(progress=progress)
        if written:
            audit_record(
                actor=actor,
                event_type="transactions.imported",
                obj=written[0],
                after={
                    "entries": len(written),
                    "first_id": written[0].pk,
                    "last_id": written[-1].pk,
                    "base_total_minor": sum(t.base_amount_minor for t in written),
                    "source": source,
                    "historical": bool(historical),
                },
                reason=historical,
            )
        reporting.reviews_open_submitted(
            actor=actor,
            records=[
                recorded
                for recorded, entry in zip(written, entries, strict=True)
                if ledger.under_review(entry.pairing)
            ],
            file=source,
            progress=progress,
        )
        _tell_the_receivers_of_many(written, file=source)
        if len(written) >= REFRESH_STATISTICS_AFTER:
            _refresh_statistics(Transaction)
        return len(written)


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
