"""Column readers shared by the kinds: (cell, the row read so far, the file's context)."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from counterpart.funding import selectors as funding
from counterpart.interchange import cells


def date(cell, _row, _context):
    return cells.date(cell)


def count(cell, _row, _context) -> int:
    return cells.whole_number(cell, minimum=0, maximum=10**9)


def year(cell, _row, _context) -> int:
    return cells.whole_number(cell, minimum=1949, maximum=2200)


def figure(cell, _row, _context):
    return cells.decimal(cell)


def yes_no(cell, _row, _context) -> bool:
    return cells.yes_no(cell)


def currency(cell, _row, context) -> str:
    code = cells.text(cell).upper()
    known = context.once("currencies", lambda: {c.code for c in funding.currency_list()})
    if code not in known:
        raise cells.CellError(_("Unknown currency %(code)r.") % {"code": code[:10]})
    return code


def currencies(_context) -> list[str]:
    return [c.code for c in funding.currency_list()]


def unit(cell, _row, _context) -> int:
    return cells.unit_multiplier(cell)


def amount(key: str, *, currency_key: str = "currency", unit_key: str = "unit"):
    """An amount in the row's currency, times the row's unit and the column header's."""

    def read(cell, row: dict, context) -> int:
        multiplier = (row.get(unit_key) or 1) * context.units.get(key, 1)
        return cells.amount_minor(cell, currency=row.get(currency_key) or "CNY", unit=multiplier)

    return read


def choice(choices_class):
    """One of a TextChoices' values, written as its code, its label in any of the languages, or
    as the dropdown writes it ("2 Outgoing commitment")."""

    def names() -> dict[str, str]:
        found = {}
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                for value, label in choices_class.choices:
                    found[str(label).casefold()] = value
                    found[f"{value} {label}".casefold()] = value
        found.update({str(value).casefold(): value for value in choices_class.values})
        return found

    def read(cell, _row, context):
        table = context.once(f"choices:{choices_class.__name__}", names)
        written = cells.text(cell).casefold()
        found = table.get(written, table.get(written.split(" ")[0] if written else ""))
        if found is None:
            raise cells.CellError(
                _("Unknown value %(value)r: write one of %(codes)s.")
                % {
                    "value": cells.text(cell)[:40],
                    "codes": ", ".join(str(v) for v in choices_class.values),
                }
            )
        return found

    return read


def choices_of(choices_class):
    return lambda _context: [f"{value} {label}" for value, label in choices_class.choices]


def money_columns(
    key: str,
    label,
    *,
    example: str = "",
    required: bool = False,
    fields: tuple[str, ...] = (),
    unit_example: str = "",
    help="",
) -> list:
    """An amount with the currency and the unit it is written in (元, 万元, 亿元)."""
    from counterpart.interchange.kinds.base import Column

    return [
        Column(
            "currency",
            gettext_lazy("Currency"),
            read=currency,
            example="CNY",
            choices=currencies,
            help=gettext_lazy("Empty: CNY."),
        ),
        Column(
            "unit",
            gettext_lazy("Amount unit"),
            read=unit,
            example=unit_example,
            choices=lambda _context: ["元", "万元", "亿元"],
            help=gettext_lazy(
                "元, 万元 or 亿元; empty: 元. The amount may also say 300万 or 1.2亿."
            ),
        ),
        Column(
            key,
            label,
            read=amount(key),
            required=required,
            example=example,
            fields=fields,
            money=True,
            help=help,
        ),
    ]


def period_columns(start_example: str, end_example: str) -> list:
    """A period's first and last day, both needed."""
    from counterpart.interchange.kinds.base import Column

    return [
        Column(
            "period_start",
            gettext_lazy("Period start"),
            read=date,
            required=True,
            example=start_example,
        ),
        Column(
            "period_end",
            gettext_lazy("Period end"),
            read=date,
            required=True,
            example=end_example,
        ),
    ]
