"""The programme's reference figures: exchange rates and donors' fiscal revenue (the office's)."""

from django.utils.translation import gettext_lazy

from counterpart.accounts import permissions
from counterpart.funding.services import exchange_rate_record
from counterpart.interchange import cells
from counterpart.interchange.kinds import lookups, readers
from counterpart.interchange.kinds.base import Column, Context, Kind
from counterpart.pairings.services import fiscal_revenue_record
from counterpart.places import selectors as places


def _rate(cell, _row, _context) -> int:
    return cells.rate_scaled(cell)


class RatesKind(Kind):
    def write_row(self, values: dict, context: Context) -> None:
        exchange_rate_record(
            actor=context.actor,
            base=values["base"],
            quote=values["quote"] or "CNY",
            valid_on=values["valid_on"],
            rate_scaled=values["rate"],
            source=values["source"],
        )


RATES = RatesKind(
    slug="rates",
    title=gettext_lazy("Exchange rates"),
    description=gettext_lazy(
        "Dated rates between two currencies (one unit of the first is worth the rate of the "
        "second), with their source; a rate already recorded for a day is refused."
    ),
    may_import=permissions.can_manage_programme,
    row_key=("base", "quote", "valid_on"),
    columns=[
        Column(
            "base",
            gettext_lazy("From"),
            read=readers.currency,
            required=True,
            example="USD",
            choices=readers.currencies,
        ),
        Column(
            "quote",
            gettext_lazy("To"),
            read=readers.currency,
            example="CNY",
            choices=readers.currencies,
            help=gettext_lazy("Empty: CNY."),
        ),
        Column(
            "valid_on",
            gettext_lazy("Valid from"),
            read=readers.date,
            required=True,
            example="2024-01-02",
        ),
        Column(
            "rate",
            gettext_lazy("Rate"),
            read=_rate,
            required=True,
            example="7.1234",
            fields=("rate_scaled",),
        ),
        Column(
            "source",
            gettext_lazy("Source"),
            required=True,
            example=gettext_lazy("PBOC central parity"),
        ),
    ],
)


def _donors(context: Context):
    return places.organization_list(actor=context.actor)


class RevenueKind(Kind):
    def write_row(self, values: dict, context: Context) -> None:
        fiscal_revenue_record(
            actor=context.actor,
            donor=values["donor"],
            year=values["year"],
            amount_minor=values["amount"],
            currency=values["currency"] or "CNY",
            source=values["source"] or "",
        )


REVENUE = RevenueKind(
    slug="fiscal-revenue",
    title=gettext_lazy("Donors' fiscal revenue"),
    description=gettext_lazy(
        "Each donor's general budget revenue for a year, which quota rules take a share of. "
        "A year given again corrects the figure (audited with the one before)."
    ),
    may_import=permissions.can_manage_programme,
    row_key=("donor", "year"),
    columns=[
        Column(
            "donor",
            gettext_lazy("Donor"),
            read=lookups.named("donors", _donors, what=gettext_lazy("donor")),
            required=True,
            example="beijing",
            choices=lookups.choices(_donors),
        ),
        Column("year", gettext_lazy("Year"), read=readers.year, required=True, example="2023"),
        *readers.money_columns(
            "amount",
            gettext_lazy("Amount"),
            required=True,
            example="6181",
            unit_example="亿元",
            fields=("amount_minor",),
        ),
        Column(
            "source", gettext_lazy("Source"), example=gettext_lazy("Beijing final accounts 2023")
        ),
    ],
)
