"""The ledger is covered by the audit chain: an entry changed, deleted or added behind the
application's back is named by the chain's check."""

import datetime

import pytest
from django.db import connection

from counterpart.audit.services import audit_chain_check
from counterpart.funding import services
from counterpart.funding.ledger_check import ledger_against_log
from counterpart.funding.models import Transaction
from tests import factories as f


@pytest.fixture
def ledger(world):
    """Entries one by one (one reversed) and an import of three."""
    office = world.user("office")
    single = [
        f.EntryFactory(pairing=world.beijing_hotan_city, sector="12230", reference=f"S-{n}")
        for n in range(3)
    ]
    services.transaction_reverse(actor=office, transaction=single[0], reason="typed twice")
    imported = [
        services.Entry(
            kind="2",
            pairing=world.beijing_hotan_city,
            amount_minor=100 + n,
            currency="CNY",
            value_date=datetime.date(2020, 1, 1),
            sector="12230",
            reference=f"B-{n}",
        )
        for n in range(3)
    ]
    services.transactions_record_bulk(actor=office, entries=imported)
    return list(Transaction.objects.order_by("pk"))


def raw(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_a_ledger_made_through_the_services_agrees_with_its_events(ledger):
    assert ledger_against_log() == ""
    assert audit_chain_check().intact


def test_an_entry_changed_in_the_database_is_named(ledger):
    entry = ledger[1]
    raw("UPDATE funding_transaction SET amount_minor = amount_minor + 1 WHERE id = %s", [entry.pk])
    assert ledger_against_log() == (
        f"ledger entry {entry.pk} differs from its event in amount_minor"
    )
    check = audit_chain_check()  # the chain's own links still hold: the ledger does not
    assert not check.intact and f"ledger entry {entry.pk}" in check.problem


def test_an_imported_entry_deleted_or_an_entry_added_is_named(ledger):
    imported = ledger[-1]
    raw("DELETE FROM funding_transaction WHERE id = %s", [imported.pk])
    assert "are not the 3 entries" in ledger_against_log()


def test_an_entry_added_without_an_event_is_named(ledger):
    raw(
        "INSERT INTO funding_transaction (kind, pairing_id, donor_id, provider_id, currency_id, "
        "amount_minor, value_date, base_amount_minor, description, reference, reason, "
        "recorded_at, region_id) SELECT kind, pairing_id, donor_id, provider_id, currency_id, "
        "amount_minor, value_date, base_amount_minor, description, 'X-1', reason, "
        "recorded_at, region_id FROM funding_transaction WHERE id = %s",
        [ledger[1].pk],
    )
    added = Transaction.objects.order_by("-pk").first()
    assert ledger_against_log() == f"ledger entry {added.pk} has no event that recorded it"
