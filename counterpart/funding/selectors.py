"""Reads for the ledger, its totals and the compliance rules, scoped to the actor (house rule 5).

The office and auditors see everything; a donor team its own donor's entries (a province's team
also those of the cities under it); a recipient team the entries to its places; everyone else the
totals of published pairings and projects only, never single entries.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from counterpart.accounts import permissions
from counterpart.accounts.choices import Role
from counterpart.core.aggregates import ExactSum
from counterpart.engine.compliance import ShareCheck
from counterpart.engine.money import convert
from counterpart.funding.choices import BASE_CURRENCY, RuleKind, TransactionKind
from counterpart.funding.models import (
    ComplianceRule,
    Currency,
    ExchangeRate,
    LedgerBalance,
    LedgerTotal,
    Transaction,
)
from counterpart.funding.rates import RateBook
from counterpart.pairings import selectors as pairings
from counterpart.places.choices import RegionLevel
from counterpart.places.selectors import organization_list
from counterpart.projects.choices import Category
from counterpart.projects.models import WELLBEING_CATEGORIES
from counterpart.reporting import selectors as reporting

COUNTY_AND_BELOW = [
    RegionLevel.COUNTY,
    RegionLevel.TOWNSHIP,
    RegionLevel.DIVISION,
    RegionLevel.REGIMENT,
]
DEFAULT_THRESHOLDS = {RuleKind.WELLBEING_SHARE: 800_000, RuleKind.COUNTY_SHARE: 0}


def team_scope(actor) -> Q:
    return (
        permissions.donor_scope_q(actor, "donor__")
        | permissions.donor_scope_q(actor, "pairing__donor__")
        | permissions.recipient_scope_q(actor, "region__")
    )


def may_see_entries(actor) -> bool:
    """Single entries are for the office, auditors and teams; the public sees totals only."""
    return permissions.reads_everything(actor) or bool(
        permissions.roles(actor) & {Role.DONOR_TEAM, Role.RECIPIENT_TEAM}
    )


def transaction_list(
    *,
    actor,
    round=None,
    donor=None,
    area=None,
    year: int | None = None,
    kind: str | None = None,
    project=None,
) -> QuerySet[Transaction]:
    entries = Transaction.objects.select_related(
        "pairing__donor", "pairing__recipient", "project", "region", "sector", "currency", "rate"
    )
    if not permissions.reads_everything(actor):
        entries = entries.filter(team_scope(actor)) if may_see_entries(actor) else entries.none()
    return narrowed(entries, round, donor, area, year, kind, project)


def narrowed(entries, round=None, donor=None, area=None, year=None, kind=None, project=None):
    if round is not None:
        entries = entries.filter(pairing__round=round)
    if donor is not None:
        entries = entries.filter(donor=donor)
    if area is not None:
        entries = entries.filter(region__path__startswith=area.path)
    if year is not None:
        entries = entries.filter(value_date__year=year)
    if kind:
        entries = entries.filter(kind=kind)
    if project is not None:
        entries = entries.filter(project=project)
    return entries


@dataclass
class Balance:
    committed_minor: int = 0
    disbursed_minor: int = 0

    @property
    def undisbursed_minor(self) -> int:
        return self.committed_minor - self.disbursed_minor


def project_balance(*, actor, project) -> Balance | None:
    """What the project had committed and disbursed (CNY fen), for those who see its entries:
    the office, auditors, the donor's team and the team of the project's place."""
    if not (
        permissions.reads_everything(actor)
        or permissions.can_act_for_donor(actor, project.pairing.donor)
        or permissions.serves_region(actor, project.region)
    ):
        return None
    row = LedgerBalance.objects.filter(project=project).first()
    return Balance(row.committed_minor, row.disbursed_minor) if row else Balance()


def transaction_get(*, actor, pk: int) -> Transaction:
    return get_object_or_404(transaction_list(actor=actor), pk=pk)


def currency_list(*, actor=None) -> QuerySet[Currency]:
    return Currency.objects.all()


def exchange_rate_list(*, actor=None, currency: str | None = None) -> QuerySet[ExchangeRate]:
    rates = ExchangeRate.objects.all()
    if currency:
        rates = rates.filter(Q(base_id=currency) | Q(quote_id=currency))
    return rates


def rate_in_force(source: str, target: str, day: datetime.date) -> ExchangeRate | None:
    return RateBook().in_force(source, target, day)


# -- totals ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    round: object = None
    donor: object = None
    area: object = None  # a region: its places and the places under them
    year: int | None = None
    include_unapproved: bool = False  # a team's internal view: entries still in review too


def totals(*, actor, filters: Filters = Filters()) -> QuerySet[LedgerTotal]:
    """The ledger's totals the actor may see, filtered."""
    rows = LedgerTotal.objects.all()
    if not permissions.reads_everything(actor):
        public = Q(public=True, pairing__is_published=True)
        rows = (
            rows.filter(public | team_scope(actor))
            if may_see_entries(actor)
            else rows.filter(public)
        )
    if filters.round is not None:
        rows = rows.filter(pairing__round=filters.round)
    if filters.donor is not None:
        rows = rows.filter(donor=filters.donor)
    if filters.area is not None:
        rows = rows.filter(region__path__startswith=filters.area.path)
    if filters.year is not None:
        rows = rows.filter(year=filters.year)
    if not (filters.include_unapproved and may_see_entries(actor)):
        rows = rows.filter(approved=True)  # the public sees approved figures only
    return rows


@dataclass
class Row:
    """One line of a dashboard table: a donor, a category or a year, with a sum per kind."""

    key: object
    label: str
    by_kind: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def amount(self, kind: str) -> int:
        return self.by_kind.get(kind, 0)

    @property
    def committed(self) -> int:
        return self.amount(TransactionKind.COMMITMENT)

    @property
    def disbursed(self) -> int:
        return self.amount(TransactionKind.DISBURSEMENT)

    @property
    def spent(self) -> int:
        return self.amount(TransactionKind.EXPENDITURE)


def disbursed_of_committed(*, actor, filters: Filters = Filters()) -> tuple[int, int]:
    """(disbursed against commitments, committed), in CNY: each pairing's disbursements count
    up to what it committed, so the rate is never above 100 % (a disbursement approved before
    its commitment, or one beyond it with a reason, counts in the total disbursed, not here)."""
    sums = (
        totals(actor=actor, filters=filters)
        .filter(kind__in=[TransactionKind.COMMITMENT, TransactionKind.DISBURSEMENT])
        .values_list("pairing_id", "kind")
        .annotate(amount=ExactSum("amount_minor"))
        .order_by()
    )
    by_pairing: dict[int, dict[str, int]] = {}
    for pairing_id, kind, amount in sums:
        by_pairing.setdefault(pairing_id, {})[kind] = amount
    committed = sum(k.get(TransactionKind.COMMITMENT, 0) for k in by_pairing.values())
    covered = sum(
        max(0, min(k.get(TransactionKind.DISBURSEMENT, 0), k.get(TransactionKind.COMMITMENT, 0)))
        for k in by_pairing.values()
    )
    return covered, committed


def totals_by(*, actor, group: str, filters: Filters = Filters()) -> list[Row]:
    """Sums by kind, grouped by "donor", "category" or "year", in the base currency."""
    column = {"donor": "donor_id", "category": "category", "year": "year"}[group]
    sums = (
        totals(actor=actor, filters=filters)
        .values_list(column, "kind")
        .annotate(amount=ExactSum("amount_minor"))
        .order_by()
    )
    rows: dict = {}
    for key, kind, amount in sums:
        rows.setdefault(key, Row(key=key, label=str(key))).by_kind[kind] += amount
    if group == "donor":
        names = {o.pk: o.name for o in organization_list(actor=actor).filter(pk__in=list(rows))}
        for row in rows.values():
            row.label = names.get(row.key, str(row.key))
        return sorted(rows.values(), key=lambda r: r.label)
    if group == "category":
        labels = dict(Category.choices)
        for row in rows.values():
            row.label = str(labels.get(row.key, row.key))
        order = list(Category.values)
        return sorted(rows.values(), key=lambda r: order.index(r.key) if r.key in order else 99)
    return sorted(rows.values(), key=lambda r: r.key)


def share_checks(*, actor, filters: Filters, kind: str = TransactionKind.COMMITMENT):
    """The wellbeing share and the county-level share of what was committed (or `kind`)."""
    rows = totals(actor=actor, filters=filters).filter(kind=kind)
    whole = rows.aggregate(s=ExactSum("amount_minor"))["s"] or 0
    wellbeing = rows.filter(category__in=WELLBEING_CATEGORIES).aggregate(s=ExactSum("amount_minor"))
    county = rows.filter(region__level__in=COUNTY_AND_BELOW).aggregate(s=ExactSum("amount_minor"))
    thresholds = _thresholds(filters)
    return {
        RuleKind.WELLBEING_SHARE: ShareCheck(
            part_minor=wellbeing["s"] or 0,
            whole_minor=whole,
            threshold_ppm=thresholds[RuleKind.WELLBEING_SHARE],
        ),
        RuleKind.COUNTY_SHARE: ShareCheck(
            part_minor=county["s"] or 0,
            whole_minor=whole,
            threshold_ppm=thresholds[RuleKind.COUNTY_SHARE],
        ),
    }


def _thresholds(filters: Filters) -> dict[str, int]:
    """The thresholds in force for the filters' round, donor and year (the donor's own rule
    first, then the round's default, then the programme's 80 % wellbeing line)."""
    found = dict(DEFAULT_THRESHOLDS)
    if filters.round is None:
        return found
    year = filters.year or datetime.date.today().year
    rules = [r for r in ComplianceRule.objects.filter(round=filters.round) if r.covers(year)]
    for kind in found:
        own = [
            r for r in rules if r.kind == kind and filters.donor and r.donor_id == filters.donor.pk
        ]
        default = [r for r in rules if r.kind == kind and r.donor_id is None]
        if own or default:
            found[kind] = (own or default)[0].threshold_ppm
    return found


def compliance_rule_list(*, actor, round=None) -> QuerySet[ComplianceRule]:
    """The lines the shares are checked against: public, as the checks are."""
    rules = ComplianceRule.objects.select_related("round", "donor")
    return rules.filter(round=round) if round is not None else rules


def compliance_rule_get(*, actor, pk: int) -> ComplianceRule:
    return get_object_or_404(compliance_rule_list(actor=actor), pk=pk)


@dataclass
class DonorCompliance:
    donor: object
    quota_minor: int | None
    committed: int
    disbursed: int
    checks: dict


def donor_compliance(*, actor, round, year: int) -> list[DonorCompliance]:
    """Per donor of the round: quota against committed and disbursed, and the two shares."""
    by_donor = {
        row.key: row
        for row in totals_by(actor=actor, group="donor", filters=Filters(round=round, year=year))
    }
    result = []
    for quota in pairings.quota_table(actor=actor, round=round, year=year):
        row = by_donor.get(quota.donor.pk)
        filters = Filters(round=round, donor=quota.donor, year=year)
        result.append(
            DonorCompliance(
                donor=quota.donor,
                quota_minor=quota.quota_minor,
                committed=row.committed if row else 0,
                disbursed=row.disbursed if row else 0,
                checks=share_checks(actor=actor, filters=filters),
            )
        )
    return result


# -- another currency -----------------------------------------------------------------------


@dataclass(frozen=True)
class Display:
    """How figures are shown: in the base currency, or converted at one stated rate."""

    currency: str = BASE_CURRENCY
    rate: ExchangeRate | None = None
    do_not_call_in_templates = True

    def __call__(self, amount_minor: int) -> int:
        if self.rate is None:
            return amount_minor
        return convert(
            amount_minor,
            source=BASE_CURRENCY,
            target=self.currency,
            rate_scaled=self.rate.rate_scaled,
            rate_base=self.rate.base_id,
        )


def display_in(currency: str, on: datetime.date) -> Display:
    """Show base-currency figures in `currency` at the rate in force on `on` (or as they are,
    when there is no such rate: the caller says so)."""
    if currency == BASE_CURRENCY:
        return Display()
    rate = rate_in_force(BASE_CURRENCY, currency, on)
    return Display(currency=currency, rate=rate) if rate else Display()


def effect_of(*, actor, entry: Transaction, categories: list[tuple[str, int]]) -> dict:
    """How an entry about to be recorded moves its donor's shares for the round and year:
    {rule: (check before, check after)}. Only commitments count towards the shares."""
    filters = Filters(round=entry.pairing.round, donor=entry.donor, year=entry.value_date.year)
    before = share_checks(actor=actor, filters=filters)
    if entry.kind != TransactionKind.COMMITMENT:
        return {kind: (check, check) for kind, check in before.items()}
    wellbeing = sum(amount for category, amount in categories if category in WELLBEING_CATEGORIES)
    at_county = entry.base_amount_minor if entry.region.level in COUNTY_AND_BELOW else 0
    parts = {RuleKind.WELLBEING_SHARE: wellbeing, RuleKind.COUNTY_SHARE: at_county}
    return {
        kind: (check, check.with_added(part_minor=parts[kind], whole_minor=entry.base_amount_minor))
        for kind, check in before.items()
    }


def receipts_to_confirm(*, actor) -> QuerySet[Transaction]:
    """Disbursements to the places the actor's recipient teams serve whose arrival no one has
    confirmed (reversed ones and reversals left out)."""
    return (
        Transaction.objects.filter(
            permissions.recipient_scope_q(actor, "region__"),
            kind=TransactionKind.DISBURSEMENT,
            reverses__isnull=True,
            receipt__isnull=True,
        )
        .exclude(pk__in=Transaction.objects.filter(reverses__isnull=False).values("reverses_id"))
        .select_related("pairing__donor", "region", "currency")
        .order_by("value_date", "pk")
    )


def entries_for_publication(*, project_ids: list[int]) -> QuerySet[Transaction]:
    """The approved entries of these (published) projects, for open data: each project's in
    date order. An entry still in review, and a reversal of one, are left out."""
    return Transaction.objects.filter(
        ~reporting.in_review(Transaction),
        ~reporting.in_review(Transaction, "reverses_id"),
        project_id__in=project_ids,
    ).order_by("project_id", "value_date", "id")
