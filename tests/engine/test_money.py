import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterpart.engine.money import format_minor, parse_major


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_format_then_parse_gives_the_same_fen(amount_minor):
    assert parse_major(format_minor(amount_minor, "CNY", symbol=False), "CNY") == amount_minor


def test_format_uses_the_currency_minor_unit():
    assert format_minor(123450, "CNY") == "¥1,234.50"
    assert format_minor(-5, "USD") == "-US$0.05"
    assert format_minor(1500, "JPY") == "JP¥1,500"


@pytest.mark.parametrize(
    "text",
    ["", "abc", "1.234", "NaN", "Infinity", "1e400000", "1e6", "1E3", "3万亿", "万", "1,2.3.4"],
)
def test_parse_refuses_what_is_not_an_exact_amount(text):
    with pytest.raises(ValueError):
        parse_major(text, "CNY")


def test_parse_accepts_grouping_and_whole_amounts():
    assert parse_major("70,000,000", "CNY") == 7_000_000_000
    assert parse_major("5.4", "CNY") == 540


def test_parse_reads_amounts_as_officials_write_them():
    assert parse_major("300万", "CNY") == 300 * 10**4 * 100
    assert parse_major("1.2亿", "CNY") == 120_000_000 * 100
    assert parse_major("1，234.50元", "CNY") == 123_450
    assert parse_major("-5", "CNY") == -500


def test_large_amounts_read_as_people_say_them():
    from counterpart.engine.money import format_compact

    assert format_compact(7_940_000_000, "CNY") == "¥79.4 million"
    assert format_compact(7_940_000_000, "CNY", myriads=True) == "¥7,940万"
    assert format_compact(12_500_000_000, "CNY", myriads=True) == "¥1.25亿"
    assert format_compact(250_000_000_000, "CNY") == "¥2.50 billion"
    assert format_compact(-7_940_000_000, "CNY") == "-¥79.4 million"
    assert format_compact(123_450, "CNY") == "¥1,234.50"
    assert format_compact(7_940_000_000, "CNY", words=("M", "B")) == "¥79.4 M"
