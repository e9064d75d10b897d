"""Many people at the same moment: each call runs in a thread of its own, with a database
connection of its own, all released together. What holds one at a time must hold at once."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Count, Sum

from counterpart.funding import services as funding
from counterpart.funding.choices import TransactionKind
from counterpart.funding.models import LedgerBalance, Transaction
from counterpart.funding.services import reference_data_restore
from counterpart.interchange import services as interchange
from counterpart.interchange.choices import ImportStatus
from counterpart.talent import services as talent_services
from counterpart.talent.choices import MatchRunStatus
from counterpart.talent.models import MatchRun, Placement
from tests import factories as f
from tests.interchange.test_spreadsheets import entry_row, ledger_csv
from tests.talent.fixtures import post

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def reference_data():
    reference_data_restore()  # the database is emptied between these tests


def at_once(*calls):
    """Run the calls in threads released by one barrier; each gives its value or its error."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            outcomes[index] = call()
        except Exception as error:  # the outcome to assert on
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def entry(world, kind, amount_minor, **fields):
    return funding.transaction_record(
        actor=world.user("beijing_team"),
        kind=kind,
        pairing=world.beijing_hotan_city,
        amount_minor=amount_minor,
        currency="CNY",
        value_date=datetime.date(2024, 3, 1),
        sector="12230",
        **fields,
    )


def test_twenty_disbursements_at_once_never_pass_their_commitment(world):
    entry(world, TransactionKind.COMMITMENT, 1_000_000_00)  # 1 million yuan
    outcomes = at_once(
        *[lambda: entry(world, TransactionKind.DISBURSEMENT, 100_000_00) for _ in range(20)]
    )
    recorded = [o for o in outcomes if isinstance(o, Transaction)]
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(recorded) == 10 and len(refused) == 10, outcomes
    assert all("reason" in error.message_dict for error in refused)
    disbursed = Transaction.objects.filter(kind=TransactionKind.DISBURSEMENT)
    assert disbursed.aggregate(total=Sum("base_amount_minor"))["total"] == 1_000_000_00
    balance = LedgerBalance.objects.get(pairing=world.beijing_hotan_city, project=None)
    assert (balance.committed_minor, balance.disbursed_minor) == (1_000_000_00, 1_000_000_00)


def test_two_overlapping_imports_at_once_never_double_a_row(world):
    team = world.user("beijing_team")
    first = ledger_csv(world, *[entry_row(world, f"BJ-{n}") for n in range(1, 31)])
    second = ledger_csv(world, *[entry_row(world, f"BJ-{n}") for n in range(21, 51)])
    uploads = [
        interchange.import_receive(actor=team, kind="ledger", filename=f"{n}.csv", data=data)
        for n, data in enumerate([first, second])
    ]
    outcomes = at_once(*[lambda u=u: interchange.import_run(actor=team, upload=u) for u in uploads])
    statuses = sorted(outcome.status for outcome in outcomes)
    assert statuses == [ImportStatus.IMPORTED, ImportStatus.REFUSED], outcomes
    refused = next(o for o in outcomes if o.status == ImportStatus.REFUSED)
    assert "already in the ledger" in str(refused.errors)
    per_reference = Transaction.objects.values("reference").annotate(n=Count("id"))
    assert per_reference.count() == 30
    assert {row["n"] for row in per_reference} == {1}


def test_two_office_users_publishing_one_run_publish_it_once(world, talent_round):
    run = talent_services.match_run_create(
        actor=world.user("office"), today=datetime.date(2030, 1, 1)
    )
    second_office = f.UserFactory(
        organization_=world.office_org, role="programme_office", username="office2"
    )
    outcomes = at_once(
        *[
            lambda who=who: talent_services.match_run_publish(
                actor=who, run=run, expected_version=run.version
            )
            for who in (world.user("office"), second_office)
        ]
    )
    published = [o for o in outcomes if isinstance(o, list)]
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(published) == 1 and len(refused) == 1, outcomes
    assert Placement.objects.count() == len(published[0]) == 2
    assert MatchRun.objects.get(pk=run.pk).status == MatchRunStatus.PUBLISHED


@pytest.fixture
def talent_round(world, talent):
    """Two paediatricians ranking two paediatric posts: a run placing both."""
    second = post(talent.hospital, "Second paediatrician")
    for who in (talent.yu, talent.li):
        talent_services.preferences_set(
            actor=f.system(), professional=who, posts=[talent.paediatrics, second]
        )
