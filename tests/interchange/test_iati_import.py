"""IATI import: the programme's own file round-trips (export, import into a database without
those projects, export again: the same activities, transactions and sums); another publisher's
file goes through a mapping step that is remembered; a file that is not valid 2.03 is refused
with the schema's line."""

import io
from collections import Counter

import pytest
from lxml import etree

from counterpart.core.said import worded
from counterpart.funding.models import Transaction
from counterpart.interchange import services
from counterpart.interchange.choices import ImportStatus
from counterpart.interchange.iati import export
from counterpart.projects.models import Project, ProjectSectorOther
from tests.interchange.test_iati_export import published  # noqa: F401 (a fixture)


def exported_bytes() -> bytes:
    out = io.BytesIO()
    export.write_activities(out)
    return out.getvalue()


def content(data: bytes) -> dict:
    """What a file says, without the times it was written at."""
    root = etree.fromstring(data)
    found = {}
    for activity in root:
        transactions = Counter(
            (
                t.find("transaction-type").get("code"),
                t.find("transaction-date").get("iso-date"),
                t.find("value").get("currency"),
                t.findtext("value"),
                t.get("ref"),
            )
            for t in activity.findall("transaction")
        )
        for node in activity.iter():
            node.attrib.pop("last-updated-datetime", None)
        found[activity.findtext("iati-identifier")] = {
            "transactions": transactions,
            "sum": sum(float(v.text) for v in activity.iterfind(".//transaction/value")),
            "xml": sorted(
                etree.tostring(child, encoding="unicode")
                for child in activity
                if child.tag not in ("transaction",)
            ),
        }
    return found


def check_and_import(user, data: bytes, name="activities.xml"):
    received = services.import_receive(actor=user, kind="iati", filename=name, data=data)
    checked = services.import_check(actor=user, upload=received)
    if checked.status != ImportStatus.READY:
        return checked
    return services.import_apply(actor=user, upload=checked)


def test_the_programmes_own_file_round_trips(published, world):  # noqa: F811
    first = exported_bytes()
    _empty_the_programme()  # the places, organizations, pairings and rates stay
    assert not Project.objects.exists() and not Transaction.objects.exists()

    imported = check_and_import(world.user("beijing_team"), first)

    assert imported.status == ImportStatus.IMPORTED, imported.errors
    assert imported.summary["created"] == 1
    assert content(exported_bytes()) == content(first)


def _empty_the_programme():
    """Remove projects and the ledger the way no service ever would (the ledger is
    append-only): the test's stand-in for an empty database with the same places."""
    from django.db import connection

    from counterpart.funding.models import LedgerBalance, LedgerTotal
    from counterpart.reporting.models import Review

    Review.objects.all().delete()
    LedgerTotal.objects.all().delete()
    LedgerBalance.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE funding_transaction SET reverses_id = NULL")
        cursor.execute("DELETE FROM funding_receiptconfirmation")
        cursor.execute("DELETE FROM funding_transaction")
    Project.objects.all().delete()


def test_the_same_file_again_is_refused_and_doubles_nothing(published, world):  # noqa: F811
    data = exported_bytes()
    again = check_and_import(world.user("beijing_team"), data)
    assert again.status == ImportStatus.REFUSED
    assert "already here" in again.errors[0]["messages"][0]
    assert Transaction.objects.count() == 4


FOREIGN = """<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2024-05-01T00:00:00">
 <iati-activity xml:lang="en" default-currency="USD" last-updated-datetime="2024-05-01T00:00:00">
  <iati-identifier>XM-DAC-99-1-A/7</iati-identifier>
  <reporting-org ref="XM-DAC-99-1" type="40"><narrative>A Fund</narrative></reporting-org>
  <title><narrative>Clinic equipment</narrative>
   <narrative xml:lang="zh">诊所设备</narrative></title>
  <description><narrative>Equipment for clinics.</narrative></description>
  <participating-org role="1" ref="XM-DAC-99-1" type="40">
   <narrative>A Fund</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date type="2" iso-date="2021-01-01"/>
  <recipient-country code="CN"/>
  <location><name><narrative>Hotan City</narrative></name></location>
  <sector vocabulary="1" code="12230" percentage="100"/>
  <sector vocabulary="99" vocabulary-uri="https://example.org/s" code="HEALTH">
   <narrative>Health</narrative></sector>
  <transaction><transaction-type code="2"/><transaction-date iso-date="2021-02-01"/>
   <value currency="USD" value-date="2021-02-01">1000.5</value></transaction>
  <transaction><transaction-type code="5"/><transaction-date iso-date="2021-03-01"/>
   <value currency="USD" value-date="2021-03-01">10</value></transaction>
 </iati-activity>
</iati-activities>""".encode()


def test_another_publishers_file_asks_for_a_mapping_once(world):
    from tests import factories as f

    f.ExchangeRateFactory(valid_on=world.round.starts_on, rate="6.5")
    office = world.user("office")
    first = check_and_import(office, FOREIGN)
    assert first.status == ImportStatus.REFUSED
    assert first.summary["unmapped"]["organization"] == {"XM-DAC-99-1": "A Fund"}
    assert first.summary["unmapped"]["place"] == {"Hotan City": "Hotan City"}
    assert not Project.objects.exists()

    services.iati_mapping_set(
        actor=office, kind="organization", ref="XM-DAC-99-1", organization=world.beijing
    )
    services.iati_mapping_set(actor=office, kind="place", ref="Hotan City", region=world.hotan_city)
    done = check_and_import(office, FOREIGN)

    assert done.status == ImportStatus.IMPORTED, done.errors
    project = Project.objects.get()
    assert project.code == "A-7" and project.title_zh == "诊所设备"
    assert project.pairing == world.beijing_hotan_city
    assert ProjectSectorOther.objects.get().code == "HEALTH"
    entry = Transaction.objects.get()
    assert (entry.kind, entry.currency_id, entry.amount_minor) == ("2", "USD", 100_050)
    assert done.summary["skipped"] == ["a transaction of type 5"]


@pytest.mark.parametrize("version", ["2.01", "2.02"])
def test_files_of_the_earlier_2_0x_versions_are_read_as_2_03(world, version):
    from tests import factories as f

    f.ExchangeRateFactory(valid_on=world.round.starts_on, rate="6.5")
    office = world.user("office")
    services.iati_mapping_set(
        actor=office, kind="organization", ref="XM-DAC-99-1", organization=world.beijing
    )
    services.iati_mapping_set(actor=office, kind="place", ref="Hotan City", region=world.hotan_city)
    older = FOREIGN.replace(b'version="2.03"', f'version="{version}"'.encode(), 1)
    done = check_and_import(office, older)
    assert done.status == ImportStatus.IMPORTED, done.errors
    assert Project.objects.get().code == "A-7"


def test_a_file_of_the_first_versions_is_refused_naming_those_read(world):
    refused = check_and_import(
        world.user("office"), FOREIGN.replace(b'version="2.03"', b'version="1.05"', 1)
    )
    assert refused.status == ImportStatus.REFUSED
    assert "2.01, 2.02, 2.03" in refused.errors[0]["messages"][0]
    assert "'1.05'" in refused.errors[0]["messages"][0]


def test_a_file_that_is_not_valid_iati_is_refused_with_the_schemas_line(world):
    broken = FOREIGN.replace(b'<activity-status code="2"/>', b"")
    refused = check_and_import(world.user("office"), broken)
    assert refused.status == ImportStatus.REFUSED
    (problem,) = refused.errors
    assert problem["row"] > 1 and "activity-status" in problem["messages"][0]
    not_xml = check_and_import(world.user("office"), b"<iati-activities><oops")
    assert not_xml.status == ImportStatus.REFUSED and "Not XML" in not_xml.errors[0]["messages"][0]
    entities = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<iati-activities version="2.03"><iati-activity>&e;</iati-activity></iati-activities>'
    )
    assert check_and_import(world.user("office"), entities).status == ImportStatus.REFUSED


WORLDLY = b"""<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.02" generated-datetime="2019-05-01T00:00:00">
 <iati-activity xml:lang="en" default-currency="USD" last-updated-datetime="2019-05-01T00:00:00">
  <iati-identifier>XM-DAC-99-1-B/8</iati-identifier>
  <reporting-org ref="XM-DAC-99-1" type="40"><narrative>A Fund</narrative></reporting-org>
  <title><narrative>Village water</narrative></title>
  <description><narrative>Wells for villages.</narrative></description>
  <participating-org role="1" ref="XM-DAC-99-1" type="40">
   <narrative>A Fund</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date type="2" iso-date="2021-01-01"/>
  <recipient-country code="CN"><narrative>China</narrative></recipient-country>
  <transaction><transaction-type code="2"/><transaction-date iso-date="2021-02-01"/>
   <value currency="USD" value-date="2021-02-01">1000</value>
   <sector vocabulary="1" code="14030"/></transaction>
  <transaction><transaction-type code="4"/><transaction-date iso-date="2021-03-01"/>
   <value currency="USD" value-date="2021-03-01">0</value>
   <sector vocabulary="1" code="14030"/></transaction>
  <document-link format="application/pdf" url="http:www.example.org/report.pdf">
   <title><narrative>Report</narrative></title>
   <category code="A01"/>
  </document-link>
 </iati-activity>
</iati-activities>"""


def line_of(data: bytes, text: str) -> int:
    return next(n for n, line in enumerate(data.decode().splitlines(), 1) if text in line)


def test_a_publishers_file_as_the_world_writes_it(world):
    """No location (its recipient country is mapped to a place instead), sectors given on the
    transactions, a dead link and a transaction of no amount (left out with a note on their
    lines): the activity imports; a transaction the ledger refuses is named at its line."""
    from tests import factories as f

    f.ExchangeRateFactory(valid_on=world.round.starts_on, rate="6.5")
    office = world.user("office")
    services.iati_mapping_set(
        actor=office, kind="organization", ref="XM-DAC-99-1", organization=world.beijing
    )
    first = check_and_import(office, WORLDLY)
    assert first.summary["unmapped"]["place"] == {"CN": "China"}
    services.iati_mapping_set(actor=office, kind="place", ref="CN", region=world.hotan_city)

    nothing = b'code="4"/><transaction-date iso-date="2021-03-01"/>'
    over = WORLDLY.replace(nothing, nothing.replace(b"4", b"3"), 1).replace(
        b'value-date="2021-03-01">0<', b'value-date="2021-03-01">5000<', 1
    )
    refused = check_and_import(office, over)
    assert refused.status == ImportStatus.REFUSED
    (problem,) = refused.errors
    assert (
        problem["row"]
        == over.decode()
        .splitlines()
        .index(
            '  <transaction><transaction-type code="3"/><transaction-date iso-date="2021-03-01"/>'
        )
        + 1
    )

    done = check_and_import(office, WORLDLY)
    assert done.status == ImportStatus.IMPORTED, done.errors
    project = Project.objects.get()
    assert project.region == world.hotan_city and not project.documents.exists()
    entry = Transaction.objects.get()
    assert (entry.sector_id, entry.amount_minor) == ("14030", 100_000)
    noted = {note["row"]: worded(note["message"]) for note in done.summary["notes"]}
    assert "http:www.example.org" in noted[line_of(WORLDLY, "<document-link")]
    assert "no amount" in noted[line_of(WORLDLY, 'code="4"')]


def test_the_command_line_maps_a_file_through_a_csv_filled_in(world, tmp_path, capsys):
    """`iati map` lists what the file names that the programme does not know; the office fills
    in the codes and imports with --mapping: a code no one has refuses the whole mapping."""
    import csv

    from django.core.management import CommandError, call_command

    from counterpart.interchange.models import IatiMapping
    from tests import factories as f

    f.ExchangeRateFactory(valid_on=world.round.starts_on, rate="6.5")
    path, mapping = tmp_path / "fund.xml", tmp_path / "mapping.csv"
    path.write_bytes(FOREIGN)
    call_command("iati", "map", str(path), "--out", str(mapping))  # as IMPORT_AS, the office
    rows = list(csv.DictReader(mapping.read_text(encoding="utf-8-sig").splitlines()))
    assert [(r["kind"], r["ref"], r["code"]) for r in rows] == [
        ("organization", "XM-DAC-99-1", ""),
        ("place", "Hotan City", ""),
    ]
    assert "2 references to map" in capsys.readouterr().out

    def filled(place_code: str) -> None:
        with mapping.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["kind", "ref", "name", "code"])
            writer.writerow(["organization", "XM-DAC-99-1", "A Fund", world.beijing.code])
            writer.writerow(["place", "Hotan City", "Hotan City", place_code])

    filled("999999")
    with pytest.raises(CommandError, match="row 3, code"):
        call_command("iati", "import", str(path), "--mapping", str(mapping))
    assert not IatiMapping.objects.exists() and not Project.objects.exists()
    filled(world.hotan_city.code)
    call_command("iati", "import", str(path), "--mapping", str(mapping))
    assert Project.objects.get().pairing == world.beijing_hotan_city
    assert IatiMapping.objects.count() == 2


def test_the_page_maps_all_of_a_files_references_or_none(world, client):
    """Said on the file's page: a code no one has leaves every reference unmapped, the first
    one's good code too; with both right the file is checked again and imported."""
    from counterpart.interchange.models import IatiMapping
    from tests import factories as f

    f.ExchangeRateFactory(valid_on=world.round.starts_on, rate="6.5")
    office = world.user("office")
    refused = check_and_import(office, FOREIGN)
    client.force_login(office)
    address = f"/import/files/{refused.pk}/map/"
    beijing = f"{world.beijing.code} {world.beijing.name_en}"  # as the datalist offers it
    answer = client.post(address, {"organization-0": beijing, "place-0": "999999"})
    assert answer.status_code == 302 and not IatiMapping.objects.exists()
    page = client.get(answer.url).content.decode()
    assert "999999" in page
    client.post(address, {"organization-0": beijing, "place-0": world.hotan_city.code})
    assert IatiMapping.objects.count() == 2


def test_the_office_has_what_another_publishers_file_names_made_from_it(world):
    """With `create_missing` nothing waits for a mapping: the funder is made from its
    identifier and name, the place from the location's name under the recipient country, and a
    pairing of the two; a check makes them only for its preview; no mapping is kept."""
    from counterpart.interchange.models import IatiMapping
    from counterpart.places.models import Organization, Region
    from tests import factories as f

    f.ExchangeRateFactory(valid_on=world.round.starts_on, rate="6.5")
    Region.objects.filter(pk=world.china.pk).update(code="CN")
    office = world.user("office")
    received = services.import_receive(
        actor=office, kind="iati", filename="fund.xml", data=FOREIGN, create_missing=True
    )
    checked = services.import_check(actor=office, upload=received)
    assert checked.status == ImportStatus.READY, checked.errors
    assert checked.summary["made"] == {"places": 1, "organizations": 1, "pairings": 1}
    assert not Organization.objects.filter(iati_ref="XM-DAC-99-1").exists()

    done = services.import_apply(actor=office, upload=checked)
    assert done.status == ImportStatus.IMPORTED, done.errors
    fund = Organization.objects.get(iati_ref="XM-DAC-99-1")
    project = Project.objects.get()
    assert (project.pairing.donor, project.pairing.round) == (fund, world.round)
    assert project.region.name_en == "Hotan City" and project.region.parent_id == world.china.pk
    assert project.region != world.hotan_city  # a name is no code: the office may merge them
    assert Transaction.objects.get().amount_minor == 100_050
    assert not IatiMapping.objects.exists()


def test_only_the_office_has_an_iati_files_missing_records_made(world):
    from django.core.exceptions import PermissionDenied, ValidationError

    with pytest.raises(PermissionDenied):
        services.import_receive(
            actor=world.user("beijing_team"),
            kind="iati",
            filename="fund.xml",
            data=FOREIGN,
            create_missing=True,
        )
    with pytest.raises(ValidationError) as refused:
        services.import_receive(
            actor=world.user("office"),
            kind="ledger",
            filename="entries.csv",
            data=b"reference\nX\n",
            create_missing=True,
        )
    assert "create_missing" in refused.value.message_dict


def test_places_named_only_in_chinese_are_made_apart(world):
    """Another publisher's locations named in Chinese alone are two places, not one."""
    from counterpart.places.models import Region
    from tests import factories as f

    f.ExchangeRateFactory(valid_on=world.round.starts_on, rate="6.5")
    Region.objects.filter(pk=world.china.pk).update(code="CN")
    second = FOREIGN.replace(b"A/7", b"A/8").replace(b"Clinic", b"Second clinic")
    both = FOREIGN.replace(b"</iati-activities>", b"") + second[second.index(b"<iati-activity ") :]
    both = both.replace(
        b"<location><name><narrative>Hotan City</narrative></name></location>",
        b'<location><name><narrative xml:lang="zh">\xe5\x92\x8c\xe7\x94\xb0\xe5\xb8\x82'
        b"</narrative></name></location>",
        1,
    ).replace(
        b"<location><name><narrative>Hotan City</narrative></name></location>",
        b'<location><name><narrative xml:lang="zh">\xe5\x92\x8c\xe7\x94\xb0\xe5\x8e\xbf'
        b"</narrative></name></location>",
        1,
    )
    office = world.user("office")
    received = services.import_receive(
        actor=office, kind="iati", filename="two.xml", data=both, create_missing=True
    )
    done = services.import_apply(
        actor=office, upload=services.import_check(actor=office, upload=received)
    )
    assert done.status == ImportStatus.IMPORTED, done.errors
    assert sorted(p.region.name_zh for p in Project.objects.all()) == ["和田县", "和田市"]


def test_sectors_given_only_by_their_dac_category_are_read_and_published_as_such(
    world, iati_standard
):
    """The IATI Standard's own example says no more than DAC categories (vocabulary 2), on the
    activity and its transactions, beside a sector of the publisher's own (98, with its name
    and address): the project takes the categories, its entries theirs, and the export gives
    them back whole under vocabulary 2, its own sector with its name: valid, no rule broken."""
    from counterpart.interchange.iati import validate
    from tests import factories as f

    f.ExchangeRateFactory(valid_on=world.round.starts_on, rate="6.5")
    office = world.user("office")
    services.iati_mapping_set(
        actor=office, kind="organization", ref="XM-DAC-99-1", organization=world.beijing
    )
    services.iati_mapping_set(actor=office, kind="place", ref="CN", region=world.hotan_city)
    by_category = (
        WORLDLY.replace(
            b'  <transaction><transaction-type code="2"/>',
            b'  <sector vocabulary="2" code="140" percentage="60"/>\n'
            b'  <sector vocabulary="2" code="122" percentage="40"/>\n'
            b'  <sector vocabulary="98" vocabulary-uri="https://example.org/ours" code="W1"'
            b' percentage="100"><narrative>Wells</narrative></sector>\n'
            b'  <transaction><transaction-type code="2"/>',
            1,
        )
        .replace(b'<sector vocabulary="1" code="14030"/></transaction>', b"</transaction>")
        .replace(b"</transaction>", b'<sector vocabulary="2" code="140"/></transaction>', 1)
    )
    done = check_and_import(office, by_category)
    assert done.status == ImportStatus.IMPORTED, done.errors
    project = Project.objects.get()
    assert {s.sector_id: s.percentage for s in project.sectors.all()} == {"140": 60, "122": 40}
    (own,) = ProjectSectorOther.objects.all()
    assert (own.vocabulary, own.code, own.name, own.uri) == (
        "98",
        "W1",
        "Wells",
        "https://example.org/ours",
    )
    assert Transaction.objects.get().sector_id == "140"

    from tests.interchange.test_iati_export import BEIJING_REF, give_ref

    give_ref(world, world.beijing, BEIJING_REF)  # Beijing publishes
    document = etree.ElementTree(etree.fromstring(exported_bytes()))
    (activity,) = document.getroot()
    sectors = {(s.get("vocabulary"), s.get("code")): s for s in activity.findall("sector")}
    assert set(sectors) == {("2", "140"), ("2", "122"), ("98", "W1")}
    assert sectors[("98", "W1")].findtext("narrative") == "Wells"
    assert validate.schema_errors(document) == []
    findings = [str(f) for f in validate.rule_findings(document)]
    # a warning only: the standard would like a 5-digit code beside, which the file never gave
    assert [f.split(" at ")[0] for f in findings] == ["warning 102.1.1"]
