"""IATI publishing: what a published project becomes in an iati-activities file, checked against
the official 2.03 schema and every rule of the IATI Standard ruleset."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone
from lxml import etree

from counterpart.funding import services as funding
from counterpart.interchange.iati import export, validate
from counterpart.places import services as places
from counterpart.places.models import Organization
from counterpart.projects import services as projects
from tests import factories as f

pytestmark = pytest.mark.usefixtures("iati_standard")

D = datetime.date
BEIJING_REF = "CN-USCI-91350100M000100Y43"  # a credit code whose check digit is right


def office(world):
    return world.user("office")


def give_ref(world, organization, ref):
    organization.refresh_from_db()
    return places.organization_update(
        actor=office(world),
        organization=organization,
        expected_version=organization.version,
        iati_ref=ref,
    )


@pytest.fixture
def published(world):
    """Beijing publishes: one full project; one without a start date; Guangdong does not."""
    give_ref(world, world.beijing, "cn-usci-9135 0100 M000 100Y 43")
    team = world.user("beijing_team")
    hospital = f.OrganizationFactory(
        region_=world.hotan_city, kind="hospital", name="Hotan City Hospital"
    )
    project = projects.project_create(
        actor=team,
        pairing=world.beijing_hotan_city,
        code="hotan-hospital",
        title_en="Hotan City Hospital, phase 2",
        title_zh="和田市医院二期",
        sectors={"12230": 70, "11220": 30},
        planned_start=D(2020, 1, 1),
        actual_start=D(2020, 3, 1),
        planned_end=D(2030, 12, 31),
        actual_end=D(2099, 1, 1),  # a typo in the future: never published as a fact
        status="2",
        implementer=hospital,
        is_published=True,
    )
    projects.project_budget_set(actor=team, project=project, year=2020, amount_minor=5_000_000)
    projects.project_budget_set(actor=team, project=project, year=2021, amount_minor=7_000_000)
    projects.document_add(
        actor=team, project=project, title="News report", url="https://example.org/hospital"
    )
    result = projects.result_create(actor=team, project=project, kind="1", title_en="Beds")
    indicator = projects.indicator_create(
        actor=team,
        result=result,
        title_en="Hospital beds",
        baseline_year=2019,
        baseline_value=Decimal("200"),
    )
    projects.indicator_period_record(
        actor=team,
        indicator=indicator,
        period_start=D(2020, 1, 1),
        period_end=D(2020, 12, 31),
        target=Decimal("300"),
        actual=Decimal("260.5"),
    )
    f.ExchangeRateFactory(valid_on=D(2020, 1, 1), rate="6.9")
    record = dict(actor=team, pairing=world.beijing_hotan_city, project=project)
    funding.transaction_record(
        **record,
        kind="2",
        amount_minor=10_000_000,
        currency="CNY",
        value_date=D(2020, 2, 1),
        reference="BJ/2020/1",
        description="Phase 2 committed",
    )
    paid = funding.transaction_record(
        **record,
        kind="3",
        amount_minor=100_000,
        currency="USD",
        value_date=D(2020, 4, 1),
    )
    funding.transaction_reverse(actor=team, transaction=paid, reason="Wrong account")
    next_year = timezone.localdate().year + 1
    funding.transaction_record(
        **record,
        kind="2",
        amount_minor=2_000_000,
        currency="CNY",
        value_date=D(next_year, 6, 1),
    )
    projects.project_create(
        actor=team,
        pairing=world.beijing_hotan_city,
        code="undated",
        title_en="Undated",
        sectors={"12230": 100},
        is_published=True,
    )
    f.ProjectFactory(pairing=world.guangdong_shufu, code="gd-school", planned_start=D(2020, 1, 1))
    f.ProjectFactory(
        pairing=world.beijing_hotan_city,
        code="draft",
        planned_start=D(2020, 1, 1),
        is_published=False,
    )
    return project


def exported(**options) -> tuple[etree._ElementTree, export.Outcome]:
    out = io.BytesIO()
    outcome = export.write_activities(out, **options)
    return etree.parse(io.BytesIO(out.getvalue())), outcome


def test_the_export_passes_the_schema_and_every_rule_of_the_ruleset(published):
    document, outcome = exported()
    assert validate.schema_errors(document) == []
    assert [str(f) for f in validate.rule_findings(document)] == []
    assert outcome.activities == 1 and outcome.skipped == [("undated", "no start date")]


def test_an_activity_carries_what_the_project_is(published):
    document, _outcome = exported()
    (activity,) = document.getroot()
    assert activity.findtext("iati-identifier") == f"{BEIJING_REF}-hotan-hospital"
    assert activity.find("reporting-org").get("ref") == BEIJING_REF
    titles = {
        n.get("{http://www.w3.org/XML/1998/namespace}lang"): n.text for n in activity.find("title")
    }
    assert titles == {None: "Hotan City Hospital, phase 2", "zh": "和田市医院二期"}
    roles = {p.get("role") for p in activity.findall("participating-org")}
    assert roles == {"1", "2", "4"}  # funding, accountable (the place's government), implementing
    assert {s.get("code"): s.get("percentage") for s in activity.findall("sector")} == {
        "12230": "70",
        "11220": "30",
    }
    dates = {d.get("type") for d in activity.findall("activity-date")}
    assert dates == {"1", "2", "3"}  # not the actual end dated 2099
    assert [b.findtext("value") for b in activity.findall("budget")] == ["50000.00", "70000.00"]
    period = activity.find("result/indicator/period")
    assert period.find("target").get("value") == "300"
    assert period.find("actual").get("value") == "260.5"
    assert activity.find("document-link").get("url") == "https://example.org/hospital"


def test_the_place_is_at_the_seat_of_its_government_approximately(published, world):
    """A place with a listed seat gives the location its point, approximate for the place as a
    whole, and the location is classed as an administrative region; without one, no point."""
    from counterpart.places.models import Region

    (location,) = exported()[0].getroot().find("iati-activity").findall("location")
    assert location.find("point") is None and location.find("exactness") is None
    assert location.find("location-class").get("code") == "1"

    Region.objects.filter(pk=world.hotan_city.pk).update(latitude="37.11215", longitude="79.91353")
    document, _outcome = exported()
    (location,) = document.getroot().find("iati-activity").findall("location")
    assert location.findtext("point/pos") == "37.11215 79.91353"
    assert location.find("exactness").get("code") == "2"
    assert validate.schema_errors(document) == []
    assert [str(f) for f in validate.rule_findings(document)] == []


def test_money_keeps_its_own_currency_and_a_future_promise_is_planned_not_a_transaction(
    published,
):
    document, outcome = exported()
    (activity,) = document.getroot()
    values = [
        (
            t.find("transaction-type").get("code"),
            t.find("value").get("currency"),
            t.findtext("value"),
        )
        for t in activity.findall("transaction")
    ]
    assert values == [("2", "CNY", "100000.00"), ("3", "USD", "1000.00"), ("3", "USD", "-1000.00")]
    assert activity.find("transaction").get("ref") == "BJ/2020/1"
    (planned,) = activity.findall("planned-disbursement")
    assert planned.findtext("value") == "20000.00"
    today = timezone.localdate().isoformat()
    assert all(
        t.find("transaction-date").get("iso-date") <= today for t in activity.findall("transaction")
    )
    assert outcome.transactions == 3
    assert activity.find("default-aid-type") is None  # not aid: left out unless the office says


def test_the_offices_codes_are_declared_when_set(published):
    document, _outcome = exported(codes=export.Codes(flow_type="10", finance_type="110"))
    (activity,) = document.getroot()
    assert activity.find("default-flow-type").get("code") == "10"
    assert validate.schema_errors(document) == []


def test_an_organisation_file_sums_its_budgets_by_year(published, world):
    world.beijing.refresh_from_db()
    out = io.BytesIO()
    export.write_organisations(out, publishers=[world.beijing])
    document = etree.parse(io.BytesIO(out.getvalue()))
    assert validate.schema_errors(document) == []
    assert [str(f) for f in validate.rule_findings(document)] == []
    budgets = document.getroot().findall("iati-organisation/total-budget")
    assert [b.findtext("value") for b in budgets] == ["50000.00", "70000.00"]


@pytest.mark.parametrize(
    "ref, problem",
    [
        ("CN-USCI-91350100M000100Y44", "check digit"),
        ("CN-USCI-9135010", "18 characters"),
        ("CN-USCI-91350100M0001OOY43", "has no O"),
        ("beijing", "country code"),
        ("CN-USCI-a/b", "country code"),
        ("\ud800", "country code"),
    ],
)
def test_a_wrong_identifier_is_refused_naming_what_is_wrong(world, ref, problem):
    with pytest.raises(ValidationError, match=problem) as refused:
        give_ref(world, world.beijing, ref)
    assert "iati_ref" in refused.value.message_dict


def test_an_identifier_is_one_organizations(world):
    give_ref(world, world.beijing, BEIJING_REF)
    with pytest.raises(ValidationError, match="Another organization"):
        give_ref(world, world.guangdong, BEIJING_REF.lower())


def test_only_the_office_sets_an_identifier(world):
    world.beijing.refresh_from_db()
    with pytest.raises(ValidationError):
        places.organization_update(
            actor=world.user("beijing_team"),
            organization=world.beijing,
            expected_version=world.beijing.version,
            iati_ref=BEIJING_REF,
        )


def test_the_command_writes_and_checks_a_file(published, tmp_path, capsys):
    out = tmp_path / "activities.xml"
    call_command("iati", "export", "--out", str(out))
    call_command("iati", "check", str(out))
    printed = capsys.readouterr().out
    assert "1 activities" in printed and "0 errors" in printed


def test_the_command_checks_a_file_against_the_schema_with_no_standard_set(
    published, tmp_path, capsys, settings
):
    """The schemas come with the installation: `iati check` works on a bare machine, counts
    the file's activities (not its other elements), and says the ruleset was not read."""
    out = tmp_path / "activities.xml"
    call_command("iati", "export", "--out", str(out))
    settings.IATI_STANDARD_DIR = tmp_path / "nowhere"
    validate.standard_ruleset.cache_clear()
    call_command("iati", "check", str(out))
    printed = capsys.readouterr().out
    assert "1 activities: 0 errors" in printed and "the ruleset was not checked" in printed
    broken = out.read_bytes().replace(b"<activity-status", b"<activity-state", 1)
    out.write_bytes(broken)
    with pytest.raises(CommandError, match="does not pass"):
        call_command("iati", "check", str(out))
    assert "schema line" in capsys.readouterr().out


def test_the_pairings_other_side_is_the_accountable_organisation_and_the_receiver(published, world):
    """The recipient place's government, made with the place, is accountable for the activity
    (role 2) and receives the money where an entry names no receiver; the file reads line by
    line."""
    government = Organization.objects.get(region=world.hotan_city, kind="local_government")
    assert government.name_en == "Hotan City People's Government"
    out = io.BytesIO()
    export.write_activities(out)
    document = etree.parse(io.BytesIO(out.getvalue()))
    (activity,) = document.getroot()
    accountable = activity.find("participating-org[@role='2']")
    assert accountable.findtext("narrative") == government.name_en
    received = activity.findall("transaction/receiver-org") + activity.findall(
        "planned-disbursement/receiver-org"
    )
    assert len(received) == 4 and {r.findtext("narrative") for r in received} == {
        government.name_en
    }
    assert validate.schema_errors(document) == []
    lines = out.getvalue().decode().splitlines()
    assert "  <iati-activity" in [line[: len("  <iati-activity")] for line in lines]
    assert "    <transaction" in [line[: len("    <transaction")] for line in lines]


def test_nothing_to_publish_writes_no_file_and_the_organisations_are_those_publishing(
    published, world, tmp_path
):
    clinic = f.OrganizationFactory(region_=world.hotan_city, kind="hospital", name="A Clinic")
    give_ref(world, clinic, "CN-USCI-91440000MB2C91980P")  # a publisher with nothing out
    out = tmp_path / "gd.xml"
    with pytest.raises(CommandError, match="no file was written"):
        call_command("iati", "export", "--out", str(out), "--org", "CN-USCI-91440000MB2C91980P")
    assert not out.exists() and not list(tmp_path.iterdir())
    organisations = tmp_path / "organisations.xml"
    call_command("iati", "export", "--out", str(organisations), "--organisations")
    listed = etree.parse(str(organisations)).getroot().findall("iati-organisation")
    assert [o.findtext("organisation-identifier") for o in listed] == [BEIJING_REF]


def test_a_total_budget_is_spread_over_the_projects_years_when_the_office_says(published, world):
    """Kunyu's ¥70 M project had no budget in its activity, for lack of yearly lines: with
    the office's setting, its total is shared over the years it runs, by their days, exactly;
    the organisation file's totals follow."""
    from counterpart.interchange import services as interchange

    project = projects.project_create(
        actor=world.user("beijing_team"),
        pairing=world.beijing_hotan_city,
        code="kunyu-like",
        title_en="Housing",
        sectors={"16030": 100},
        planned_start=D(2021, 7, 1),
        planned_end=D(2023, 6, 30),
        budget_minor=70_000_000_00,
        is_published=True,
    )
    document, _outcome = exported()
    mine = next(a for a in document.getroot() if a.findtext("iati-identifier").endswith("like"))
    assert mine.findall("budget") == []  # left out unless the office says

    interchange.open_data_settings_set(actor=office(world), spread_budgets=True)
    codes = export.Codes(spread_budgets=True)
    document, _outcome = exported(codes=codes)
    mine = next(a for a in document.getroot() if a.findtext("iati-identifier").endswith("like"))
    budgets = [
        (
            b.find("period-start").get("iso-date"),
            b.find("period-end").get("iso-date"),
            Decimal(b.findtext("value")),
        )
        for b in mine.findall("budget")
    ]
    assert [(start, end) for start, end, _value in budgets] == [
        ("2021-07-01", "2021-12-31"),
        ("2022-01-01", "2022-12-31"),
        ("2023-01-01", "2023-06-30"),
    ]
    assert sum(value for _s, _e, value in budgets) == Decimal("70000000.00")
    assert budgets[1][2] > budgets[0][2] > 0  # a whole year holds more than half of one
    assert validate.schema_errors(document) == []
    assert [str(f) for f in validate.rule_findings(document)] == []
    assert project.budgets.count() == 0  # the spread is the file's, not stored

    out = io.BytesIO()
    world.beijing.refresh_from_db()
    export.write_organisations(out, publishers=[world.beijing], codes=codes)
    totals = {
        b.find("period-start").get("iso-date")[:4]: Decimal(b.findtext("value"))
        for b in etree.fromstring(out.getvalue()).iter("total-budget")
    }
    assert totals["2021"] == budgets[0][2] + Decimal("70000.00")  # and the hospital's 2021
    assert totals["2022"] == budgets[1][2] == Decimal("35000000.00")  # 365 of its 730 days
