"""The tables (chart, table view and CSV) of exchanges and pen pals."""

from django.utils.translation import gettext as _

from counterpart.core.tables import Table, continuous
from counterpart.exchanges.selectors import ExchangeFigures


def exchange_tables(figures: ExchangeFigures) -> dict[str, Table]:
    return {
        "participants": Table(
            slug="participants",
            title=_("Exchange participants by year and kind"),
            columns=[_("Year"), *[label for _kind, label in figures.kinds]],
            rows=continuous(
                [
                    [str(year), *[counts.get(kind, 0) for kind, _label in figures.kinds]]
                    for year, counts in figures.by_year
                ]
            ),
        ),
        "sides": Table(
            slug="sides",
            title=_("Exchange participants by side"),
            columns=[_("Year"), _("Hosts"), _("Visitors")],
            rows=continuous([[str(y), hosts, visitors] for y, hosts, visitors in figures.by_side]),
        ),
        "letters": Table(
            slug="letters",
            title=_("Pen-pal letters by term"),
            columns=[_("Term from"), _("From the donor side"), _("From the recipient side")],
            rows=[[term, d, r] for term, d, r in figures.letters],
        ),
    }
