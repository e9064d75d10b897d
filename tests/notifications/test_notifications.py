"""People are told what waits for them, as they chose: by e-mail at once, in a daily digest,
or not at all; in their language; reminders once each."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from counterpart.accounts.choices import Role
from counterpart.accounts.models import User
from counterpart.engine.periods import period_containing
from counterpart.interchange import services as interchange
from counterpart.notifications import services
from counterpart.notifications.jobs import send_digests
from counterpart.notifications.models import Notification
from counterpart.portal.reminders import send_reminders
from counterpart.projects import services as projects
from counterpart.reporting import selectors as reporting
from counterpart.reporting import services as review
from tests import factories as f
from tests.interchange.test_spreadsheets import entry_row, ledger_csv


def no_progress(*args, **kwargs):
    pass


def kinds_of(user) -> list[str]:
    return list(Notification.objects.filter(user=user).values_list("kind", flat=True))


@pytest.fixture
def reviewed(world):
    review.reporting_rules_set(
        actor=world.user("office"),
        round=world.round,
        review_mode="new",
        levels=[("donor_team", ""), ("programme_office", "")],
    )
    for key in ("beijing_team", "office", "guangdong_team"):
        User.objects.filter(pk=world.user(key).pk).update(email=f"{key}@example.org")
    return world


def test_each_level_hears_when_a_submission_reaches_it_and_the_submitter_hears_back(reviewed):
    world = reviewed
    colleague = f.UserFactory(
        organization_=world.beijing, role=Role.DONOR_TEAM, email="colleague@example.org"
    )
    entry = f.EntryFactory(pairing=world.beijing_hotan_city, sector="12230")
    assert kinds_of(world.user("beijing_team")) == ["review_waiting"]
    assert kinds_of(world.user("guangdong_team")) == kinds_of(world.user("office")) == []
    call_command("worker", "--once")
    assert {m.to[0] for m in mail.outbox} == {"beijing_team@example.org", "colleague@example.org"}
    record = reporting.review_of(entry)
    review.review_approve(actor=colleague, review=record)
    assert kinds_of(world.user("office")) == ["review_waiting"]
    review.review_return(actor=world.user("office"), review=record, comment="wrong sector")
    assert kinds_of(f.system()) == []  # the system submitted it and reads no mail


def test_a_daily_choice_waits_for_the_digest_and_off_tells_nothing(reviewed):
    world = reviewed
    team = world.user("beijing_team")
    services.notification_preferences_set(actor=team, choices={"review_waiting": "daily"})
    f.EntryFactory(pairing=world.beijing_hotan_city, sector="12230")
    f.EntryFactory(pairing=world.beijing_hotan_city, sector="12230", amount_minor=5)
    call_command("worker", "--once")
    assert mail.outbox == []
    send_digests(actor=None, progress=no_progress)
    assert len(mail.outbox) == 1 and mail.outbox[0].body.count("waits for your approval") == 2
    send_digests(actor=None, progress=no_progress)
    assert len(mail.outbox) == 1  # sent once
    services.notification_preferences_set(actor=team, choices={"review_waiting": "off"})
    f.EntryFactory(pairing=world.beijing_hotan_city, sector="12230", amount_minor=7)
    assert len(kinds_of(team)) == 2


def test_a_notification_is_written_in_the_readers_language(reviewed):
    world = reviewed
    team = world.user("beijing_team")
    User.objects.filter(pk=team.pk).update(language="zh-hans")
    f.EntryFactory(pairing=world.beijing_hotan_city, sector="12230")
    call_command("worker", "--once")
    message = next(m for m in mail.outbox if m.to == ["beijing_team@example.org"])
    notification = Notification.objects.get(user=team)
    assert notification.text(language="zh-hans") in message.body  # the e-mail: their choice
    assert notification.text(language="zh-hans") != notification.text(language="en")
    with translation.override("ug"):  # a page: the language it is read in
        assert str(notification) == notification.text(language="ug")


def test_a_disbursement_and_an_extension_reach_the_receiving_team(world, talent):
    f.EntryFactory(pairing=world.beijing_hotan_city, kind="2", sector="12230", amount_minor=900)
    f.EntryFactory(pairing=world.beijing_hotan_city, kind="3", sector="12230", amount_minor=900)
    assert kinds_of(world.user("hotan_team")) == ["receipt_waiting"]
    assert kinds_of(world.user("beijing_team")) == []


@pytest.mark.parametrize("bad", [{"nonsense": "now"}, {"review_waiting": "hourly"}])
def test_bad_preferences_are_refused(world, bad):
    with pytest.raises(Exception, match="Choose"):
        services.notification_preferences_set(actor=world.user("office"), choices=bad)


def test_reminders_reach_the_teams_once(world):
    office = world.user("office")
    project = f.ProjectFactory(pairing=world.beijing_hotan_city, status="2")
    result = projects.result_create(actor=office, project=project, kind="1", title_en="Beds")
    projects.indicator_create(
        actor=office, result=result, title_en="Beds", standard="hospital_beds"
    )
    f.EntryFactory(
        pairing=world.beijing_hotan_city, project=project, value_date=datetime.date(2020, 1, 5)
    )
    today = datetime.date.today()
    # Entry for the last ended quarter closes within the week: a period is due.
    last_ended = period_containing(
        period_containing(today, "quarter").start - datetime.timedelta(days=1), "quarter"
    )
    days = (today - last_ended.end).days + 3
    review.reporting_rules_set(actor=office, round=world.round, closes_after_days=days)
    first = send_reminders(actor=None, progress=no_progress, today=today.isoformat())
    assert first["period_due"] == 2  # Beijing's team and Hotan's
    assert first["commitment_idle"] == 1  # committed in 2020, nothing disbursed since
    again = send_reminders(actor=None, progress=no_progress, today=today.isoformat())
    assert again == {"period_due": 0, "commitment_idle": 0, "no_update": 0}
    assert set(kinds_of(world.user("beijing_team"))) >= {"period_due", "commitment_idle"}
    assert kinds_of(world.user("guangdong_team")) == []


def test_one_sees_and_marks_only_ones_own(client, world):
    f.EntryFactory(pairing=world.beijing_hotan_city, kind="2", sector="12230", amount_minor=900)
    f.EntryFactory(pairing=world.beijing_hotan_city, kind="3", sector="12230", amount_minor=900)
    mine = Notification.objects.get(user=world.user("hotan_team"))
    client.force_login(world.user("beijing_team"))
    assert client.get(reverse("notifications:list")).context["page"].paginator.count == 0
    client.post(reverse("notifications:list"), {"action": "read", "id": mine.pk})
    mine.refresh_from_db()
    assert mine.read_at is None
    client.force_login(world.user("hotan_team"))
    page = client.get(reverse("home")).content.decode()
    assert 'data-testid="unread-count">1<' in page
    client.post(reverse("notifications:list"), {"action": "read"})
    mine.refresh_from_db()
    assert mine.read_at is not None


def test_an_imported_file_tells_each_person_once(reviewed):
    """45 rows were 45 e-mails to each reviewer: now one per person and kind, with the count."""
    world = reviewed
    colleague = f.UserFactory(
        organization_=world.beijing, role=Role.DONOR_TEAM, email="colleague@example.org"
    )
    hotan = world.user("hotan_team")
    User.objects.filter(pk=hotan.pk).update(email="hotan@example.org")
    rows = [entry_row(world, f"BJ-{n}", "2", "2020-03-01", "100万") for n in range(4)]
    rows += [entry_row(world, f"BJ-D{n}", "3", "2020-04-01", "10万") for n in range(2)]
    team = world.user("beijing_team")
    received = interchange.import_receive(
        actor=team, kind="ledger", filename="march.csv", data=ledger_csv(world, *rows)
    )
    interchange.import_apply(
        actor=team, upload=interchange.import_check(actor=team, upload=received)
    )
    (waiting,) = Notification.objects.filter(user=colleague)
    assert waiting.kind == "review_waiting"
    assert waiting.text(language="en") == (
        "6 submissions from the file march.csv wait for your approval."
    )
    (receipts,) = Notification.objects.filter(user=hotan)
    assert receipts.kind == "receipt_waiting" and "2 disbursements" in receipts.text("en")
    call_command("worker", "--once")
    assert [m.to for m in mail.outbox].count(["colleague@example.org"]) == 1
    assert [m.to for m in mail.outbox].count(["hotan@example.org"]) == 1


def test_a_checked_or_refused_file_tells_no_one(reviewed):
    world = reviewed
    team = world.user("beijing_team")
    good = ledger_csv(world, entry_row(world, "BJ-1", "2", "2020-03-01", "100万"))
    received = interchange.import_receive(actor=team, kind="ledger", filename="a.csv", data=good)
    interchange.import_check(actor=team, upload=received)
    bad = ledger_csv(world, entry_row(world, "BJ-2", "2", "2020-03-01", "100万"), "nonsense")
    refused = interchange.import_receive(actor=team, kind="ledger", filename="b.csv", data=bad)
    interchange.import_run(actor=team, upload=refused)
    assert not Notification.objects.exists()
