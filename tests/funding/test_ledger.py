"""The ledger: recording, converting, reversing, confirming, and the totals kept beside it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from counterpart.audit.models import AuditEvent
from counterpart.core.models import AppendOnlyError
from counterpart.funding import selectors, services
from counterpart.funding.choices import TransactionKind
from counterpart.funding.models import LedgerBalance, LedgerTotal, Transaction
from counterpart.funding.services import ledger as ledger_services
from tests import factories as f


def record(world, user_key, **fields):
    defaults = dict(
        kind=TransactionKind.COMMITMENT,
        pairing=world.beijing_hotan_city,
        amount_minor=7_000_000_000,
        currency="CNY",
        value_date=datetime.date(2020, 3, 1),
        sector="12230",
    )
    return services.transaction_record(actor=world.user(user_key), **{**defaults, **fields})


def totals_match_ledger():
    """The kept totals equal the ledger summed afresh, per kind and year."""
    kept = {}
    for t in LedgerTotal.objects.all():
        kept[(t.kind, t.year)] = kept.get((t.kind, t.year), 0) + t.amount_minor
    summed = {}
    for t in Transaction.objects.all():
        key = (t.kind, t.value_date.year)
        summed[key] = summed.get(key, 0) + t.base_amount_minor
    return {k: v for k, v in kept.items() if v} == {k: v for k, v in summed.items() if v}


def test_a_commitment_is_recorded_with_its_audit_event(world):
    entry = record(world, "beijing_team")
    assert entry.base_amount_minor == 7_000_000_000
    assert entry.donor == world.beijing
    event = AuditEvent.objects.get(event_type="transaction.recorded", object_id=str(entry.pk))
    assert event.actor == world.user("beijing_team")
    assert event.after["amount_minor"] == 7_000_000_000


def test_a_foreign_amount_converts_at_the_rate_of_its_value_date(world):
    f.ExchangeRateFactory(valid_on=datetime.date(2020, 1, 1), rate="6.9")
    f.ExchangeRateFactory(valid_on=datetime.date(2021, 7, 1), rate="6.4875")
    early = record(
        world, "office", currency="USD", amount_minor=100, value_date=datetime.date(2021, 6, 30)
    )
    late = record(
        world, "office", currency="USD", amount_minor=100, value_date=datetime.date(2021, 7, 1)
    )
    assert (early.base_amount_minor, late.base_amount_minor) == (690, 649)
    assert late.rate.valid_on == datetime.date(2021, 7, 1)


def test_a_rate_quoted_the_other_way_converts_by_division(world):
    f.ExchangeRateFactory(base="CNY", quote="EUR", valid_on=datetime.date(2020, 1, 1), rate="0.125")
    entry = record(world, "office", currency="EUR", amount_minor=1_000)
    assert entry.base_amount_minor == 8_000


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"amount_minor": 0}, "amount_minor"),
        ({"amount_minor": -5}, "amount_minor"),
        ({"currency": "XYZ"}, "currency"),
        ({"currency": "USD"}, "value_date"),  # no USD rate recorded at all
        ({"kind": "99"}, "kind"),
        ({"sector": "00000"}, "sector"),
        ({"sector": None}, "sector"),  # no project whose sectors it could follow
        ({"value_date": datetime.date(2009, 12, 31)}, "value_date"),  # before the pairing
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(world, fields, field):
    before = (Transaction.objects.count(), AuditEvent.objects.count(), LedgerTotal.objects.count())
    with pytest.raises(ValidationError) as caught:
        record(world, "office", **fields)
    assert field in caught.value.message_dict
    assert (
        Transaction.objects.count(),
        AuditEvent.objects.count(),
        LedgerTotal.objects.count(),
    ) == before


def test_a_place_outside_the_pairing_is_refused(world):
    with pytest.raises(ValidationError) as caught:
        record(world, "office", region=world.shufu)
    assert "region" in caught.value.message_dict


def test_a_disbursement_beyond_its_commitment_needs_a_reason(world):
    project = f.ProjectFactory(pairing=world.beijing_hotan_city)
    record(world, "beijing_team", project=project, sector=None, amount_minor=1_000)
    record(world, "beijing_team", kind="3", project=project, sector=None, amount_minor=600)
    with pytest.raises(ValidationError) as caught:
        record(world, "beijing_team", kind="3", project=project, sector=None, amount_minor=401)
    assert "reason" in caught.value.message_dict
    allowed = record(
        world,
        "beijing_team",
        kind="3",
        project=project,
        sector=None,
        amount_minor=401,
        reason="Advance agreed with the county before the commitment was signed.",
    )
    assert allowed.reason.startswith("Advance")


def test_money_cannot_have_moved_in_the_future(world):
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as caught:
        record(world, "office", kind="4", value_date=tomorrow)
    assert "value_date" in caught.value.message_dict


def test_entries_cannot_be_changed_or_deleted(world):
    entry = record(world, "office")
    entry.amount_minor = 1
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        Transaction.objects.filter(pk=entry.pk).update(amount_minor=1)
    with pytest.raises(AppendOnlyError):
        Transaction.objects.all().delete()


def test_a_reversal_nets_the_entry_to_zero_once(world):
    f.ExchangeRateFactory(valid_on=datetime.date(2020, 1, 1), rate="6.9")
    entry = record(world, "office", currency="USD", amount_minor=12_345)
    f.ExchangeRateFactory(
        valid_on=datetime.date(2020, 2, 1), rate="7.1"
    )  # later rates change nothing
    with pytest.raises(ValidationError) as caught:
        services.transaction_reverse(actor=world.user("office"), transaction=entry, reason=" ")
    assert "reason" in caught.value.message_dict
    reversal = services.transaction_reverse(
        actor=world.user("beijing_team"), transaction=entry, reason="Entered twice."
    )
    assert reversal.amount_minor == -entry.amount_minor
    assert reversal.base_amount_minor == -entry.base_amount_minor
    assert reversal.rate_id == entry.rate_id
    assert sum(LedgerTotal.objects.values_list("amount_minor", flat=True)) == 0
    for target in (entry, reversal):
        with pytest.raises(ValidationError):
            services.transaction_reverse(actor=world.user("office"), transaction=target, reason="x")


def test_a_donor_team_records_for_its_own_pairings_only(world):
    record(world, "guangdong_team", pairing=world.guangdong_shufu)
    for key in ("beijing_team", "hotan_team", "auditor", "professional", "nobody"):
        with pytest.raises(PermissionDenied):
            record(world, key, pairing=world.guangdong_shufu)
    assert Transaction.objects.count() == 1


def test_a_donor_team_sees_its_own_entries_only(world):
    mine = record(world, "beijing_team")
    theirs = record(world, "guangdong_team", pairing=world.guangdong_shufu)
    seen = set(selectors.transaction_list(actor=world.user("beijing_team")))
    assert seen == {mine}
    assert set(selectors.transaction_list(actor=world.user("auditor"))) == {mine, theirs}
    assert set(selectors.transaction_list(actor=world.user("hotan_team"))) == {mine}
    assert not selectors.transaction_list(actor=world.user("nobody")).exists()


def test_the_recipient_team_confirms_receipt_of_disbursements_to_its_places(world):
    record(world, "office")
    disbursement = record(world, "office", kind="3", amount_minor=1_000)
    for key in ("guangdong_team", "beijing_team", "office", "auditor"):
        with pytest.raises(PermissionDenied):
            services.receipt_confirm(
                actor=world.user(key),
                transaction=disbursement,
                received_on=datetime.date(2020, 3, 5),
            )
    with pytest.raises(ValidationError) as caught:
        services.receipt_confirm(
            actor=world.user("hotan_team"),
            transaction=disbursement,
            received_on=datetime.date(2020, 2, 1),
        )
    assert "received_on" in caught.value.message_dict
    receipt = services.receipt_confirm(
        actor=world.user("hotan_team"),
        transaction=disbursement,
        received_on=datetime.date(2020, 3, 5),
    )
    assert receipt.confirmed_by == world.user("hotan_team")
    with pytest.raises(ValidationError):
        services.receipt_confirm(
            actor=world.user("hotan_team"),
            transaction=disbursement,
            received_on=datetime.date(2020, 3, 6),
        )


def test_an_entry_without_a_sector_splits_across_its_projects_sectors(world):
    project = f.ProjectFactory(pairing=world.beijing_hotan_city, sectors={"12230": 70, "32130": 30})
    record(world, "office", project=project, sector=None, amount_minor=1_001)
    by_category = {
        row.key: row.committed
        for row in selectors.totals_by(actor=world.user("office"), group="category")
    }
    assert by_category == {"health": 701, "industry": 300}
    checks = selectors.share_checks(actor=world.user("office"), filters=selectors.Filters())
    assert checks["wellbeing_share"].share_ppm == 700_299
    assert checks["wellbeing_share"].met is False


def test_changing_a_projects_sectors_recounts_its_entries(world):
    from counterpart.projects import services as projects

    project = f.ProjectFactory(pairing=world.beijing_hotan_city, sectors={"32130": 100})
    record(world, "office", project=project, sector=None, amount_minor=1_000)
    projects.project_sectors_set(
        actor=world.user("beijing_team"),
        project=project,
        expected_version=project.version,
        sectors={"11220": 100},
    )
    rows = selectors.totals_by(actor=world.user("office"), group="category")
    assert [(r.key, r.committed) for r in rows] == [("education", 1_000)]
    assert totals_match_ledger()


def test_the_public_sees_totals_of_published_projects_only(world, anonymous):
    draft = f.ProjectFactory(pairing=world.beijing_hotan_city, is_published=False)
    record(world, "office", project=draft, sector=None, amount_minor=500)
    record(world, "office", amount_minor=1_000)
    record(world, "office", pairing=world.beijing_draft, amount_minor=2_000)
    public_total = sum(r.committed for r in selectors.totals_by(actor=anonymous, group="year"))
    assert public_total == 1_000
    assert not selectors.transaction_list(actor=anonymous).exists()
    team_total = sum(
        r.committed for r in selectors.totals_by(actor=world.user("beijing_team"), group="year")
    )
    assert team_total == 3_500


def test_bulk_recording_is_all_or_nothing_and_names_row_and_field(world):
    entries = [
        services.Entry(
            kind="2",
            pairing=world.beijing_hotan_city,
            amount_minor=100,
            currency="CNY",
            value_date=datetime.date(2020, 1, 1),
            sector="12230",
        ),
        services.Entry(
            kind="2",
            pairing=world.beijing_hotan_city,
            amount_minor=-3,
            currency="CNY",
            value_date=datetime.date(2020, 1, 1),
            sector="12230",
        ),
    ]
    with pytest.raises(services.BulkError) as caught:
        services.transactions_record_bulk(actor=world.user("office"), entries=entries)
    assert "amount_minor" in caught.value.row_errors[2]
    assert "row 2, amount_minor" in caught.value.messages[0]
    assert Transaction.objects.count() == 0
    entries[1].amount_minor = 3
    assert services.transactions_record_bulk(actor=world.user("office"), entries=entries) == 2
    assert AuditEvent.objects.filter(event_type="transactions.imported").count() == 1
    assert totals_match_ledger()


def test_rates_are_recorded_by_the_office_once_per_day(world):
    f.ExchangeRateFactory(valid_on=datetime.date(2020, 1, 1))
    with pytest.raises(ValidationError) as caught:
        f.ExchangeRateFactory(
            base="CNY", quote="USD", valid_on=datetime.date(2020, 1, 1), rate="0.15"
        )
    assert "valid_on" in caught.value.message_dict
    with pytest.raises(PermissionDenied):
        services.exchange_rate_record(
            actor=world.user("beijing_team"),
            base="USD",
            quote="CNY",
            valid_on=datetime.date(2020, 2, 1),
            rate_scaled=700_000_000,
            source="x",
        )


def test_a_rebuild_recomputes_the_same_totals_and_balances(world):
    project = f.ProjectFactory(pairing=world.beijing_hotan_city, sectors={"12230": 60, "16030": 40})
    record(world, "beijing_team", project=project, sector=None)
    record(world, "beijing_team")
    record(world, "beijing_team", kind=TransactionKind.DISBURSEMENT, amount_minor=2_000_000_000)
    mistake = record(world, "beijing_team", kind=TransactionKind.DISBURSEMENT, amount_minor=100)
    services.transaction_reverse(actor=world.user("office"), transaction=mistake, reason="typo")

    def kept():
        totals = sorted(
            LedgerTotal.objects.values_list("kind", "year", "category", "amount_minor", "entries")
        )
        balances = {
            b.project_id: (b.pairing_id, b.committed_minor, b.disbursed_minor)
            for b in LedgerBalance.objects.all()
        }
        return totals, balances

    before = kept()
    assert before[1] == {
        project.pk: (world.beijing_hotan_city.pk, 7_000_000_000, 0),
        None: (world.beijing_hotan_city.pk, 7_000_000_000, 2_000_000_000),
    }
    assert services.ledger_totals_rebuild(actor=world.user("office")) == 5
    assert kept() == before


def test_the_office_records_rates_and_rules_on_their_page(client, world):
    from counterpart.funding.models import ComplianceRule, ExchangeRate

    client.force_login(world.user("office"))
    rate = {
        "action": "rate",
        "base": "USD",
        "quote": "CNY",
        "valid_on": "2024-01-02",
        "rate": "7.1",
        "source": "PBOC",
    }
    assert client.post("/funding/settings/", rate).status_code == 302
    assert ExchangeRate.objects.get(valid_on=datetime.date(2024, 1, 2)).rate_scaled == 710_000_000
    bad = client.post("/funding/settings/", {**rate, "rate": "-1", "valid_on": "2024-02-01"})
    assert "rate" in bad.context["rate_form"].errors
    rule = {
        "action": "rule",
        "round": world.round.pk,
        "kind": "wellbeing_share",
        "threshold": "85",
        "first_year": "2021",
    }
    assert client.post("/funding/settings/", rule).status_code == 302
    assert ComplianceRule.objects.get().threshold_ppm == 850_000
    page = client.get("/funding/settings/").content.decode()
    assert "7.1" in page and "85" in page


@pytest.mark.parametrize(("user_key", "status"), [("auditor", 200), ("beijing_team", 403)])
def test_only_the_office_changes_rates_and_teams_do_not_open_the_page(
    client, world, user_key, status
):
    from counterpart.funding.models import ExchangeRate

    client.force_login(world.user(user_key))
    before = ExchangeRate.objects.count()
    response = client.post(
        "/funding/settings/",
        {
            "action": "rate",
            "base": "USD",
            "quote": "CNY",
            "valid_on": "2024-01-02",
            "rate": "7.1",
            "source": "x",
        },
    )
    assert response.status_code == status
    assert ExchangeRate.objects.count() == before


def test_a_preview_locks_nothing(world):
    """The record form's live preview runs at every keystroke: it must not hold the pairing's
    row (which every writer of that pairing waits for) nor the project's."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    project = f.ProjectFactory(pairing=world.beijing_hotan_city)
    with CaptureQueriesContext(connection) as queries:
        entry, categories = services.transaction_preview(
            actor=world.user("beijing_team"),
            kind="3",
            pairing=world.beijing_hotan_city,
            project=project,
            amount_minor=5_000,
            currency="CNY",
            value_date=datetime.date(2020, 6, 1),
            reason="Advance",
        )
    assert categories == [("health", 5_000)] and entry.pk is None
    assert not [q["sql"] for q in queries if "FOR UPDATE" in q["sql"] or "FOR KEY" in q["sql"]]
    assert not Transaction.objects.exists()


def test_entries_streamed_in_chunks_are_checked_as_one_file(world, monkeypatch):
    """A long file's entries come as a generator and are written a few at a time: what an
    earlier chunk committed still bounds a later disbursement, a reference an earlier chunk
    wrote is still a repeat, and a bad row refuses the whole, named by its place in the file."""
    monkeypatch.setattr(ledger_services, "CHUNK_ENTRIES", 2)
    office = world.user("office")

    def entry(kind, amount, reference, reason=""):
        return services.Entry(
            kind=kind,
            pairing=world.beijing_hotan_city,
            amount_minor=amount,
            currency="CNY",
            value_date=datetime.date(2020, 3, 1),
            sector="12230",
            reference=reference,
            reason=reason,
        )

    def streamed(*entries):
        yield from entries

    committed = [entry("2", 1_000, "C-1"), entry("2", 500, "C-2")]
    beyond = entry("3", 1_000, "D-3")  # chunk 2: 2,000 with chunk 3's
    with pytest.raises(services.BulkError) as caught:
        services.transactions_record_bulk(
            actor=office,
            entries=streamed(*committed, entry("3", 1_000, "D-1"), beyond, entry("3", 1, "C-1")),
        )
    assert set(caught.value.row_errors) == {4, 5}
    assert "reason" in caught.value.row_errors[4]  # 2,000 disbursed of 1,500 committed
    assert "reference" in caught.value.row_errors[5]  # row 1's, written two chunks before
    assert Transaction.objects.count() == 0 and LedgerBalance.objects.count() == 0

    written = services.transactions_record_bulk(
        actor=office, entries=streamed(*committed, entry("3", 1_000, "D-1"), entry("3", 500, "D-2"))
    )
    assert written == 4 and Transaction.objects.count() == 4
    (audited,) = AuditEvent.objects.filter(event_type="transactions.imported")
    assert audited.after["entries"] == 4 and audited.after["base_total_minor"] == 3_000
    balance = LedgerBalance.objects.get(pairing=world.beijing_hotan_city, project=None)
    assert (balance.committed_minor, balance.disbursed_minor) == (1_500, 1_500)
    assert totals_match_ledger()
