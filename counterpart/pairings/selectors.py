"""Reads for rounds, pairings and quotas, scoped to what the actor may see (house rule 5).

Published pairings are public. The office and auditors see every pairing; a donor team also sees
its own drafts (and those of organizations under it); a recipient team those in its regions.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from counterpart.accounts import permissions
from counterpart.accounts.choices import Role
from counterpart.engine.quotas import yearly_quota
from counterpart.pairings.models import FiscalRevenue, Pairing, PairingRound, QuotaRule
from counterpart.places.models import Organization, Region


def _visible_pairings(actor) -> QuerySet[Pairing]:
    pairings = Pairing.objects.select_related("round", "donor", "recipient", "parent")
    if permissions.reads_everything(actor):
        return pairings
    return pairings.filter(
        Q(is_published=True)
        | permissions.donor_scope_q(actor, "donor__")
        | permissions.recipient_scope_q(actor, "recipient__")
    )


def pairing_list(
    *,
    actor,
    round: PairingRound | None = None,
    donor: Organization | None = None,
    recipient: Region | None = None,
    active_on: datetime.date | None = None,
    published: bool | None = None,
    top_level: bool = False,
) -> QuerySet[Pairing]:
    pairings = _visible_pairings(actor)
    if round is not None:
        pairings = pairings.filter(round=round)
    if donor is not None:
        pairings = pairings.filter(donor__path__startswith=donor.path)
    if recipient is not None:
        pairings = pairings.filter(recipient__path__startswith=recipient.path)
    if active_on is not None:
        pairings = pairings.filter(
            Q(valid_from__lte=active_on), Q(valid_to__isnull=True) | Q(valid_to__gte=active_on)
        )
    if published is not None:
        pairings = pairings.filter(is_published=published)
    if top_level:
        pairings = pairings.filter(parent__isnull=True)
    return pairings


def pairing_assisting(*, region: Region, round: PairingRound) -> Pairing | None:
    """The round's top-level pairing whose recipient holds `region`, if any: whose donor a
    record made in that place (a post, say) belongs to. Internal: it only names the donor."""
    return (
        Pairing.objects.select_related("donor")
        .filter(round=round, parent__isnull=True, recipient__in=region.lineage_ids())
        .order_by("-valid_from")
        .first()
    )


def pairings_worked_on(*, actor) -> QuerySet[Pairing]:
    """The pairings the actor's teams work on: their donor's, or those assisting their place
    (every pairing, for the office). Exchanges, companies and sales are recorded for these."""
    pairings = pairing_list(actor=actor)
    if permissions.is_programme_office(actor):
        return pairings
    return pairings.filter(
        permissions.donor_scope_q(actor, "donor__")
        | permissions.recipient_scope_q(actor, "recipient__")
    )


def pairings_run_by(*, actor) -> QuerySet[Pairing]:
    """The pairings the actor may record money and run projects for: every one for the office,
    a donor team's own (and its cities')."""
    pairings = pairing_list(actor=actor)
    if permissions.is_programme_office(actor):
        return pairings
    return pairings.filter(permissions.donor_scope_q(actor, "donor__"))


def pairing_get(*, actor, pk: int) -> Pairing:
    """The pairing, or 404 when it does not exist or the actor may not see it."""
    return get_object_or_404(_visible_pairings(actor), pk=pk)


def round_list(*, actor) -> QuerySet[PairingRound]:
    return PairingRound.objects.all()


def round_get(*, actor, pk: int) -> PairingRound:
    return get_object_or_404(PairingRound, pk=pk)


def round_current(*, actor) -> PairingRound | None:
    return PairingRound.objects.order_by("-year").first()


@dataclass
class DonorSummary:
    donor: Organization
    pairings: list[Pairing] = field(default_factory=list)
    sub_pairings: list[Pairing] = field(default_factory=list)

    def count_by_level(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for pairing in self.pairings:
            counts[pairing.recipient.level] += 1
        return dict(counts)


def donor_summaries(*, actor, round: PairingRound, **filters) -> list[DonorSummary]:
    """The round's top-level donors, each with the places it assists and its sub-pairings."""
    summaries: dict[int, DonorSummary] = {}
    subs: list[Pairing] = []
    for pairing in pairing_list(actor=actor, round=round, **filters):
        if pairing.parent_id is None:
            summary = summaries.setdefault(pairing.donor_id, DonorSummary(donor=pairing.donor))
            summary.pairings.append(pairing)
        else:
            subs.append(pairing)
    for sub in subs:
        if sub.parent and sub.parent.donor_id in summaries:
            summaries[sub.parent.donor_id].sub_pairings.append(sub)
    return sorted(summaries.values(), key=lambda s: s.donor.name_en)


@dataclass
class QuotaRow:
    donor: Organization
    year: int
    rule: QuotaRule | None
    revenue: FiscalRevenue | None  # of the previous year, the base of the quota
    quota_minor: int | None


def quota_rule_for(rules: list[QuotaRule], donor: Organization, year: int) -> QuotaRule | None:
    """A donor's own rule for the year wins over the round's default."""
    own = [r for r in rules if r.donor_id == donor.pk and r.covers(year)]
    default = [r for r in rules if r.donor_id is None and r.covers(year)]
    return (own or default or [None])[0]


def quota_table(*, actor, round: PairingRound, year: int) -> list[QuotaRow]:
    """Each donor's quota for `year`. The office and auditors see all; a donor team its own."""
    donor_ids = set(
        Pairing.objects.filter(round=round, parent__isnull=True).values_list("donor", flat=True)
    )
    if not permissions.reads_everything(actor):
        own = {o.pk for o in permissions.organizations_in_role(actor, Role.DONOR_TEAM)}
        donor_ids &= own
    donors = Organization.objects.filter(pk__in=donor_ids).order_by("name_en")
    rules = list(QuotaRule.objects.filter(round=round))
    revenues = {
        (r.donor_id, r.year): r
        for r in FiscalRevenue.objects.filter(donor__in=donor_ids, year=year - 1)
    }
    rows = []
    for donor in donors:
        rule = quota_rule_for(rules, donor, year)
        revenue = revenues.get((donor.pk, year - 1))
        quota = None
        if rule and revenue:
            quota = yearly_quota({revenue.year: revenue.amount_minor}, rule.share_ppm, year)
        rows.append(QuotaRow(donor=donor, year=year, rule=rule, revenue=revenue, quota_minor=quota))
    return rows


def quota_rule_list(*, actor, round: PairingRound | None = None) -> QuerySet[QuotaRule]:
    permissions.require(permissions.reads_everything(actor))
    rules = QuotaRule.objects.select_related("donor")
    return rules.filter(round=round) if round is not None else rules


def quota_rule_get(*, actor, pk: int) -> QuotaRule:
    return get_object_or_404(quota_rule_list(actor=actor), pk=pk)


def fiscal_revenue_list(*, actor, donor: Organization | None = None) -> QuerySet[FiscalRevenue]:
    revenues = FiscalRevenue.objects.select_related("donor")
    if not permissions.reads_everything(actor):
        revenues = revenues.filter(permissions.donor_scope_q(actor, "donor__"))
    if donor is not None:
        revenues = revenues.filter(donor=donor)
    return revenues


def quota_year_to_show(*, actor) -> int:
    """The year a quota page opens on: the latest whose previous year's revenue is recorded
    (this year at most), so the page does not open on a year with no quota to show."""
    this_year = datetime.date.today().year
    latest = fiscal_revenue_list(actor=actor).order_by("-year").values_list("year", flat=True)
    recorded = latest.first()
    return this_year if recorded is None else min(recorded + 1, this_year)
