"""The tables (chart, table view and CSV) of enterprise support and markets."""

from django.utils.translation import gettext as _

from counterpart.core.tables import Table
from counterpart.enterprise.selectors import EnterpriseFigures


def enterprise_tables(figures: EnterpriseFigures) -> dict[str, Table]:
    return {
        "jobs": Table(
            slug="jobs",
            title=_("Jobs in supported companies, by company and year"),
            columns=[
                _("Company and year"),
                _("Employees"),
                _("Of whom formerly poor"),
                _("Formerly poor (%)"),
            ],
            rows=[
                [f"{company} {year}", employees, poor, share]
                for company, year, employees, poor, share in figures.jobs
            ],
            charted=2,
        ),
        "sales": Table(
            slug="sales",
            title=_("Recipient products sold in donor markets, by channel"),
            columns=[_("Channel"), _("Value")],
            rows=[[channel, value] for channel, value in figures.sales_by_channel],
            currency="CNY",
            note=_("Some of these sales were made up for the demo: the news reports give none.")
            if figures.sales_illustrative
            else "",
        ),
    }
