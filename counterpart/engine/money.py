"""Money as integers of the currency's minor unit (fen, cents). No float anywhere."""

from decimal import Decimal, InvalidOperation

# ISO 4217 minor-unit digits for the currencies the programme uses; others default to 2.
MINOR_DIGITS = {"CNY": 2, "USD": 2, "EUR": 2, "HKD": 2, "JPY": 0, "KRW": 0}
# The largest amount a 64-bit column holds, in minor units.
MAX_MINOR = 2**63 - 1
SYMBOLS = {"CNY": "¥", "USD": "US$", "EUR": "€", "HKD": "HK$", "JPY": "JP¥"}


def minor_digits(currency: str) -> int:
    return MINOR_DIGITS.get(currency.upper(), 2)


def parse_major(text: str, currency: str) -> int:
    """'1,234.5' CNY -> 123450. Raises ValueError for anything that is not an exact amount."""
    cleaned = str(text).replace(",", "").replace(" ", "").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not an amount") from None
    if not value.is_finite():
        raise ValueError(f"{text!r} is not an amount")
    if value.adjusted() > 18:
        raise ValueError(f"{text!r} is too large an amount")
    scaled = value.scaleb(minor_digits(currency))
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
