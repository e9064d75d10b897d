"""One batch of ledger entries: each checked against the rules and converted to the base
currency at the rate of its value date, then written with the totals and balances kept beside
the ledger. Every ledger service runs one batch; nothing else writes these tables.

Limits no real programme reaches, so that no sequence of accepted entries can overflow a sum:
an entry is at most 100 billion in its currency's major unit (10**13 minor units) and in CNY;
a running total (a total by pairing, place, type, year and category, or a project's committed
and disbursed) stays within ±10**17 fen (a thousand trillion yuan); a promise (commitment or
pledge) is dated at most five years ahead, and money that moved is never dated in the future.
"""

import datetime
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.core.bulk import chunks, insert_rows
from counterpart.core.rules import MAX_AMOUNT_MINOR, text_too_long
from counterpart.engine.money import format_minor, split_by_weights
from counterpart.funding.choices import BASE_CURRENCY, TransactionKind
from counterpart.funding.models import Currency, LedgerBalance, Transaction
from counterpart.funding.rates import RateBook, missing_rate_message, to_base
from counterpart.funding.services._derived import plan_balances, plan_totals, write_derived
from counterpart.funding.services._rows import keep_from_deletion, new_transaction
from counterpart.funding.services.entries import Entry
from counterpart.pairings.models import Pairing
from counterpart.projects import selectors as projects
from counterpart.projects.models import Project, Sector
from counterpart.reporting import selectors as reporting
from counterpart.reporting import services as reporting_services
from counterpart.reporting.choices import ReviewMode

MAX_ENTRY_MINOR = MAX_AMOUNT_MINOR
PROMISE_HORIZON_YEARS = 5
BALANCED = (TransactionKind.COMMITMENT, TransactionKind.DISBURSEMENT)
NOT_IN_FUTURE = (
    TransactionKind.INCOMING_FUNDS,
    TransactionKind.DISBURSEMENT,
    TransactionKind.EXPENDITURE,
)
PROMISES = (TransactionKind.COMMITMENT, TransactionKind.PLEDGE)
KINDS = frozenset(TransactionKind.values)
DESCRIPTION_CHARS = Transaction._meta.get_field("description").max_length
REFERENCE_CHARS = Transaction._meta.get_field("reference").max_length
REASON_CHARS = 2000


def too_large_message(amount_minor: int, *, in_base: bool = False) -> str:
    return _(
        "%(amount)s is more than one entry can hold (%(limit)s%(where)s): no programme moves "
        "that much at once. Check the amount, or split it."
    ) % {
        "amount": f"{amount_minor:,}",
        "limit": f"{MAX_ENTRY_MINOR:,} minor units",
        "where": _(" once converted to CNY") if in_base else "",
    }


class LedgerBatch:
    def __init__(self, *, actor, historical: bool = False):
        self.actor = actor
        self.historical = historical  # the office's history: closed periods take it, approved
        self.now = timezone.now()  # the entries of one call are recorded at one instant
        self.today = timezone.localdate(self.now)
        self.horizon = datetime.date(self.today.year + PROMISE_HORIZON_YEARS, 12, 31)
        self.rates = RateBook()
        self.currencies = set(Currency.objects.values_list("code", flat=True))
        self.sectors = {s.code: s for s in projects.sector_list()}
        self.splits: dict[int, list[tuple[str, int]]] = {}
        self.balances: dict[tuple, list[int]] = {}  # (pairing, project): committed, disbursed
        self.balance_deltas: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
        self.totals: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
        self.pending: list[Transaction] = []
        self.allowed: set[int] = set()  # pairings the actor may record for
        self.rules: dict[int, object] = {}  # reporting rules by round id
        self.reviewing: dict[int, bool] = {}  # whether new entries wait for review, by round
        self.references: set[tuple[int, str]] = set()  # (provider, reference) recorded
        self.locked: set[int] = set()  # pairings locked by this batch's transaction
        self.loaded_pairings: set[int] = set()  # whose balance without a project is read
        self.loaded_projects: set[int] = set()  # whose balances and splits are read

    # -- reading what is there ------------------------------------------------------------

    def preload(self, entries: list[Entry], *, to_write: bool = True) -> None:
        """Lock the pairings concerned and read their balances and projects' sector splits, and
        the entries' references already in the ledger. Called again for each chunk of a long
        file: what an earlier chunk loaded (and has since counted) is kept, not read again."""
        if to_write:  # a preview reads what is there and holds nothing
            self.lock({e.pairing.pk for e in entries})
        project_ids = sorted(
            {e.project.pk for e in entries if e.project is not None} - self.loaded_projects
        )
        for chunk in chunks(project_ids):
            if to_write:
                keep_from_deletion(Project, chunk)
            self.splits.update(projects.sector_splits(project_ids=chunk))
            self._load_balances(project_id__in=chunk)
        unprojected = sorted(
            {e.pairing.pk for e in entries if e.project is None} - self.loaded_pairings
        )
        for chunk in chunks(unprojected):
            self._load_balances(pairing_id__in=chunk, project__isnull=True)
        self.loaded_pairings.update(unprojected)
        self.loaded_projects.update(project_ids)
        self._load_references(entries)

    def _load_references(self, entries: list[Entry]) -> None:
        """The references of these entries' providers already in the ledger (an earlier chunk's
        among them: it is written by then)."""
        self.references = set()
        wanted: dict[int, set[str]] = defaultdict(set)
        for entry in entries:
            if isinstance(entry.reference, str) and entry.reference.strip():
                wanted[entry.provider_id].add(entry.reference.strip())
        table = connection.ops.quote_name(Transaction._meta.db_table)
        with connection.cursor() as cursor:
            for provider_id, references in wanted.items():
                cursor.execute(  # a provider's first file has nothing to look up
                    f"SELECT 1 FROM {table} WHERE provider_id = %s AND NOT (reference = '') "
                    "LIMIT 1",
                    [provider_id],
                )
                if cursor.fetchone() is None:
                    continue
                for chunk in chunks(sorted(references)):
                    # `NOT reference = ''` is the condition of the partial unique index the
                    # lookup goes through; the ORM would compile 5,000 parameters slowly, and
                    # so would the driver: PostgreSQL takes them as one array.
                    if connection.vendor == "postgresql":
                        among, values = "= ANY(%s)", [list(chunk)]
                    else:
                        among, values = f"IN ({', '.join(['%s'] * len(chunk))})", list(chunk)
                    cursor.execute(
                        f"SELECT reference FROM {table} WHERE provider_id = %s AND reference "
                        f"{among} AND NOT (reference = '')",
                        [provider_id, *values],
                    )
                    self.references.update((provider_id, ref) for (ref,) in cursor.fetchall())

    def lock(self, pairing_ids) -> None:
        """Serialize writers per pairing (in id order, so two writers of one chunk each never
        wait on each other): the balances and totals read here stay true until this transaction
        commits. A long file locks each chunk's new pairings as it comes to them."""
        ids = sorted(set(pairing_ids) - self.locked)
        list(Pairing.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
        self.locked.update(ids)

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
        if type(entry.amount_minor) is not int or entry.amount_minor <= 0:  # True is an int
            errors["amount_minor"] = _(
                "An amount is a whole number of minor units above zero; a mistake is corrected "
                "by reversing its entry."
            )
        elif entry.amount_minor > MAX_ENTRY_MINOR:
            errors["amount_minor"] = too_large_message(entry.amount_minor)
        if (
            len(entry.description) > DESCRIPTION_CHARS
            or len(entry.reason) > REASON_CHARS
            or len(entry.reference) > REFERENCE_CHARS
        ):
            errors.update(
                text_too_long(
                    description=(entry.description, DESCRIPTION_CHARS),
                    reason=(entry.reason, REASON_CHARS),
                    reference=(entry.reference, REFERENCE_CHARS),
                )
            )
        reference = entry.reference.strip()
        if reference and (entry.provider_id, reference) in self.references:
            errors["reference"] = _(
                "An entry with the reference %(reference)r from this provider is already in the "
                "ledger: it is recorded once."
            ) % {"reference": reference}
        currency = str(entry.currency or "").upper()
        if currency not in self.currencies:
            errors["currency"] = _("Unknown currency %(code)r.") % {"code": entry.currency}
        errors.update(self._check_dates(entry))
        project, region = entry.project, entry.region
        if "value_date" not in errors:
            errors.update(self._check_closed(entry, region or pairing.recipient))
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
        if base_amount > MAX_ENTRY_MINOR:
            raise ValidationError({"amount_minor": too_large_message(base_amount, in_base=True)})
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
            donor_id=pairing.accountable_donor_id,
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
            description=entry.description,
            reason=entry.reason,
            reference=reference,
            recorded_by_id=getattr(self.actor, "pk", None),
            recorded_at=self.now,
            # the totals read these, and the reviews the pairing and place
            pairing=pairing,
            region=region,
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
        horizon = self.horizon
        if entry.kind in PROMISES and day > horizon:
            return {
                "value_date": _(
                    "A promise is dated at most %(years)s years ahead, by %(date)s at the latest."
                )
                % {"years": PROMISE_HORIZON_YEARS, "date": date_format(horizon)}
            }
        return {}

    def rules_of(self, pairing: Pairing):
        rules = self.rules.get(pairing.round_id)
        if rules is None:
            rules = self.rules[pairing.round_id] = reporting.rules_of(pairing.round)
        return rules

    def under_review(self, pairing: Pairing) -> bool:
        """Whether new entries of this pairing's round wait for approval before they count."""
        if self.historical:
            return False
        reviewing = self.reviewing.get(pairing.round_id)
        if reviewing is None:
            reviewing = self.rules_of(pairing).review_mode != ReviewMode.OFF
            self.reviewing[pairing.round_id] = reviewing
        return reviewing

    def _check_closed(self, entry: Entry, region) -> dict[str, str]:
        """The round's data freeze and closed periods (read only where the round has them)."""
        if self.historical:
            return {}
        rules, pairing = self.rules_of(entry.pairing), entry.pairing
        try:
            if rules.freeze_before is not None:
                reporting_services.freeze_or_error(
                    round=pairing.round, value_date=entry.value_date, donor=pairing.donor
                )
            if rules.closes_after_days is not None:
                reporting_services.record_period_open_or_error(
                    actor=self.actor,
                    pairing=pairing,
                    on=entry.value_date,
                    region=region,
                    field="value_date",
                )
        except ValidationError as closed:
            return {"value_date": closed.message_dict["value_date"][0]}
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

    def add(self, entry: Transaction, *, approved: bool = True) -> None:
        """Count a prepared entry in the balances and totals (the approved ones, or those still
        in review), and queue it for writing."""
        if entry.kind in BALANCED:
            key, column = (entry.pairing_id, entry.project_id), BALANCED.index(entry.kind)
            self._balance(*key)[column] += entry.base_amount_minor
            self.balance_deltas[key][column] += entry.base_amount_minor
        self._count(entry, approved=approved, sign=1)
        if entry.reference:
            self.references.add((entry.provider_id, entry.reference))
        self.pending.append(entry)

    def move(self, entry: Transaction, *, approved: bool) -> None:
        """An entry's review settled (or unsettled): its amounts change bucket in the totals."""
        self._count(entry, approved=not approved, sign=-1)
        self._count(entry, approved=approved, sign=1)

    def _count(self, entry: Transaction, *, approved: bool, sign: int) -> None:
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
                approved,
            )
            total = self.totals[key]
            total[0] += sign * amount
            total[1] += sign * (1 if entry.reverses_id is None else -1)

    def categories(self, entry: Transaction) -> list[tuple[str, int]]:
        if entry.sector is not None:
            return [(entry.sector.category, entry.base_amount_minor)]
        split = self._split(entry.project_id)
        if len(split) == 1:
            return [(split[0][0], entry.base_amount_minor)]
        parts = split_by_weights(entry.base_amount_minor, [weight for _c, weight in split])
        return [(category, part) for (category, _w), part in zip(split, parts, strict=True)]

    def write(self) -> list[Transaction]:
        """The entries and what they add to the totals and balances, all checked first."""
        totals, balances = plan_totals(self.totals), plan_balances(self.balance_deltas)
        written = self.write_pending()
        write_derived(totals, balances)
        return written

    def write_pending(self) -> list[Transaction]:
        """The entries queued so far (a chunk of a long file), and no longer held here; their
        totals and balances are written once, by `write_derived`."""
        written, self.pending = self.pending, []
        insert_rows(Transaction, written)
        return written

    def write_derived(self) -> None:
        write_derived(plan_totals(self.totals), plan_balances(self.balance_deltas))
