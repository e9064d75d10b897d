from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterpart.engine.quotas import percent_to_ppm, ppm_to_percent, share_of, yearly_quota

amounts = st.integers(min_value=0, max_value=10**17)
shares = st.integers(min_value=0, max_value=1_000_000)


@given(amounts, shares)
def test_share_is_the_exact_rounded_fraction(amount, ppm):
    expected = (Decimal(amount) * ppm / 1_000_000).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert share_of(amount, ppm) == int(expected)


@given(amounts, amounts, shares)
def test_a_larger_revenue_never_owes_less(a, b, ppm):
    low, high = sorted((a, b))
    assert share_of(low, ppm) <= share_of(high, ppm)


def test_quota_is_a_share_of_the_previous_year():
    revenue = {2019: 581_710_000_000_00}
    assert yearly_quota(revenue, 5_000, 2020) == 2_908_550_000_00
    assert yearly_quota(revenue, 5_000, 2019) is None


@given(st.integers(min_value=0, max_value=1_000_000))
def test_percent_round_trip(ppm):
    assert percent_to_ppm(ppm_to_percent(ppm)) == ppm


@pytest.mark.parametrize("text", ["abc", "-0.1", "101", "0.00001", "nan"])
def test_bad_percentages_are_refused(text):
    with pytest.raises(ValueError):
        percent_to_ppm(text)


def test_negative_amounts_are_refused():
    with pytest.raises(ValueError):
        share_of(-1, 5000)
