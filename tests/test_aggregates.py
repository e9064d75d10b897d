"""Sums of money never overflow, on SQLite (64-bit) as on PostgreSQL."""

import pytest

from counterpart.core.aggregates import ExactSum
from counterpart.funding.models import LedgerTotal


@pytest.mark.django_db
def test_a_sum_past_64_bits_is_exact(world):
    # Ten rows of 2**62 - 1 (each a valid 64-bit value): their sum needs 66 bits.
    big = 2**62 - 1
    rows = [
        LedgerTotal(
            donor=world.beijing,
            pairing=world.beijing_hotan_city,
            region=world.hotan_city,
            kind="2",
            year=2000 + n,
            category="health",
            public=True,
            amount_minor=big if n % 3 else -big,
        )
        for n in range(10)
    ]
    LedgerTotal.objects.bulk_create(rows)
    expected = sum(row.amount_minor for row in rows)
    assert LedgerTotal.objects.aggregate(s=ExactSum("amount_minor"))["s"] == expected
    grouped = dict(LedgerTotal.objects.values_list("public").annotate(s=ExactSum("amount_minor")))
    assert grouped == {True: expected}
    assert LedgerTotal.objects.filter(year=1).aggregate(s=ExactSum("amount_minor"))["s"] is None


@pytest.mark.django_db
def test_a_sum_with_parameters_is_logged_under_debug(world, settings):
    """DEBUG logs each query with its parameters filled in: a filtered sum must survive it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection):
        found = LedgerTotal.objects.filter(kind="2", year=2000).aggregate(
            s=ExactSum("amount_minor")
        )
    assert found == {"s": None}
