"""No sequence of accepted entries can take a page down: entries, running totals and value dates
are bounded, and every sum is exact on both databases."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from counterpart.funding import services
from counterpart.funding.models import LedgerTotal, Transaction
from counterpart.funding.services._batch import MAX_ENTRY_MINOR
from counterpart.funding.services._derived import MAX_RUNNING_MINOR
from tests.funding.test_ledger import record, totals_match_ledger


def commitments(world, count, amount):
    return [
        services.Entry(
            kind="2",
            pairing=world.beijing_hotan_city,
            amount_minor=amount,
            currency="CNY",
            value_date=datetime.date(2021, 1, 1),
            sector="12230",
        )
        for _ in range(count)
    ]


@pytest.mark.parametrize("amount", [10**15, MAX_ENTRY_MINOR + 1, 2**63, -5, 0, True, 1.0, "100"])
def test_an_impossible_amount_is_refused_naming_it(world, amount):
    with pytest.raises(ValidationError) as error:
        record(world, "beijing_team", amount_minor=amount)
    assert "amount_minor" in error.value.message_dict
    assert not Transaction.objects.exists()


def test_a_promise_is_not_dated_decades_ahead(world):
    too_far = datetime.date(timezone.localdate().year + 6, 1, 1)
    with pytest.raises(ValidationError) as error:
        record(world, "beijing_team", value_date=too_far)
    assert "value_date" in error.value.message_dict
    near = datetime.date(timezone.localdate().year + 5, 12, 31)
    assert record(world, "beijing_team", value_date=near).value_date == near


def test_a_running_total_stays_within_its_bound_and_pages_keep_working(world, client):
    per_entry = MAX_ENTRY_MINOR
    filling = MAX_RUNNING_MINOR // per_entry  # exactly up to the bound
    team = world.user("beijing_team")
    assert (
        services.transactions_record_bulk(
            actor=team, entries=commitments(world, filling, per_entry)
        )
        == filling
    )
    with pytest.raises(ValidationError) as error:
        record(world, "beijing_team", amount_minor=1, value_date=datetime.date(2021, 6, 1))
    assert "amount_minor" in error.value.message_dict
    assert Transaction.objects.count() == filling
    assert LedgerTotal.objects.get().amount_minor == MAX_RUNNING_MINOR
    assert totals_match_ledger()
    # Another pairing keeps running totals of its own: accepted, and every page that sums across
    # both still answers (sums past 64 bits: tests/test_aggregates.py).
    services.transactions_record_bulk(
        actor=world.user("guangdong_team"),
        entries=[
            services.Entry(**{**entry.__dict__, "pairing": world.guangdong_shufu})
            for entry in commitments(world, filling, per_entry)
        ],
    )
    for user in ("office", "beijing_team", "auditor", "hotan_team", None):
        client.logout()
        if user:
            client.force_login(world.user(user))
        for address in ("/dashboard/", "/api/totals", "/api/totals?group=year", "/api/shares"):
            assert client.get(address).status_code == 200, (user, address)
    client.force_login(world.user("office"))
    rows = client.get("/api/totals?group=year").json()
    assert sum(row["committed_minor"] for row in rows) == 2 * MAX_RUNNING_MINOR
