"""The ledger under review (its totals keep approved and unapproved apart), closed periods that
refuse entries until the office reopens them, and the data freeze."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Sum

from counterpart.accounts.choices import Role
from counterpart.audit.models import AuditEvent
from counterpart.funding import selectors as funding
from counterpart.funding import services as ledger
from counterpart.funding.models import LedgerTotal
from counterpart.notifications.models import Notification
from counterpart.reporting import selectors, services
from counterpart.reporting.choices import ReviewStatus
from tests import factories as f
from tests.reporting.conftest import report  # noqa: F401  (and its fixtures)


def public_committed(anonymous) -> int:
    return funding.totals(actor=anonymous).aggregate(s=Sum("amount_minor"))["s"] or 0


def stored_totals() -> list[tuple]:
    return sorted(
        LedgerTotal.objects.exclude(amount_minor=0, entries=0).values_list(
            "pairing_id",
            "kind",
            "year",
            "category",
            "public",
            "approved",
            "amount_minor",
            "entries",
        )
    )


@pytest.fixture
def reviewed_ledger(world):
    services.reporting_rules_set(
        actor=world.user("office"),
        round=world.round,
        review_mode="new",
        levels=[("donor_team", ""), ("programme_office", "")],
    )
    return world


def test_an_entry_counts_in_public_totals_once_approved(reviewed_ledger, anonymous):
    world = reviewed_ledger
    bj = world.user("beijing_team")
    entry = f.EntryFactory(pairing=world.beijing_hotan_city, sector="12230", amount_minor=5_000)
    review = selectors.review_of(entry)
    assert review.status == ReviewStatus.SUBMITTED  # an entry is submitted as it is recorded
    assert public_committed(anonymous) == 0
    internal = funding.Filters(include_unapproved=True)
    assert funding.totals(actor=bj, filters=internal).aggregate(s=Sum("amount_minor"))["s"] == 5_000

    services.review_approve(actor=bj, review=review)  # the system recorded it: Beijing approves
    services.review_approve(actor=world.user("office"), review=review)
    assert public_committed(anonymous) == 5_000
    before = stored_totals()
    ledger.ledger_totals_rebuild(actor=world.user("office"))
    assert stored_totals() == before  # moving between buckets left the totals true


def test_a_reversal_of_an_entry_in_review_needs_no_review_and_ends_it(reviewed_ledger, anonymous):
    world = reviewed_ledger
    entry = f.EntryFactory(pairing=world.beijing_hotan_city, sector="12230")
    reversal = ledger.transaction_reverse(
        actor=world.user("beijing_team"), transaction=entry, reason="typed twice"
    )
    assert selectors.review_of(reversal) is None
    with pytest.raises(ValidationError, match="reversed"):
        services.review_approve(actor=world.user("beijing_team"), review=selectors.review_of(entry))
    assert public_committed(anonymous) == 0
    before = stored_totals()
    ledger.ledger_totals_rebuild(actor=world.user("office"))
    assert stored_totals() == before


def test_a_reversal_of_an_approved_entry_is_reviewed_itself(reviewed_ledger, anonymous):
    world = reviewed_ledger
    entry = f.EntryFactory(pairing=world.beijing_hotan_city, sector="12230", amount_minor=700)
    review = selectors.review_of(entry)
    services.review_approve(actor=world.user("beijing_team"), review=review)
    services.review_approve(actor=world.user("office"), review=review)
    with pytest.raises(ValidationError, match="reversing entry"):
        services.review_reopen(actor=world.user("beijing_team"), review=review, reason="wrong")
    colleague = f.UserFactory(organization_=world.beijing, role="donor_team")
    reversal = ledger.transaction_reverse(
        actor=colleague, transaction=entry, reason="wrong project"
    )
    assert selectors.review_of(reversal).status == ReviewStatus.SUBMITTED
    assert public_committed(anonymous) == 700  # the correction counts once approved
    second = selectors.review_of(reversal)
    services.review_approve(actor=world.user("beijing_team"), review=second)
    services.review_approve(actor=world.user("office"), review=second)
    assert public_committed(anonymous) == 0


def test_a_closed_period_refuses_an_entry_until_reopened(world, indicator):
    office, county = world.user("office"), world.user("hotan_team")
    services.reporting_rules_set(
        actor=office, round=world.round, period_length="quarter", closes_after_days=30
    )
    with pytest.raises(ValidationError) as closed:
        report(county, indicator, 5, start=datetime.date(2021, 1, 1))
    message = closed.value.message_dict["period_end"][0]
    assert "2021 Q1" in message and "programme office" in message
    services.period_reopen(
        actor=office,
        round=world.round,
        period_start=datetime.date(2021, 2, 1),
        organization=world.beijing,  # the project's donor: not the county's team
        until=datetime.date.today() + datetime.timedelta(days=5),
        reason="late survey",
    )
    period = report(county, indicator, 5, start=datetime.date(2021, 1, 1))  # its donor's reopened
    assert period.actual == 5
    with pytest.raises(ValidationError, match="2021 Q2"):
        report(county, indicator, 5, start=datetime.date(2021, 4, 1))


def test_a_reopening_for_another_place_opens_nothing_here(world, indicator):
    office = world.user("office")
    services.reporting_rules_set(actor=office, round=world.round, closes_after_days=0)
    services.period_reopen(
        actor=office,
        round=world.round,
        period_start=datetime.date(2021, 1, 1),
        region=world.kashgar,
        until=datetime.date.today(),
        reason="Kashgar's survey",
    )
    with pytest.raises(ValidationError, match="2021 Q1"):
        report(world.user("hotan_team"), indicator, 5)


@pytest.mark.parametrize(
    ("until_days", "reason", "field"),
    [
        (-1, "late", "until"),
        (400, "late", "until"),
        (3, " ", "reason"),
        (3, "patient 张伟 110101199003077777", "reason"),
    ],
)
def test_a_reopening_is_bounded_and_explained(world, until_days, reason, field):
    with pytest.raises(ValidationError) as refused:
        services.period_reopen(
            actor=world.user("office"),
            round=world.round,
            period_start=datetime.date(2021, 1, 1),
            until=datetime.date.today() + datetime.timedelta(days=until_days),
            reason=reason,
        )
    assert field in refused.value.message_dict


def test_the_freeze_stops_older_entries_except_for_a_listed_donor(world):
    office = world.user("office")
    services.reporting_rules_set(
        actor=office, round=world.round, freeze_before=datetime.date(2019, 1, 1)
    )
    with pytest.raises(ValidationError) as frozen:
        f.EntryFactory(
            pairing=world.beijing_hotan_city, sector="12230", value_date=datetime.date(2018, 12, 31)
        )
    assert "frozen" in frozen.value.message_dict["value_date"][0]
    f.EntryFactory(
        pairing=world.guangdong_shufu, sector="12230", value_date=datetime.date(2019, 1, 1)
    )
    services.freeze_exception_grant(
        actor=office,
        round=world.round,
        donor=world.beijing,
        until=datetime.date.today(),
        reason="audit adjustment",
    )
    f.EntryFactory(
        pairing=world.beijing_hotan_city, sector="12230", value_date=datetime.date(2018, 12, 31)
    )
    with pytest.raises(ValidationError, match="frozen"):
        f.EntryFactory(
            pairing=world.guangdong_shufu, sector="12230", value_date=datetime.date(2018, 12, 31)
        )


def test_entries_recorded_in_bulk_wait_in_review_as_typed_ones_do(
    reviewed_ledger, anonymous, monkeypatch
):
    """A file's entries open their reviews together (one audit event, each first approver told
    once how many wait, whatever the chunks it is written in); each then has the history and
    the chain of an entry typed alone."""
    monkeypatch.setattr("counterpart.funding.services.ledger.CHUNK_ENTRIES", 2)
    world = reviewed_ledger
    bj, office = world.user("beijing_team"), world.user("office")
    entries = [
        ledger.Entry(
            kind="2",
            pairing=world.beijing_hotan_city,
            amount_minor=amount,
            currency="CNY",
            value_date=datetime.date(2020, 3, 1),
            sector="12230",
        )
        for amount in (1_000, 2_000, 3_000)
    ]
    assert ledger.transactions_record_bulk(actor=bj, entries=entries, source="march.csv") == 3
    reviews = list(selectors.review_list(office).order_by("pk"))
    assert [r.status for r in reviews] == [ReviewStatus.SUBMITTED] * 3
    assert [[s.action for s in r.steps.order_by("pk")] for r in reviews] == [
        ["opened", "submitted"]
    ] * 3
    assert [list(selectors.waiting_for(u).order_by("pk")) for u in (bj, office)] == [reviews, []]
    (audited,) = AuditEvent.objects.filter(event_type="reviews.submitted")
    assert audited.after["reviews"] == 3 and audited.after["source"] == "march.csv"
    (told,) = Notification.objects.filter(user=bj)
    assert told.text(language="en") == (
        "3 submissions from the file march.csv wait for your approval."
    )

    assert public_committed(anonymous) == 0
    colleague = f.UserFactory(organization_=world.beijing, role=Role.DONOR_TEAM)
    for review in reviews[:2]:
        with pytest.raises(ValidationError, match="other than its submitter"):
            services.review_approve(actor=bj, review=review)
        services.review_approve(actor=colleague, review=review)
        services.review_approve(actor=office, review=review)
    assert public_committed(anonymous) == 3_000
    before = stored_totals()
    ledger.ledger_totals_rebuild(actor=office)
    assert stored_totals() == before
