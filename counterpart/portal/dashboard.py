"""The programme dashboard's figures, as tables: what the page draws and downloads, and what
`make bench-ledger` times."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from counterpart.audit import selectors as audit
from counterpart.care.figures import care_tables
from counterpart.care.selectors import care_figures
from counterpart.core.tables import Table, continuous
from counterpart.enterprise.figures import enterprise_tables
from counterpart.enterprise.selectors import enterprise_figures
from counterpart.exchanges.figures import exchange_tables
from counterpart.exchanges.selectors import exchange_figures
from counterpart.funding import selectors as funding
from counterpart.funding.choices import RuleKind, TransactionKind
from counterpart.funding.models import ComplianceRule, Transaction
from counterpart.places.choices import RegionLevel
from counterpart.projects import selectors as projects
from counterpart.projects.choices import Standard
from counterpart.projects.models import IndicatorPeriod
from counterpart.reporting import selectors as reporting
from counterpart.talent import selectors as talent
from counterpart.talent.models import Training


@dataclass
class DashboardFigures:
    tables: dict[str, Table]
    checks: dict  # RuleKind -> ShareCheck
    compliance: list = field(default_factory=list)  # DonorCompliance, once a round and year are set


def dashboard_tables(
    *, actor, filters: funding.Filters, display: funding.Display
) -> DashboardFigures:
    """Funds by donor, category and year; the shares against their lines; quota against
    committed and disbursed (for a round and a year); the standard indicators."""
    kinds = [
        (TransactionKind.COMMITMENT, _("Committed")),
        (TransactionKind.DISBURSEMENT, _("Disbursed")),
        (TransactionKind.EXPENDITURE, _("Spent")),
    ]
    money_columns = [str(label) for _kind, label in kinds]

    unapproved = _unapproved_notes(actor, filters)

    def money_table(slug, title, first_column, group):
        rows = funding.totals_by(actor=actor, group=group, filters=filters)
        cells = [[row.label, *[display(row.amount(k)) for k, _l in kinds]] for row in rows]
        return Table(
            slug=slug,
            title=str(title),
            columns=[str(first_column), *money_columns],
            rows=continuous(cells) if group == "year" else cells,
            currency=display.currency,
            unapproved=unapproved["ledger"],
        )

    tables = {
        "by-donor": money_table("by-donor", _("Funds by donor"), _("Donor"), "donor"),
        "by-category": money_table(
            "by-category", _("Funds by category"), _("Category"), "category"
        ),
        "by-year": money_table("by-year", _("Funds by year"), _("Year"), "year"),
    }
    checks = funding.share_checks(actor=actor, filters=filters)
    tables["shares"] = Table(
        slug="shares",
        title=str(_("Shares of commitments against their lines")),
        chart_kind="share",
        columns=[str(_("Rule")), str(_("Share (%)")), str(_("Line (%)"))],
        rows=[
            [str(RuleKind(kind).label), percent(check.share_ppm), percent(check.threshold_ppm)]
            for kind, check in checks.items()
        ],
        note=_("A line here was set for the demo, not by the programme.")
        if audit.illustrative_among(ComplianceRule)
        else "",
    )
    compliance = []
    if filters.round is not None and filters.year is not None:
        compliance = funding.donor_compliance(actor=actor, round=filters.round, year=filters.year)
        tables["quota"] = Table(
            slug="quota",
            title=str(_("Quota against committed and disbursed")),
            columns=[str(_("Donor")), str(_("Quota")), *money_columns[:2]],
            rows=[
                [
                    c.donor.name,
                    display(c.quota_minor) if c.quota_minor is not None else None,
                    display(c.committed),
                    display(c.disbursed),
                ]
                for c in compliance
                if c.donor == filters.donor or filters.donor is None
            ],
            currency=display.currency,
        )
    project_filters = {"donor": filters.donor, "area": filters.area}
    standard = projects.standard_totals(
        actor=actor, include_unapproved=filters.include_unapproved, **project_filters
    )
    trained = talent.staff_trained_total(actor=actor, **project_filters)
    if trained:  # trainings given by the people sent count as local staff trained
        staff = standard.setdefault(
            Standard.STAFF_TRAINED,
            projects.Progress(key=Standard.STAFF_TRAINED, label=Standard.STAFF_TRAINED),
        )
        staff.actual += trained
    tables["indicators"] = Table(
        slug="indicators",
        title=str(_("Results of the standard indicators")),
        note=_("Local staff trained counts trainings made up for the demo.")
        if trained and audit.illustrative_among(Training)
        else "",
        unapproved=unapproved["results"],
        # Jobs, beds and people are not one unit: the chart draws each against its own target.
        columns=[str(_("Indicator")), str(_("Reached (%)")), str(_("Target")), str(_("Actual"))],
        rows=[
            [
                str(label),
                reached(standard[code].actual, standard[code].target),
                number(standard[code].target),
                number(standard[code].actual),
            ]
            for code, label in Standard.choices
            if code in standard
        ],
        charted=1,
    )
    reported = [(code, label) for code, label in Standard.choices if code in standard]
    by_place: dict[str, dict[str, object]] = {}
    for code, _label in reported:
        for progress in projects.indicator_rollup(
            actor=actor,
            standard=code,
            by="place",
            level=RegionLevel.PREFECTURE,
            include_unapproved=filters.include_unapproved,
            **project_filters,
        ):
            by_place.setdefault(progress.label, {})[code] = number(progress.actual)
    tables["indicators-by-prefecture"] = Table(
        slug="indicators-by-prefecture",
        title=str(_("Results reached, by prefecture")),
        columns=[str(_("Prefecture")), *[str(label) for _code, label in reported]],
        chart_kind="table",  # one column per indicator, each its own unit: the map draws them
        rows=[
            [place, *[actuals.get(code, 0) for code, _label in reported]]
            for place, actuals in sorted(by_place.items())
        ],
    )
    tables["terms"] = Table(
        slug="terms",
        title=str(_("Terms of service begun, by year")),
        columns=[str(_("Year")), str(_("Terms begun")), str(_("Of which extended"))],
        rows=continuous(
            [
                [str(year), begun, extended]
                for year, begun, extended in talent.terms_by_year(actor=actor, **project_filters)
            ]
        ),
    )
    care = care_tables(care_figures(actor=actor, **project_filters))
    tables["consultations"] = care["consultations"]
    tables["referrals"] = care["referrals"]
    internal = {"include_unapproved": filters.include_unapproved}
    exchanges = exchange_tables(exchange_figures(actor=actor, **project_filters, **internal))
    tables["participants"] = exchanges["participants"]
    tables.update(enterprise_tables(enterprise_figures(actor=actor, **project_filters, **internal)))
    return DashboardFigures(tables=tables, checks=checks, compliance=compliance)


def _unapproved_notes(actor, filters: funding.Filters) -> dict[str, str]:
    """What marks a figure that includes records still in review (internal views only)."""
    notes = {"ledger": "", "results": ""}
    if not filters.include_unapproved:
        return notes
    for key, model in (("ledger", Transaction), ("results", IndicatorPeriod)):
        count = reporting.unsettled_count(actor, model)
        if count:
            notes[key] = _(
                "Includes %(count)s records not yet approved; the public sees approved ones only."
            ) % {"count": count}
    return notes


def reached(actual, target) -> float | None:
    return round(100 * float(actual) / float(target), 1) if target else None


def percent(ppm: int | None) -> float | None:
    """A share for people to read (one decimal); the checks themselves are exact integers."""
    return None if ppm is None else round(ppm / 10_000, 1)


def number(value) -> int | float:
    return int(value) if value == int(value) else float(value)
