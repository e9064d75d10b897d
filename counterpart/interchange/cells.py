"""What a cell of an imported spreadsheet holds, read the way the people who fill them write:
amounts in 万 and 亿 (or in a column whose unit is 万元), dates in ISO or as 2024年3月1日,
numbers with thousands separators. Each parser returns the value or raises CellError with a
message for the person fixing the cell."""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from counterpart.core.spreadsheets import read_text
from counterpart.engine.money import MAX_MINOR, minor_digits, written_amount


class CellError(ValueError):
    """A cell that cannot be read; the message says what is wrong with it."""


# The units a column's header or unit cell may name (a figure itself may say 万 or 亿).
UNITS = {
    "": 1,
    "元": 1,
    "yuan": 1,
    "万元": 10_000,
    "万": 10_000,
    "亿元": 100_000_000,
    "亿": 100_000_000,
    "千元": 1_000,
    "thousand": 1_000,
    "million": 1_000_000,
    "百万元": 1_000_000,
}


def text(value) -> str:
    """A cell as trimmed text ('' for empty). A whole number that a spreadsheet stored as a
    float (a reference like 2024001) reads without its '.0'."""
    if type(value) is str:  # most cells: a CSV's are all text
        return read_text(value.strip())
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def unit_multiplier(value) -> int:
    """A unit column's multiplier: '万元' is 10,000."""
    written = text(value).replace(" ", "")
    if written.lower() in UNITS:
        return UNITS[written.lower()]
    raise CellError(
        _("Unknown unit %(unit)r: write 元, 万元 or 亿元 (or leave it empty for 元).")
        % {"unit": written}
    )


def amount_minor(value, *, currency: str, unit: int = 1) -> int:
    """A positive amount in the currency's minor units: '300万', '1.2亿', '1,234.50', or a
    number (times the column's unit). Never through a float: 0.1 + 0.2 stays exact."""
    if isinstance(value, bool):
        raise CellError(_("This is a yes/no cell, not an amount."))
    if isinstance(value, int | float):
        figure = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        multiplier = unit
    else:
        try:
            figure = written_amount(text(value))
        except ValueError:
            raise CellError(
                _("%(value)r is not an amount: write digits, such as 1200000, 120万 or 1.2亿.")
                % {"value": text(value)[:40]}
            ) from None
        multiplier = unit
    if not figure.is_finite():
        raise CellError(_("This is not an amount."))
    scaled = figure * multiplier * (10 ** minor_digits(currency))
    if scaled != scaled.to_integral_value():
        raise CellError(
            _("%(value)s has more decimals than %(currency)s has (%(digits)s).")
            % {"value": figure, "currency": currency, "digits": minor_digits(currency)}
        )
    if scaled <= 0:
        raise CellError(_("An amount is above zero; a correction is a reversal of its entry."))
    if scaled > MAX_MINOR:
        raise CellError(_("This amount is too large."))
    return int(scaled)


_CHINESE_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?\Z")
_DOTTED_DATE = re.compile(r"^(\d{4})[./](\d{1,2})[./](\d{1,2})\Z")


# Excel counts days from 1899-12-30 (its 1900 leap year included); a date cell read without its
# format, or saved to CSV as a number, is that count: 46315 is 2026-10-20. Counts from 1950 to
# 2150 read as dates; other numbers are not dates.
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_EXCEL_DAYS = range(18264, 91311)
_SERIAL = re.compile(r"^\d{5}(\.\d+)?\Z")


def _excel_serial(value) -> datetime.date | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        days = int(value)
    elif type(value) is str and _SERIAL.match(value.strip()):
        days = int(float(value.strip()))
    else:
        return None
    return _EXCEL_EPOCH + datetime.timedelta(days=days) if days in _EXCEL_DAYS else None


def date(value) -> datetime.date:
    """A date written 2024-03-01, 2024年3月1日, 2024/3/1 or 2024.3.1, a spreadsheet's date
    cell, or Excel's count of days (46315)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if serial := _excel_serial(value):
        return serial
    if type(value) is str and len(value) == 10 and value[4] == "-":
        try:  # the usual case, first
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    written = text(value)
    match = _CHINESE_DATE.match(written) or _DOTTED_DATE.match(written)
    try:
        if match:
            return datetime.date(*(int(part) for part in match.groups()))
        return datetime.date.fromisoformat(written)
    except ValueError:
        raise CellError(
            _("%(value)r is not a date: write 2024-03-01 or 2024年3月1日.")
            % {"value": written[:40]}
        ) from None


def whole_number(value, *, minimum: int = 0, maximum: int = 10**12) -> int:
    """A count or a year: digits only (thousands separators allowed), within bounds."""
    if isinstance(value, bool):
        raise CellError(_("This is a yes/no cell, not a number."))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    written = text(value).replace(",", "").replace("，", "").replace(" ", "")
    if not re.fullmatch(r"[+-]?\d{1,19}", written):
        raise CellError(_("%(value)r is not a whole number.") % {"value": written[:40]})
    number = int(written)
    if not minimum <= number <= maximum:
        raise CellError(
            _("%(value)s is outside %(low)s to %(high)s.")
            % {"value": f"{number:,}", "low": f"{minimum:,}", "high": f"{maximum:,}"}
        )
    return number


def decimal(value, *, places: int = 2, maximum: Decimal = Decimal(10**13)) -> Decimal:
    """A figure such as a target or an actual: at most `places` decimals, not below zero."""
    if isinstance(value, bool):
        raise CellError(_("This is a yes/no cell, not a number."))
    written = repr(value) if isinstance(value, float) else text(value)
    written = written.replace(",", "").replace("，", "").replace(" ", "")
    try:
        figure = Decimal(written)
    except InvalidOperation:
        raise CellError(_("%(value)r is not a number.") % {"value": written[:40]}) from None
    if not figure.is_finite() or figure < 0 or figure > maximum:
        raise CellError(_("A figure here is from 0 to %(high)s.") % {"high": f"{maximum:,}"})
    if figure != figure.quantize(Decimal(1).scaleb(-places)):
        raise CellError(_("At most %(places)s decimals.") % {"places": places})
    return figure.quantize(Decimal(1).scaleb(-places))


YES = {"yes", "y", "true", "1", "是", "对", "√", "x", "ھەئە"}
NO = {"no", "n", "false", "0", "否", "", "不", "ياق"}


def yes_no(value) -> bool:
    if isinstance(value, bool):
        return value
    written = text(value).lower()
    if written in YES:
        return True
    if written in NO:
        return False
    raise CellError(_("Write yes or no (是 or 否, ھەئە or ياق)."))


def rate_scaled(value) -> int:
    """An exchange rate as an integer × 10⁸ ('7.1234' -> 712340000), above zero."""
    written = repr(value) if isinstance(value, float) else text(value)
    try:
        figure = Decimal(written.replace(",", ""))
    except InvalidOperation:
        raise CellError(_("%(value)r is not a rate.") % {"value": written[:40]}) from None
    scaled = figure.scaleb(8) if figure.is_finite() else Decimal(-1)
    if scaled <= 0 or scaled > 10**15:
        raise CellError(_("A rate is above zero and below ten million."))
    if scaled != scaled.to_integral_value():
        raise CellError(_("At most 8 decimals."))
    return int(scaled)
