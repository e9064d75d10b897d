"""People to people and markets from spreadsheets: exchange events, companies' employment
reports and product sales."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from counterpart.enterprise import selectors as enterprise
from counterpart.enterprise import services as enterprise_services
from counterpart.enterprise.choices import SalesChannel
from counterpart.exchanges import selectors as exchanges
from counterpart.exchanges import services as exchanges_services
from counterpart.exchanges.choices import ExchangeKind
from counterpart.interchange.kinds import lookups, pairing, readers
from counterpart.interchange.kinds.base import Column, Context, Kind
from counterpart.places import selectors as places


def _places(context: Context):
    return places.region_list(actor=context.actor)


def _may_work_on(actor) -> bool:
    return bool(pairing.worked_on(Context(actor)))


class EventsKind(Kind):
    def write_row(self, values: dict, context: Context) -> None:
        found = pairing.pairing_of(values, context, pairing.worked_on, on=values["starts_on"])
        if exchanges.event_list(actor=context.actor).filter(
            pairing=found,
            title_en=values["title_en"] or "",
            title_zh=values["title_zh"] or "",
            starts_on=values["starts_on"],
        ):
            raise ValidationError({"title_en": _("This event is already recorded.")})
        counts = {key: values[key] or 0 for key in COUNTS}
        exchanges_services.exchange_event_record(
            actor=context.actor,
            pairing=found,
            title_en=values["title_en"] or "",
            title_zh=values["title_zh"] or "",
            kind=values["kind"],
            host_region=values["host_region"],
            visiting_region=values["visiting_region"],
            starts_on=values["starts_on"],
            ends_on=values["ends_on"],
            description=values["description"] or "",
            **counts,
        )


COUNTS = {
    "host_children": gettext_lazy("Host side, under 12"),
    "host_teenagers": gettext_lazy("Host side, 12 to 17"),
    "host_adults": gettext_lazy("Host side, 18 and over"),
    "visiting_children": gettext_lazy("Visitors, under 12"),
    "visiting_teenagers": gettext_lazy("Visitors, 12 to 17"),
    "visiting_adults": gettext_lazy("Visitors, 18 and over"),
}
PLACE = lookups.named("places", _places, what=gettext_lazy("place"))

EVENTS = EventsKind(
    slug="exchange-events",
    title=gettext_lazy("Exchange events"),
    description=gettext_lazy(
        "Summer camps, sports camps, study visits: who hosted, who visited, when, and how many "
        "took part by age band (counted, never listed)."
    ),
    may_import=_may_work_on,
    row_key=("donor", "recipient", "title_en", "title_zh", "starts_on"),
    columns=[
        *pairing.columns(pairing.worked_on),
        Column("title_en", gettext_lazy("Title (English)"), example="Hotan summer camp"),
        Column("title_zh", gettext_lazy("Title (Chinese)"), example="和田夏令营"),
        Column(
            "kind",
            gettext_lazy("Kind"),
            read=readers.choice(ExchangeKind),
            required=True,
            example="summer_camp",
            choices=readers.choices_of(ExchangeKind),
        ),
        Column(
            "host_region", gettext_lazy("Host place"), read=PLACE, required=True, example="110000"
        ),
        Column(
            "visiting_region",
            gettext_lazy("Visitors' place"),
            read=PLACE,
            required=True,
            example="653201",
        ),
        Column(
            "starts_on",
            gettext_lazy("Starts on"),
            read=readers.date,
            required=True,
            example="2024-07-10",
        ),
        Column(
            "ends_on",
            gettext_lazy("Ends on"),
            read=readers.date,
            required=True,
            example="2024-07-20",
        ),
        *[Column(key, label, read=readers.count, example="0") for key, label in COUNTS.items()],
        Column("description", gettext_lazy("Description")),
    ],
)


def _companies(context: Context):
    return enterprise.companies(actor=context.actor)


class EmploymentKind(Kind):
    def write_row(self, values: dict, context: Context) -> None:
        supports = enterprise.support_list(actor=context.actor).filter(company=values["company"])
        if values["support_started"] is not None:
            supports = supports.filter(started_on=values["support_started"])
        found = list(supports[:2])
        if len(found) != 1:
            raise ValidationError(
                {
                    "support": _("This company has more than one support: give its start date.")
                    if found
                    else _("This company has no support that you may report for.")
                }
            )
        enterprise_services.employment_report(
            actor=context.actor,
            support=found[0],
            period_start=values["period_start"],
            period_end=values["period_end"],
            employees=values["employees"],
            formerly_poor=values["formerly_poor"] or 0,
            wages_paid_minor=values["wages"],
            currency=values["currency"] or "CNY",
        )


EMPLOYMENT = EmploymentKind(
    slug="employment-reports",
    title=gettext_lazy("Employment reports"),
    description=gettext_lazy(
        "A supported company's employees in a period, and how many of them came from formerly "
        "poor households. A period given again replaces its figures."
    ),
    may_import=lambda actor: enterprise.support_list(actor=actor).exists(),
    row_key=("company", "support_started", "period_start"),
    columns=[
        Column(
            "company",
            gettext_lazy("Company"),
            read=lookups.named("companies", _companies, what=gettext_lazy("company")),
            required=True,
            example="hotan-rose-co",
            choices=lookups.choices(_companies),
        ),
        Column(
            "support_started",
            gettext_lazy("Support started on"),
            read=readers.date,
            fields=("support",),
            help=gettext_lazy("Needed only where the company has more than one support."),
        ),
        *readers.period_columns("2024-01-01", "2024-06-30"),
        Column(
            "employees", gettext_lazy("Employees"), read=readers.count, required=True, example="120"
        ),
        Column(
            "formerly_poor", gettext_lazy("Of whom formerly poor"), read=readers.count, example="45"
        ),
        *readers.money_columns(
            "wages",
            gettext_lazy("Wages paid"),
            example="1800000",
            fields=("wages_paid_minor",),
        ),
    ],
)


class SalesKind(Kind):
    def write_row(self, values: dict, context: Context) -> None:
        found = pairing.pairing_of(values, context, pairing.worked_on, on=values["period_start"])
        if enterprise.sale_list(actor=context.actor).filter(
            pairing=found,
            product=values["product"],
            market_region=values["market_region"],
            channel=values["channel"],
            period_start=values["period_start"],
        ):
            raise ValidationError({"product": _("These sales are already recorded.")})
        enterprise_services.product_sale_record(
            actor=context.actor,
            pairing=found,
            product=values["product"],
            market_region=values["market_region"],
            channel=values["channel"],
            period_start=values["period_start"],
            period_end=values["period_end"],
            volume=values["volume"],
            unit=values["volume_unit"],
            value_minor=values["value"],
            currency=values["currency"] or "CNY",
            company=values["company"],
        )


SALES = SalesKind(
    slug="product-sales",
    title=gettext_lazy("Product sales"),
    description=gettext_lazy(
        "Recipient products sold in donor markets: what, where, through which channel, how "
        "much and for how much, per period."
    ),
    may_import=_may_work_on,
    row_key=("donor", "recipient", "product", "market_region", "channel", "period_start"),
    columns=[
        *pairing.columns(pairing.worked_on),
        Column(
            "product", gettext_lazy("Product"), required=True, example=gettext_lazy("Hotan jujubes")
        ),
        Column(
            "market_region", gettext_lazy("Market"), read=PLACE, required=True, example="110000"
        ),
        Column(
            "channel",
            gettext_lazy("Channel"),
            read=readers.choice(SalesChannel),
            required=True,
            example="e_commerce",
            choices=readers.choices_of(SalesChannel),
        ),
        *readers.period_columns("2024-01-01", "2024-03-31"),
        Column("volume", gettext_lazy("Volume"), read=readers.figure, required=True, example="120"),
        Column(
            "volume_unit",
            gettext_lazy("Volume unit"),
            required=True,
            example="tonnes",
            fields=("unit",),
        ),
        *readers.money_columns(
            "value",
            gettext_lazy("Value"),
            required=True,
            example="3600000",
            fields=("value_minor",),
        ),
        Column(
            "company",
            gettext_lazy("Company"),
            read=lookups.named("companies", _companies, what=gettext_lazy("company")),
            choices=lookups.choices(_companies),
        ),
    ],
)
