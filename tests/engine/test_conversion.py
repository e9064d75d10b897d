from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterpart.engine.compliance import ShareCheck, share_ppm
from counterpart.engine.money import (
    RATE_SCALE,
    convert,
    format_rate,
    parse_rate,
    split_by_weights,
)

amounts = st.integers(min_value=-(10**15), max_value=10**15)
rates = st.integers(min_value=1, max_value=10**12)


@given(amounts, rates)
def test_conversion_is_the_exact_product_rounded_half_up(amount, rate):
    exact = Fraction(amount * rate, RATE_SCALE)
    got = convert(amount, source="USD", target="CNY", rate_scaled=rate, rate_base="USD")
    assert abs(Fraction(got) - exact) <= Fraction(1, 2)
    assert isinstance(got, int)


@given(amounts, rates)
def test_a_rate_quoted_the_other_way_divides(amount, rate):
    exact = Fraction(amount * RATE_SCALE, rate)
    got = convert(amount, source="USD", target="CNY", rate_scaled=rate, rate_base="CNY")
    assert abs(Fraction(got) - exact) <= Fraction(1, 2)


def test_conversion_minds_the_minor_units():
    # 1 JPY (no minor unit) at 0.05 CNY -> 5 fen
    assert convert(1, source="JPY", target="CNY", rate_scaled=5_000_000, rate_base="JPY") == 5
    assert (
        convert(
            7_000_000_000,
            source="CNY",
            target="USD",
            rate_scaled=parse_rate("6.4875"),
            rate_base="USD",
        )
        == 1_078_998_073
    )


def test_rates_parse_and_print_exactly():
    assert parse_rate("7.0467") == 704_670_000
    assert format_rate(704_670_000) == "7.0467"
    for bad in ("0", "-1", "abc", "1.123456789"):
        with pytest.raises(ValueError):
            parse_rate(bad)


@given(amounts, st.lists(st.integers(min_value=0, max_value=1000), min_size=1, max_size=8))
def test_a_split_adds_up_and_stays_within_one_of_proportion(amount, weights):
    if sum(weights) == 0:
        with pytest.raises(ValueError):
            split_by_weights(amount, weights)
        return
    parts = split_by_weights(amount, weights)
    assert sum(parts) == amount
    for part, weight in zip(parts, weights, strict=True):
        assert abs(Fraction(part) - Fraction(amount * weight, sum(weights))) < 1


@given(
    st.integers(min_value=0, max_value=10**12),
    st.integers(min_value=1, max_value=10**12),
    st.integers(min_value=1, max_value=1_000_000),
)
def test_headroom_is_the_most_that_keeps_the_share(part, extra_whole, threshold):
    check = ShareCheck(part_minor=part, whole_minor=part + extra_whole, threshold_ppm=threshold)
    room = check.headroom_minor()
    if room:
        assert check.with_added(part_minor=0, whole_minor=room).met
    if check.met:
        assert not check.with_added(part_minor=0, whole_minor=room + 1).met


def test_no_whole_has_no_share():
    assert share_ppm(5, 0) is None
    assert ShareCheck(part_minor=0, whole_minor=0, threshold_ppm=800_000).met is None
    assert share_ppm(80, 100) == 800_000
