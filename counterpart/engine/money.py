"""Money as integers of the currency's minor unit (fen, cents). No float anywhere."""

import re
from decimal import Decimal, InvalidOperation

# The currencies the programme uses (ISO 4217): names and the digits of the minor unit.
# The ledger's currency table is loaded from this list.
CURRENCIES = {
    "CNY": ("Chinese yuan", "人民币", 2),
    "USD": ("US dollar", "美元", 2),
    "EUR": ("Euro", "欧元", 2),
    "HKD": ("Hong Kong dollar", "港元", 2),
    "GBP": ("Pound sterling", "英镑", 2),
    "JPY": ("Japanese yen", "日元", 0),
}
MINOR_DIGITS = {code: digits for code, (_en, _zh, digits) in CURRENCIES.items()}
# The largest amount a 64-bit column holds, in minor units.
MAX_MINOR = 2**63 - 1
SYMBOLS = {"CNY": "¥", "USD": "US$", "EUR": "€", "HKD": "HK$", "JPY": "JP¥"}


def minor_digits(currency: str) -> int:
    return MINOR_DIGITS.get(currency.upper(), 2)


# An amount as people write it: digits with thousands separators (ASCII or full-width commas),
# decimals, and 万 (10⁴) or 亿 (10⁸) after the figure. No exponent: `1e6` is a typo, not a sum.
_WRITTEN_AMOUNT = re.compile(r"^([+-]?)([0-9][0-9,，]*(?:\.[0-9]+)?)(万|亿)?(?:元)?\Z")
CHINESE_MULTIPLIERS = {"": 1, "万": 10**4, "亿": 10**8}


def written_amount(text: str) -> Decimal:
    """The figure an amount is written as, its 万 or 亿 applied: '300万' -> 3000000. Raises
    ValueError for anything else (an exponent, two units, letters)."""
    cleaned = str(text).replace(" ", "").replace("\u00a0", "").strip()
    match = _WRITTEN_AMOUNT.match(cleaned)
    if not match:
        raise ValueError(f"{text!r} is not an amount")
    sign, digits, unit = match.groups()
    value = Decimal(digits.replace(",", "").replace("，", ""))
    if value.adjusted() > 18:
        raise ValueError(f"{text!r} is too large an amount")
    value *= CHINESE_MULTIPLIERS[unit or ""]
    return -value if sign == "-" else value


def parse_major(text: str, currency: str) -> int:
    """'1,234.5' CNY -> 123450; '300万' -> 3,000,000 yuan; '1.2亿' -> 120,000,000 yuan. Raises
    ValueError for anything that is not an exact amount (an exponent, more decimals than the
    currency has, past 2⁶³ minor units)."""
    scaled = written_amount(text).scaleb(minor_digits(currency))
    if abs(scaled) > MAX_MINOR:
        raise ValueError(f"{text!r} is too large an amount")
    if scaled != scaled.to_integral_value():
        raise ValueError(
            f"{text!r} has more decimals than {currency} allows ({minor_digits(currency)})"
        )
    return int(scaled)


def format_minor(amount_minor: int, currency: str, *, symbol: bool = True) -> str:
    """123450, 'CNY' -> '¥1,234.50'."""
    digits = minor_digits(currency)
    sign = "-" if amount_minor < 0 else ""
    whole, fraction = divmod(abs(int(amount_minor)), 10**digits)
    text = f"{whole:,}" + (f".{fraction:0{digits}d}" if digits else "")
    prefix = SYMBOLS.get(currency.upper(), currency.upper() + " ") if symbol else ""
    return f"{sign}{prefix}{text}"


# Exchange rates are integers too: units of the quote currency per unit of the base, × RATE_SCALE.
RATE_SCALE = 10**8


def parse_rate(text: str) -> int:
    """'7.0467' -> 704670000. At most eight decimals, above zero."""
    try:
        value = Decimal(str(text).replace(",", "").strip())
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a rate") from None
    if not value.is_finite() or value <= 0 or value.adjusted() > 9:
        raise ValueError(f"{text!r} is not a rate above zero")
    scaled = value.scaleb(8)
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{text!r} has more than eight decimals")
    return int(scaled)


def format_rate(rate_scaled: int) -> str:
    text = str(Decimal(rate_scaled).scaleb(-8).quantize(Decimal("0.00000001")))
    return text.rstrip("0").rstrip(".")


def _divide_half_up(numerator: int, denominator: int) -> int:
    """Integer division rounding half away from zero, exact for any size."""
    sign = -1 if (numerator < 0) != (denominator < 0) else 1
    quotient, remainder = divmod(abs(numerator), abs(denominator))
    if 2 * remainder >= abs(denominator):
        quotient += 1
    return sign * quotient


def convert(
    amount_minor: int, *, source: str, target: str, rate_scaled: int, rate_base: str
) -> int:
    """Convert between two currencies with one rate quoted as `rate_base` → the other.

    The rate may be quoted in either direction: a CNY amount converts with a USD→CNY rate by
    division, so no inverted (and rounded) rate is ever stored. Rounds half up to the minor unit.
    """
    if source == target:
        return amount_minor
    if rate_scaled <= 0:
        raise ValueError("a rate is above zero")
    shift = minor_digits(target) - minor_digits(source)
    numerator, denominator = amount_minor, 1
    if rate_base == source:  # amount × rate
        numerator *= rate_scaled
        denominator *= RATE_SCALE
    elif rate_base == target:  # amount ÷ rate
        numerator *= RATE_SCALE
        denominator *= rate_scaled
    else:
        raise ValueError(f"a {rate_base} rate cannot convert {source} to {target}")
    if shift >= 0:
        numerator *= 10**shift
    else:
        denominator *= 10**-shift
    return _divide_half_up(numerator, denominator)


def split_by_weights(amount_minor: int, weights: list[int]) -> list[int]:
    """Split an amount in proportion to integer weights, exactly (largest remainder).

    The parts always add up to the amount; ties go to the earlier weight.
    """
    total = sum(weights)
    if not weights or total <= 0 or any(w < 0 for w in weights):
        raise ValueError("weights are not negative and add up to more than zero")
    sign = -1 if amount_minor < 0 else 1
    magnitude = abs(amount_minor)
    parts = [magnitude * w // total for w in weights]
    remainders = [magnitude * w % total for w in weights]
    short = magnitude - sum(parts)
    for index in sorted(range(len(weights)), key=lambda i: (-remainders[i], i))[:short]:
        parts[index] += 1
    return [sign * part for part in parts]


def format_compact(
    amount_minor: int, currency: str, *, myriads: bool = False, words=("million", "billion")
) -> str:
    """A large amount as people say it: '¥79.4 million' (`words` in the reader's language), or
    with `myriads` (Chinese counts in ten-thousands) '¥7,940万' and '¥1.25亿'. Small amounts
    stay whole."""
    major = int(amount_minor) / 10 ** minor_digits(currency)
    prefix = SYMBOLS.get(currency.upper(), currency.upper() + " ")
    sign, size = ("-" if major < 0 else ""), abs(major)
    if myriads:
        if size >= 1e8:
            return f"{sign}{prefix}{size / 1e8:,.2f}亿"
        if size >= 1e4:
            return f"{sign}{prefix}{size / 1e4:,.0f}万"
    elif size >= 1e9:
        return f"{sign}{prefix}{size / 1e9:,.2f} {words[1]}"
    elif size >= 1e6:
        return f"{sign}{prefix}{size / 1e6:,.1f} {words[0]}"
    return format_minor(amount_minor, currency)
