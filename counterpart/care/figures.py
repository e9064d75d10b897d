"""The tables (chart, table view and CSV) of remote care, for its page and the dashboard."""

from django.utils.translation import gettext as _

from counterpart.care.selectors import CareFigures
from counterpart.core.tables import Table, continuous


def care_tables(figures: CareFigures) -> dict[str, Table]:
    return {
        "consultations": Table(
            slug="consultations",
            title=_("Tele-consultations by month"),
            columns=[_("Month"), _("Requested"), _("Held")],
            rows=continuous([[m, asked, held] for m, asked, held, _wait in figures.by_month]),
        ),
        "response": Table(
            slug="response",
            title=_("Median hours from request to consultation, by month"),
            columns=[_("Month"), _("Median hours")],
            rows=continuous(
                [[m, wait] for m, _asked, _held, wait in figures.by_month if wait], blank=None
            ),
            chart_kind="line",
        ),
        "specialties": Table(
            slug="specialties",
            title=_("Tele-consultations by specialty"),
            columns=[_("Specialty"), _("Consultations")],
            rows=[[label, count] for label, count in figures.by_specialty],
        ),
        "referrals": Table(
            slug="referrals",
            title=_("Referrals by where they stand"),
            columns=[_("Status"), _("Referrals")],
            rows=[[label, count] for label, count in figures.referrals_by_status],
        ),
        "outcomes": Table(
            slug="outcomes",
            title=_("Referrals by outcome"),
            columns=[_("Outcome"), _("Referrals")],
            rows=[[label, count] for label, count in figures.referrals_by_outcome],
        ),
    }
