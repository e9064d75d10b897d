"""Quota arithmetic: a donor owes a share of its previous year's fiscal revenue.

Shares are integer parts per million (0.5 % = 5,000 ppm), so every quota is exact.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

PPM = 1_000_000


def share_of(amount_minor: int, share_ppm: int) -> int:
    """The share of an amount, rounded half up to the minor unit."""
    if share_ppm < 0 or amount_minor < 0:
        raise ValueError("amount and share must not be negative")
    return (amount_minor * share_ppm + PPM // 2) // PPM


def yearly_quota(revenue_by_year: dict[int, int], share_ppm: int, year: int) -> int | None:
    """The quota owed in `year`: the share of the previous year's revenue, or None if unknown."""
    revenue = revenue_by_year.get(year - 1)
    return None if revenue is None else share_of(revenue, share_ppm)


def percent_to_ppm(text: str) -> int:
    """'0.5' (per cent) -> 5000 ppm. At most four decimals; between 0 and 100."""
    try:
        value = Decimal(str(text).strip().rstrip("%"))
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a percentage") from None
    if not value.is_finite() or value < 0 or value > 100:
        raise ValueError("a share is a percentage between 0 and 100")
    ppm = value * 10_000
    if ppm != ppm.to_integral_value():
        raise ValueError("a share has at most four decimals")
    return int(ppm)


def ppm_to_percent(share_ppm: int) -> str:
    """5000 -> '0.5'."""
    text = str((Decimal(share_ppm) / 10_000).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))
    return text.rstrip("0").rstrip(".") if "." in text else text
