"""Reads for enterprise support, employment and sales; figures are counts and sums for all."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from counterpart.accounts import permissions
from counterpart.audit.selectors import illustrative_among
from counterpart.core.aggregates import ExactSum
from counterpart.enterprise.choices import SalesChannel
from counterpart.enterprise.models import EmploymentReport, EnterpriseSupport, ProductSale
from counterpart.pairings.selectors import pairing_list, pairings_worked_on
from counterpart.places.choices import RegionLevel
from counterpart.reporting import selectors as reporting


def _scope(actor, place_field: str) -> Q:
    """The supporting donor's team, and the team of the place (the region at `place_field`)."""
    return permissions.donor_scope_q(actor, "pairing__donor__") | permissions.recipient_scope_q(
        actor, place_field
    )


def support_list(*, actor) -> QuerySet[EnterpriseSupport]:
    supports = EnterpriseSupport.objects.select_related(
        "company__region", "pairing__donor", "pairing__recipient", "project"
    )
    if permissions.reads_everything(actor):
        return supports
    return supports.filter(_scope(actor, "company__region__"))


def support_get(*, actor, pk: int) -> EnterpriseSupport:
    return get_object_or_404(support_list(actor=actor), pk=pk)


def sale_list(*, actor) -> QuerySet[ProductSale]:
    sales = ProductSale.objects.select_related(
        "pairing__donor", "pairing__recipient", "company", "market_region"
    )
    if permissions.reads_everything(actor):
        return sales
    return sales.filter(_scope(actor, "pairing__recipient__"))


def companies(*, actor):
    """Companies in the places the actor's pairings assist (all, for the office and auditors)."""
    from counterpart.places import selectors as places

    found = places.organization_list(actor=actor, kind="company").order_by("name_en")
    if permissions.reads_everything(actor):
        return found
    places_assisted = [pairing.recipient for pairing in pairings_worked_on(actor=actor)]
    return found.filter(permissions.subtree_q(places_assisted, "region__"))


@dataclass
class EnterpriseFigures:
    jobs: list[tuple[str, int, int, int, float | None]] = field(default_factory=list)
    # (company, year, employees, formerly poor, share formerly poor %)
    sales_by_channel: list[tuple[str, int]] = field(default_factory=list)  # CNY minor units
    employees: int = 0
    formerly_poor: int = 0
    sales_illustrative: bool = False  # some of the sales counted were made up (the demo's)


def enterprise_figures(
    *, actor, donor=None, area=None, include_unapproved: bool = False
) -> EnterpriseFigures:
    """Each company's latest report of each year, and sales in donor markets by channel, over
    the pairings the actor sees (published ones, and a team's own), as the money is. Reports
    and sales still in review count only in a team's internal view."""
    seen = pairing_list(actor=actor).values("pk")
    reports = EmploymentReport.objects.select_related("support__company").filter(
        support__pairing__in=seen
    )
    sales = ProductSale.objects.filter(pairing__in=seen)
    if not include_unapproved:
        reports, sales = reporting.approved_only(reports), reporting.approved_only(sales)
    if donor is not None:
        reports = reports.filter(support__pairing__donor__path__startswith=donor.path)
        sales = sales.filter(pairing__donor__path__startswith=donor.path)
    if area is not None:
        reports = reports.filter(support__company__region__path__startswith=area.path)
        sales = sales.filter(pairing__recipient__path__startswith=area.path)
    latest: dict[tuple, EmploymentReport] = {}
    for report in reports.order_by("period_end", "id"):
        key = (report.support.company_id, report.period_end.year)
        latest[key] = report  # a later period of the year replaces an earlier one
    rows = sorted(
        (
            (
                report.support.company.name,
                year,
                report.employees,
                report.formerly_poor,
                round(100 * report.formerly_poor / report.employees, 1)
                if report.employees
                else None,
            )
            for (_company, year), report in latest.items()
        ),
        key=lambda row: (row[0], row[1]),
    )
    newest: dict[int, EmploymentReport] = {}
    for (company, _year), report in sorted(latest.items(), key=lambda item: item[0][1]):
        newest[company] = report
    by_channel = defaultdict(int)
    for channel, value in (
        sales.values("channel")
        .annotate(value=ExactSum("value_cny_minor"))
        .values_list("channel", "value")
    ):
        by_channel[channel] += value or 0
    return EnterpriseFigures(
        jobs=rows,
        sales_by_channel=[
            (str(label), by_channel[code])
            for code, label in SalesChannel.choices
            if code in by_channel
        ],
        employees=sum(r.employees for r in newest.values()),
        formerly_poor=sum(r.formerly_poor for r in newest.values()),
        sales_illustrative=illustrative_among(ProductSale, sales.values_list("pk", flat=True)),
    )


def donor_markets(*, actor):
    """Places where the donors of the actor's pairings are: where recipient products sell."""
    from counterpart.places import selectors as places

    donors = [p.donor.region for p in pairings_worked_on(actor=actor).select_related("donor")]
    return (
        places.region_list(actor=actor)
        .filter(permissions.subtree_q(donors))
        .filter(level__in=[RegionLevel.PROVINCE, RegionLevel.PREFECTURE, RegionLevel.COUNTY])
        .order_by("name_en")
    )


def employment_report_list(*, actor) -> QuerySet[EmploymentReport]:
    """The reports of the supports the actor sees, newest period first."""
    return (
        EmploymentReport.objects.filter(support__in=support_list(actor=actor))
        .select_related("support__company", "support__pairing__donor")
        .order_by("-period_start", "support__company__name_en")
    )
