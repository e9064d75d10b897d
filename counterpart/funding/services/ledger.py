"""Writes to the ledger: record, record in bulk, reverse, confirm receipt (house rules 1–5, 8).

One `_Ledger` per service call validates every entry against the rules, converts it to the base
currency at the rate of its value date, and writes the entries and their totals together.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models.base import ModelState
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.audit.services import audit_record, snapshot
from counterpart.engine.money import format_minor, split_by_weights
from counterpart.funding.models import (
    BASE_CURRENCY,
    Currency,
    LedgerBalance,
    LedgerTotal,
    ReceiptConfirmation,
    Transaction,
    TransactionKind,
)
from counterpart.funding.services.rates import RateBook, missing_rate_message, to_base
from counterpart.funding.services.rows import add_to_rows, insert_rows
from counterpart.pairings.models import Pairing
from counterpart.projects import selectors as projects
from counterpart.projects.models import Project, Sector

# Ten trillion yuan: far above any entry, far below what 64 bits hold after conversion.
MAX_AMOUNT_MINOR = 10**15
BALANCED = (TransactionKind.COMMITMENT, TransactionKind.DISBURSEMENT)
NOT_IN_FUTURE = (TransactionKind.DISBURSEMENT, TransactionKind.EXPENDITURE)
PROMISES = (TransactionKind.COMMITMENT, TransactionKind.PLEDGE)
KINDS = frozenset(TransactionKind.values)


@dataclass
class Entry:
    """What a caller asks the ledger to record."""

    kind: str
    pairing: Pairing
    amount_minor: int
    currency: str
    value_date: datetime.date
    project: Project | None = None
    provider: object = None  # Organization; the pairing's donor when not given
    receiver: object = None  # Organization
    region: object = None  # Region; the project's or the pairing's place when not given
    sector: str | Sector | None = None  # DAC code; None follows the project's sectors
    description: str = ""
    reason: str = ""


def accountable_donor_id(pairing: Pairing) -> int:
    """Money of a city-level sub-pairing counts for the donor of the pairing above it."""
    return pairing.parent.donor_id if pairing.parent_id else pairing.donor_id


class _Ledger:
    def __init__(self, *, actor):
        self.actor = actor
        self.now = timezone.now()  # the entries of one call are recorded at one instant
        self.today = timezone.localdate(self.now)
        self.rates = RateBook()
        self.currencies = set(Currency.objects.values_list("code", flat=True))
        self.sectors = {s.code: s for s in projects.sector_list()}
        self.splits: dict[int, list[tuple[str, int]]] = {}
        self.balances: dict[tuple, list[int]] = {}  # (pairing, project): committed, disbursed
        self.balance_deltas: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
        self.totals: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
        self.pending: list[Transaction] = []
        self.allowed: set[int] = set()  # pairings the actor may record for

    # -- reading what is there ------------------------------------------------------------

    def preload(self, entries: list[Entry]) -> None:
        """Lock the pairings concerned and read their balances and projects' sector splits."""
        self.lock({e.pairing.pk for e in entries})
        project_ids = sorted({e.project.pk for e in entries if e.project is not None})
        for chunk in _chunks(project_ids):
            _keep_from_deletion(Project, chunk)
            self.splits.update(projects.sector_splits(project_ids=chunk))
            self._load_balances(project_id__in=chunk)
        unprojected = sorted({e.pairing.pk for e in entries if e.project is None})
        for chunk in _chunks(unprojected):
            self._load_balances(pairing_id__in=chunk, project__isnull=True)

    def lock(self, pairing_ids) -> None:
        """Serialize writers per pairing (in id order, so no deadlock): the balances and totals
        read here stay true until this transaction commits."""
        ids = sorted(pairing_ids)
        list(Pairing.objects.select_for_update().filter(pk__in=ids).order_by("pk"))

    def _load_balances(self, **filters) -> None:
        rows = LedgerBalance.objects.filter(**filters).values_list(
            "pairing_id", "project_id", "committed_minor", "disbursed_minor"
        )
        for pairing_id, project_id, committed, disbursed in rows:
            self.balances[(pairing_id, project_id)] = [committed, disbursed]

    def _balance(self, pairing_id: int, project_id: int | None) -> list[int]:
        return self.balances.setdefault((pairing_id, project_id), [0, 0])

    # -- checking and preparing one entry ---------------------------------------------------

    def prepare(self, entry: Entry) -> Transaction:
        """The entry as an unsaved Transaction, or a ValidationError naming each bad field."""
        pairing = entry.pairing
        if pairing.pk not in self.allowed:
            permissions.require(permissions.can_act_for_donor(self.actor, pairing.donor))
            self.allowed.add(pairing.pk)
        errors: dict[str, str] = {}
        if entry.kind not in KINDS:
            errors["kind"] = _("Unknown transaction type %(kind)r.") % {"kind": entry.kind}
        if not isinstance(entry.amount_minor, int) or entry.amount_minor <= 0:
            errors["amount_minor"] = _(
                "An amount is above zero; a mistake is corrected by reversing its entry."
            )
        elif entry.amount_minor > MAX_AMOUNT_MINOR:
            errors["amount_minor"] = _("This amount is too large to be real.")
        currency = str(entry.currency or "").upper()
        if currency not in self.currencies:
            errors["currency"] = _("Unknown currency %(code)r.") % {"code": entry.currency}
        errors.update(self._check_dates(entry))
        project, region = entry.project, entry.region
        if project is not None and project.pairing_id != pairing.pk:
            errors["project"] = _("This project belongs to another pairing.")
        if region is None:
            region = project.region if project is not None else pairing.recipient
        elif not region.is_within(pairing.recipient):
            errors["region"] = _(
                "%(place)s is not within %(recipient)s, which this pairing assists."
            ) % {"place": region, "recipient": pairing.recipient}
        sector = self._sector(entry, errors)
        rate = None
        if currency in self.currencies and currency != BASE_CURRENCY and "value_date" not in errors:
            rate = self.rates.in_force(currency, BASE_CURRENCY, entry.value_date)
            if rate is None:
                errors["value_date"] = missing_rate_message(currency, entry.value_date)
        if errors:
            raise ValidationError(errors)
        base_amount = to_base(entry.amount_minor, currency, rate)
        if entry.kind == TransactionKind.DISBURSEMENT and not entry.reason.strip():
            committed, disbursed = self._balance(pairing.pk, project and project.pk)
            if disbursed + base_amount > committed:
                raise ValidationError(
                    {
                        "reason": _(
                            "This disbursement goes beyond what was committed (%(committed)s "
                            "committed, %(disbursed)s already disbursed). Record why, or record "
                            "the commitment first."
                        )
                        % {
                            "committed": format_minor(committed, BASE_CURRENCY),
                            "disbursed": format_minor(disbursed, BASE_CURRENCY),
                        }
                    }
                )
        return new_transaction(
            kind=entry.kind,
            pairing_id=pairing.pk,
            donor_id=accountable_donor_id(pairing),
            project_id=project and project.pk,
            provider_id=entry.provider.pk if entry.provider else pairing.donor_id,
            receiver_id=entry.receiver and entry.receiver.pk,
            region_id=region.pk,
            sector_id=sector and sector.pk,
            amount_minor=entry.amount_minor,
            currency_id=currency,
            value_date=entry.value_date,
            base_amount_minor=base_amount,
            rate_id=rate and rate.pk,
            description=entry.description[:500],
            reason=entry.reason,
            recorded_by_id=getattr(self.actor, "pk", None),
            recorded_at=self.now,
            # the totals read these two
            project=project,
            sector=sector,
        )

    def _check_dates(self, entry: Entry) -> dict[str, str]:
        day, pairing = entry.value_date, entry.pairing
        if not isinstance(day, datetime.date):
            return {"value_date": _("Enter a date.")}
        if day < pairing.valid_from:
            return {
                "value_date": _("The pairing starts on %(date)s; this date is before it.")
                % {"date": date_format(pairing.valid_from)}
            }
        if entry.kind in PROMISES and pairing.valid_to and day > pairing.valid_to:
            return {
                "value_date": _(
                    "The pairing ended on %(date)s; nothing more can be committed after it."
                )
                % {"date": date_format(pairing.valid_to)}
            }
        if entry.kind in NOT_IN_FUTURE and day > self.today:
            return {"value_date": _("Money cannot have moved on a future date.")}
        return {}

    def _sector(self, entry: Entry, errors: dict) -> Sector | None:
        if entry.sector in (None, ""):
            if entry.project is None or not self._split(entry.project.pk):
                errors["sector"] = _(
                    "Choose a sector: the entry has no project whose sectors it could follow."
                )
            return None
        code = entry.sector.code if isinstance(entry.sector, Sector) else str(entry.sector)
        if code not in self.sectors:
            errors["sector"] = _("Unknown DAC sector code %(code)r.") % {"code": code}
            return None
        return self.sectors[code]

    def _split(self, project_id: int) -> list[tuple[str, int]]:
        if project_id not in self.splits:
            split = projects.sector_splits(project_ids=[project_id])
            self.splits[project_id] = split.get(project_id, [])
        return self.splits[project_id]

    # -- adding and writing -----------------------------------------------------------------

    def add(self, entry: Transaction) -> None:
        """Count a prepared entry in the balances and totals, and queue it for writing."""
        if entry.kind in BALANCED:
            key, column = (entry.pairing_id, entry.project_id), BALANCED.index(entry.kind)
            self._balance(*key)[column] += entry.base_amount_minor
            self.balance_deltas[key][column] += entry.base_amount_minor
        public = entry.project is None or entry.project.is_published
        for category, amount in self.categories(entry):
            key = (
                entry.donor_id,
                entry.pairing_id,
                entry.region_id,
                entry.kind,
                entry.value_date.year,
                category,
                public,
            )
            total = self.totals[key]
            total[0] += amount
            total[1] += 1 if entry.reverses_id is None else -1
        self.pending.append(entry)

    def categories(self, entry: Transaction) -> list[tuple[str, int]]:
        if entry.sector is not None:
            return [(entry.sector.category, entry.base_amount_minor)]
        split = self._split(entry.project_id)
        if len(split) == 1:
            return [(split[0][0], entry.base_amount_minor)]
        parts = split_by_weights(entry.base_amount_minor, [weight for _c, weight in split])
        return [(category, part) for (category, _w), part in zip(split, parts, strict=True)]

    def write(self) -> list[Transaction]:
        insert_rows(Transaction, self.pending)
        self.write_derived()
        return self.pending

    def write_derived(self) -> None:
        _apply_totals(self.totals)
        _apply_balances(self.balance_deltas)


_COLUMNS = {field.attname: field for field in Transaction._meta.concrete_fields}


def new_transaction(*, project: Project | None, sector: Sector | None, **values) -> Transaction:
    """An unsaved Transaction from its column values (`pairing_id=`…).

    `Model.__init__` routes each of the 19 columns through a descriptor; at a million entries
    that is a third of the bulk path's time. The values go straight into the instance, as they
    would when read from the database; the project and sector objects go through their
    descriptors, since the totals read them."""
    unknown = values.keys() - _COLUMNS.keys()
    if unknown:
        raise TypeError(f"Transaction has no column {sorted(unknown)}")
    made = Transaction.__new__(Transaction)
    made._state = ModelState()
    made.__dict__.update(dict.fromkeys(_COLUMNS), **values)
    made._state.fields_cache.update(project=project, sector=sector)  # what setting them caches
    return made


def _chunks(ids: list[int], size: int = 900):
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _keep_from_deletion(model, ids: list[int]) -> None:
    """What a foreign key's trigger does per row, done once per set: the rows stay until this
    transaction commits (SQLite's one writer at a time already ensures it)."""
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM {table} WHERE id = ANY(%s) FOR KEY SHARE", [ids])


def _apply_totals(deltas: dict[tuple, list[int]]) -> None:
    """Add the deltas to the stored totals: one read, one bulk update, one bulk insert."""
    if not deltas:
        return
    pairing_ids = {key[1] for key in deltas}
    years = {key[4] for key in deltas}
    key_columns = ("donor_id", "pairing_id", "region_id", "kind", "year", "category", "public")
    stored = {
        tuple(row[1:]): row[0]
        for row in LedgerTotal.objects.filter(
            pairing_id__in=pairing_ids, year__in=years
        ).values_list("pk", *key_columns)
    }
    changed, created = [], []
    for key, (amount, entries) in deltas.items():
        total_id = stored.get(key)
        if total_id is not None:
            changed.append((amount, entries, total_id))
        else:
            donor_id, pairing_id, region_id, kind, year, category, public = key
            created.append(
                LedgerTotal(
                    donor_id=donor_id,
                    pairing_id=pairing_id,
                    region_id=region_id,
                    kind=kind,
                    year=year,
                    category=category,
                    public=public,
                    amount_minor=amount,
                    entries=entries,
                )
            )
    add_to_rows(LedgerTotal, ["amount_minor", "entries"], changed)
    insert_rows(LedgerTotal, created)


def _apply_balances(deltas: dict[tuple, list[int]]) -> None:
    """Add the deltas to the stored balances (increments, like the totals)."""
    if not deltas:
        return
    stored = {}
    project_ids = sorted({project for _pairing, project in deltas if project is not None})
    for chunk in _chunks(project_ids):
        stored.update(
            ((pairing, project), pk)
            for pk, pairing, project in LedgerBalance.objects.filter(
                project_id__in=chunk
            ).values_list("pk", "pairing_id", "project_id")
        )
    pairing_ids = sorted({pairing for pairing, project in deltas if project is None})
    for chunk in _chunks(pairing_ids):
        stored.update(
            ((pairing, None), pk)
            for pk, pairing in LedgerBalance.objects.filter(
                pairing_id__in=chunk, project__isnull=True
            ).values_list("pk", "pairing_id")
        )
    changed = [(c, d, stored[key]) for key, (c, d) in deltas.items() if key in stored]
    add_to_rows(LedgerBalance, ["committed_minor", "disbursed_minor"], changed)
    insert_rows(
        LedgerBalance,
        [
            LedgerBalance(
                pairing_id=pairing, project_id=project, committed_minor=c, disbursed_minor=d
            )
            for (pairing, project), (c, d) in deltas.items()
            if (pairing, project) not in stored
        ],
    )


@transaction.atomic
def transaction_record(*, actor, **fields) -> Transaction:
    """Record one entry (the fields of `Entry`). Bad input raises and writes nothing."""
    entry = Entry(**fields)
    ledger = _Ledger(actor=actor)
    ledger.preload([entry])
    ledger.add(ledger.prepare(entry))
    (recorded,) = ledger.write()
    audit_record(
        actor=actor,
        event_type="transaction.recorded",
        obj=recorded,
        after=snapshot(recorded),
        reason=recorded.reason,
    )
    return recorded


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


@transaction.atomic
def transactions_record_bulk(*, actor, entries: list[Entry], source: str = "") -> int:
    """Record many entries, all or nothing: any bad row refuses the lot, naming row and field.

    One audit event covers the import (the entries themselves keep who recorded them and when,
    and can never change); this is the path of imports and of the ledger benchmark.
    """
    ledger = _Ledger(actor=actor)
    ledger.preload(entries)
    row_errors: dict[int, dict[str, list[str]]] = {}
    for row, entry in enumerate(entries, start=1):
        try:
            ledger.add(ledger.prepare(entry))
        except ValidationError as error:
            row_errors[row] = error.message_dict
            if len(row_errors) >= 100:  # enough to fix before trying again
                break
    if row_errors:
        raise BulkError(row_errors)
    written = ledger.write()
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
            },
        )
    return len(written)


@transaction.atomic
def transaction_reverse(*, actor, transaction: Transaction, reason: str) -> Transaction:
    """Cancel an entry with its mirror image, at the original's rate, so the two net to zero."""
    original = Transaction.objects.select_related("pairing__donor", "project", "sector").get(
        pk=transaction.pk
    )
    permissions.require(permissions.can_act_for_donor(actor, original.pairing.donor))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why this entry is reversed.")})
    if original.reverses_id is not None:
        raise ValidationError({"transaction": _("A reversal cannot itself be reversed.")})
    if Transaction.objects.filter(reverses=original).exists():
        raise ValidationError({"transaction": _("This entry has already been reversed.")})
    ledger = _Ledger(actor=actor)
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
    mirror.reason = reason
    mirror.recorded_by = actor if getattr(actor, "pk", None) else None
    # Carry the loaded sector and project: the totals read their category and publication.
    mirror.sector = original.sector
    mirror.project = original.project
    ledger.add(mirror)
    (reversal,) = ledger.write()
    audit_record(
        actor=actor,
        event_type="transaction.reversed",
        obj=reversal,
        after=snapshot(reversal),
        reason=reason,
    )
    return reversal


@transaction.atomic
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
    receipt = ReceiptConfirmation.objects.create(
        transaction=entry, received_on=received_on, note=note, confirmed_by=actor
    )
    audit_record(actor=actor, event_type="receipt.confirmed", obj=receipt, after=snapshot(receipt))
    return receipt


@transaction.atomic
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
    ledger = _Ledger(actor=actor)
    counted = 0
    for entry in entries.iterator(chunk_size=5000):
        ledger.add(entry)
        counted += 1
    ledger.pending.clear()
    ledger.write_derived()
    return counted


@transaction.atomic
def transaction_preview(*, actor, **fields) -> tuple[Transaction, list[tuple[str, int]]]:
    """What recording these fields would write, without writing it: the checked entry and its
    base-currency amount by category. Raises what recording would raise."""
    entry = Entry(**fields)
    ledger = _Ledger(actor=actor)
    ledger.preload([entry])
    prepared = ledger.prepare(entry)
    return prepared, ledger.categories(prepared)
