"""The office enters a past year's records as history: closed periods take them, approved,
with its reason in the audit log. Everyone else, and every ordinary import, is refused there."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.db.models import Sum

from counterpart.audit.models import AuditEvent
from counterpart.funding import selectors as funding
from counterpart.funding.models import Transaction
from counterpart.interchange import services
from counterpart.interchange.choices import ImportStatus
from counterpart.reporting import services as reporting
from counterpart.reporting.models import Review
from tests.interchange.test_spreadsheets import entry_row, ledger_csv

REASON = "The 2020 ledger, from the paper archive of the front command"


@pytest.fixture
def closed(world):
    """The 2010 round reviews new records through two levels and closes each quarter 30 days
    after it ends: 2020 is long closed."""
    reporting.reporting_rules_set(
        actor=world.user("office"),
        round=world.round,
        review_mode="new",
        levels=[("donor_team", ""), ("programme_office", "")],
        closes_after_days=30,
    )
    return world


def archive(world) -> bytes:
    return ledger_csv(
        world,
        entry_row(world, "BJ-2020-1", "2", "2020-03-01", "300万"),
        entry_row(world, "BJ-2020-2", "4", "2020-05-01", "100万"),
    )


def public_total(anonymous) -> int:
    return funding.totals(actor=anonymous).aggregate(s=Sum("amount_minor"))["s"] or 0


def test_an_ordinary_import_into_a_closed_period_is_refused(closed):
    office = closed.user("office")
    received = services.import_receive(
        actor=office, kind="ledger", filename="2020.csv", data=archive(closed)
    )
    done = services.import_run(actor=office, upload=received)
    assert done.status == ImportStatus.REFUSED
    assert "closed" in done.errors[0]["messages"][0]
    assert not Transaction.objects.exists()


def test_the_office_enters_history_approved_and_audited_with_its_reason(closed, anonymous):
    office = closed.user("office")
    received = services.import_receive(
        actor=office, kind="ledger", filename="2020.csv", data=archive(closed), historical=REASON
    )
    checked = services.import_check(actor=office, upload=received)
    assert checked.status == ImportStatus.READY, checked.errors
    done = services.import_apply(actor=office, upload=checked)
    assert done.status == ImportStatus.IMPORTED
    assert Transaction.objects.count() == 2
    assert not Review.objects.exists()  # history counts at once: no one is asked to approve it
    assert public_total(anonymous) == 4_000_000_00
    (imported,) = AuditEvent.objects.filter(event_type="transactions.imported")
    assert imported.reason == REASON and imported.after["historical"] is True
    (audited,) = AuditEvent.objects.filter(event_type="import.received")
    assert audited.reason == REASON
    assert audited.after["historical"] == REASON  # read as "history entered because: …"


@pytest.mark.parametrize("user_key", ["beijing_team", "hotan_team"])
def test_no_one_but_the_office_enters_history(closed, user_key):
    with pytest.raises(PermissionDenied):
        services.import_receive(
            actor=closed.user(user_key),
            kind="ledger",
            filename="2020.csv",
            data=archive(closed),
            historical=REASON,
        )


@pytest.mark.parametrize(
    ("kind", "reason", "field"),
    [("posts", REASON, "historical"), ("ledger", "x" * 1001, "historical")],
)
def test_history_is_refused_for_a_kind_that_keeps_none_or_a_reason_too_long(
    closed, kind, reason, field
):
    with pytest.raises(ValidationError) as refused:
        services.import_receive(
            actor=closed.user("office"),
            kind=kind,
            filename="a.csv",
            data=archive(closed),
            historical=reason,
        )
    assert field in refused.value.message_dict


def test_the_command_enters_history_as_the_office_user_it_is_set_to(closed, tmp_path, settings):
    path = tmp_path / "2020.csv"
    path.write_bytes(archive(closed))
    call_command("import", "ledger", str(path), "--historical", REASON)  # as IMPORT_AS
    assert set(Transaction.objects.values_list("recorded_by__username", flat=True)) == {"office"}
    settings.IMPORT_AS = "nobody-here"
    with pytest.raises(CommandError, match="IMPORT_AS"):
        call_command("import", "ledger", str(path), "--dry-run")


def test_another_publishers_past_years_enter_as_history_with_their_projects_approved(closed):
    from counterpart.projects.models import IndicatorPeriod, Project
    from tests import factories as f
    from tests.interchange.test_iati_import import FOREIGN

    f.ExchangeRateFactory(valid_on=closed.round.starts_on, rate="6.5")
    office = closed.user("office")
    services.iati_mapping_set(
        actor=office, kind="organization", ref="XM-DAC-99-1", organization=closed.beijing
    )
    services.iati_mapping_set(
        actor=office, kind="place", ref="Hotan City", region=closed.hotan_city
    )

    with_result = FOREIGN.replace(  # its first quarter's result: a period long closed too
        b" </iati-activity>",
        b'  <result type="1"><title><narrative>Clinics equipped</narrative></title>'
        b'<indicator measure="1"><title><narrative>Clinics</narrative></title><period>'
        b'<period-start iso-date="2021-01-01"/><period-end iso-date="2021-03-31"/>'
        b'<target value="10"/><actual value="8"/></period></indicator></result>\n'
        b" </iati-activity>",
    )

    def run(**historical):
        received = services.import_receive(
            actor=office, kind="iati", filename="fund.xml", data=with_result, **historical
        )
        return services.import_run(actor=office, upload=received)

    refused = run()
    assert refused.status == ImportStatus.REFUSED  # 2021's quarters closed long ago
    assert not Project.objects.exists()
    done = run(historical=REASON)
    assert done.status == ImportStatus.IMPORTED, done.errors
    assert Project.objects.count() == Transaction.objects.count() == 1
    (period,) = IndicatorPeriod.objects.all()
    assert (period.target, period.actual) == (10, 8)
    assert not Review.objects.exists()
    recorded = AuditEvent.objects.get(event_type="indicator_period.recorded")
    assert recorded.reason == REASON
