"""The demo: the seeds' programme, loaded through the services, every record with its source."""

import csv
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import reverse

from counterpart.accounts.models import User
from counterpart.accounts.services import system_actor
from counterpart.demo.facts import FOLDER
from counterpart.demo.load import DemoLoader
from counterpart.demo.places import DEMO_PASSWORD, USERS
from counterpart.funding.models import Transaction
from counterpart.pairings.models import Pairing
from counterpart.talent.models import SentTotal
from counterpart.talent.selectors import people_sent
from tests import walk

DONORS_2010 = {
    "Anhui",
    "Beijing",
    "Fujian",
    "Guangdong",
    "Hebei",
    "Heilongjiang",
    "Henan",
    "Hubei",
    "Hunan",
    "Jiangsu",
    "Jiangxi",
    "Jilin",
    "Liaoning",
    "Shandong",
    "Shanghai",
    "Shanxi",
    "Shenzhen",
    "Tianjin",
    "Zhejiang",
}


pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for this module's tests (a load takes a minute on PostgreSQL):
    each test runs in a savepoint of the module's transaction, which is rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        walk.load_demo(30)
        yield
        transaction.set_rollback(True)


def test_home_shows_the_19_donors_with_their_places(client, demo):
    response = client.get(reverse("home"))
    summaries = response.context["summaries"]
    assert {s.donor.name_en for s in summaries} == DONORS_2010
    beijing = next(s for s in summaries if s.donor.name_en == "Beijing")
    assert {p.recipient.name_en for p in beijing.pairings} == {
        "Hotan City",
        "Hotan County",
        "Lop County",
        "Moyu County",
        "XPCC 14th Division (Kunyu City)",
    }
    chart = response.context["chart"]
    assert len(chart["labels"]) == 19
    assert sum(sum(d["data"]) for d in chart["datasets"]) == 51
    assert 'id="pairings-chart-data"' in response.content.decode()


def test_sub_pairings_show_under_their_province(client, demo):
    summaries = client.get(reverse("home")).context["summaries"]
    shandong = next(s for s in summaries if s.donor.name_en == "Shandong")
    assert [(p.donor.name_en, p.recipient.name_en) for p in shandong.sub_pairings] == [
        ("Jining", "Yengisar County")
    ]


def test_demo_loading_is_idempotent(demo):
    count = Pairing.objects.count()
    assert DemoLoader(actor=system_actor(), generated_professionals=30).load() == 0
    # 51 from the 2010 file, 2 city sub-pairings, 1 draft inferred from seed 004 (Karamay)
    assert Pairing.objects.count() == count == 54
    # the seeds' four, one waiting for review, two imported from a spreadsheet, the decade's
    # yearly commitment and disbursement of each of the 52 provinces' and cities' pairings,
    # and Beijing's four projects in Hotan this year (committed, a first instalment paid)
    assert Transaction.objects.count() == 7 + 52 * 10 * 2 + 4 * 2


def test_each_demo_login_works(client, demo):
    for username in (row["username"] for row in USERS):
        assert client.login(username=username, password=DEMO_PASSWORD), username
        client.logout()


def test_demo_command_prints_the_logins(demo, capsys):
    call_command("demo", "--logins-only")
    out = capsys.readouterr().out
    assert all(username in out for username in (row["username"] for row in USERS))
    assert DEMO_PASSWORD in out


def test_every_fact_names_its_source():
    for path in FOLDER.glob("*.csv"):
        with path.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        if "source" in rows[0]:
            assert all(row["source"].strip() for row in rows), path.name

    def sources(value):
        if isinstance(value, dict):
            if "source" in value:
                yield value["source"]
            for child in value.values():
                yield from sources(child)
        elif isinstance(value, list):
            for child in value:
                yield from sources(child)

    for path in FOLDER.glob("*.json"):
        found = list(sources(json.loads(path.read_text(encoding="utf-8"))))
        assert found and all(text.strip() for text in found), path.name


def test_every_record_the_demo_creates_carries_its_source(demo):
    from counterpart.audit.models import Provenance

    assert Provenance.objects.count() > 500
    assert Provenance.objects.filter(source__startswith="seed 000").exists()
    assert Provenance.objects.filter(source__startswith="seed 004").exists()
    illustrative = Provenance.objects.filter(source__startswith="illustrative")
    kinds = set(illustrative.values_list("content_type__model", flat=True))
    assert {"productsale", "training", "compliancerule", "professional"} <= kinds


def test_every_page_says_demo_data_and_marks_what_is_illustrative(client, demo):
    assert "Demo data." in client.get("/").content.decode()
    assert "illustrative" in client.get("/enterprise/").content.decode()
    client.force_login(User.objects.get(username="office"))
    settings_page = client.get("/funding/settings/").content.decode()
    county_row = next(row for row in settings_page.split("<tr>") if "county level" in row)
    assert "illustrative" in county_row
    assert "A line here was set for the demo" in client.get("/dashboard/").content.decode()
    assert "illustrative" in client.get("/talent/professionals/").content.decode()


def test_the_demo_refuses_a_real_installation(db, settings):
    settings.DEBUG = False
    before = Pairing.objects.count()  # the module's demo, if it was loaded first
    with pytest.raises(CommandError) as error:
        call_command("demo")
    assert "--allow-production" in str(error.value)
    assert Pairing.objects.count() == before


def test_the_demos_iati_files_pass_the_schema_and_every_rule(demo, settings):
    import io

    from lxml import etree

    from counterpart.interchange.iati import export, validate
    from counterpart.interchange.selectors import publishers

    if not (settings.IATI_STANDARD_DIR / "rulesets" / "standard.json").exists():
        pytest.skip(f"the IATI Standard's files are not at {settings.IATI_STANDARD_DIR}")
    activities, organisations = io.BytesIO(), io.BytesIO()
    outcome = export.write_activities(activities)
    export.write_organisations(organisations, publishers=publishers())
    assert outcome.activities >= 5 and outcome.transactions >= 4
    for written in (activities, organisations):
        document = etree.parse(io.BytesIO(written.getvalue()))
        assert validate.schema_errors(document) == []
        assert [str(finding) for finding in validate.rule_findings(document)] == []


def test_the_regions_places_have_their_uyghur_names(demo):
    from counterpart.places.models import Region

    xinjiang = Region.objects.get(code="650000")
    within = Region.objects.filter(path__startswith=xinjiang.path)
    assert within.count() > 50
    assert not within.filter(name_ug="").exists()
    assert Region.objects.get(code="653200").name_ug == "خوتەن ۋىلايىتى"


def test_every_organization_in_xinjiang_has_its_uyghur_name(demo):
    """A Uyghur page names a place's hospital in Uyghur: the generated hospitals and schools
    had only English and Chinese names, so Uyghur pages showed 和田市医院."""
    from counterpart.places.models import Organization, Region

    xinjiang = Region.objects.get(code="650000")
    local = Organization.objects.filter(region__path__startswith=xinjiang.path)
    assert local.filter(kind="hospital").count() > 10
    assert list(local.filter(name_ug="").values_list("code", flat=True)) == []


def test_the_demos_audit_chain_holds(demo):
    """Every kind of event the demo writes (JSON of every shape) links the same way back."""
    from counterpart.audit.services import audit_chain_check

    check = audit_chain_check()
    assert check.intact and check.length > 1000


def test_the_decade_meets_the_seeds_published_totals(client, demo):
    """Nearly 170 billion yuan from the provinces in a decade, 21,000 officials and 90,000
    professionals (seed 004): the demo's yearly records per pairing and donor add up to them."""
    decade = Transaction.objects.filter(project__code__startswith="decade-", kind="3")
    disbursed = sum(decade.values_list("base_amount_minor", flat=True))
    assert 169_000_000_000_00 <= disbursed <= 170_000_000_000_00
    sent = people_sent()
    assert (sent["official"], sent["professional"], sent["since"]) == (21_000, 90_000, 2011)
    assert SentTotal.objects.values("donor").distinct().count() == 19
    headline = client.get("/dashboard/").content.decode()
    assert "111,000" in headline and "21,000 officials and 90,000 professionals" in headline
