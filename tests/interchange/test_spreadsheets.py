"""Spreadsheet imports: every kind from its own template in English and Chinese, errors by row
and column with the file handed back marked, nothing half-written, no row recorded twice."""

import datetime
import gettext as gettext_module
import io
import re
import zipfile

import openpyxl
import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.utils import translation
from django.utils.translation import trans_real

from counterpart.audit.models import AuditEvent
from counterpart.core.said import worded
from counterpart.enterprise import services as enterprise
from counterpart.enterprise.models import EmploymentReport, ProductSale
from counterpart.exchanges.models import ExchangeEvent
from counterpart.funding.models import ExchangeRate, LedgerTotal, Transaction
from counterpart.interchange import services, sheets
from counterpart.interchange.choices import ImportStatus
from counterpart.interchange.header_names import HEADER_NAMES
from counterpart.interchange.kinds import KINDS, kind_get
from counterpart.interchange.kinds.base import Context
from counterpart.interchange.models import ImportFile
from counterpart.pairings.models import FiscalRevenue
from counterpart.projects.models import IndicatorPeriod, Project, ProjectBudget
from counterpart.talent.models import Post, Professional
from tests import factories as f


def ledger_csv(world, *rows: str, header: str | None = None) -> bytes:
    header = header or "Reference,Type,Value date,Donor,Recipient place,Sector,Amount"
    return "\n".join([header, *rows]).encode()


def entry_row(world, reference="BJ-1", kind="2", day="2020-03-01", amount="300万", sector="12230"):
    return (
        f"{reference},{kind},{day},{world.beijing.code},{world.hotan_city.code},{sector},{amount}"
    )


def upload(user, kind, data, name="file.csv"):
    received = services.import_receive(actor=user, kind=kind, filename=name, data=data)
    return services.import_check(actor=user, upload=received)


def test_a_ledger_file_in_chinese_units_previews_then_imports_through_the_ledger(world):
    team = world.user("beijing_team")
    data = ledger_csv(
        world,
        entry_row(world, "BJ-1", "承诺", "2020年3月1日", "1.2亿"),
        entry_row(world, "BJ-2", "Disbursement", "2020/4/1", "300万"),
        entry_row(world, "BJ-3", "3", "2020-05-01", '"1,500,000.50"'),
    )
    checked = upload(team, "ledger", data)
    assert checked.status == ImportStatus.READY, checked.errors
    assert checked.rows == 3 and checked.summary["created"] == 3
    assert not Transaction.objects.exists()  # the check wrote nothing
    shares = {worded(e["rule"]): e for e in checked.summary["effects"]}
    assert shares["Share for people's wellbeing"]["share_ppm"] == 1_000_000

    imported = services.import_apply(actor=team, upload=checked)

    assert imported.status == ImportStatus.IMPORTED
    amounts = dict(Transaction.objects.values_list("reference", "amount_minor"))
    assert amounts == {"BJ-1": 12_000_000_000, "BJ-2": 300_000_000, "BJ-3": 150_000_050}
    assert {t.recorded_by for t in Transaction.objects.all()} == {team}
    commitments = LedgerTotal.objects.filter(kind="2").values_list("amount_minor", flat=True)
    assert sum(commitments) == 12_000_000_000
    assert AuditEvent.objects.filter(event_type="transactions.imported").count() == 1
    assert AuditEvent.objects.filter(event_type="import.imported", object_id=imported.pk).exists()


def test_a_column_headed_with_its_unit_multiplies_its_amounts(world):
    data = ledger_csv(
        world,
        entry_row(world, amount="300"),
        header="Reference,Type,Value date,Donor,Recipient place,Sector,金额（万元）",
    )
    checked = upload(world.user("beijing_team"), "ledger", data)
    services.import_apply(actor=world.user("beijing_team"), upload=checked)
    assert Transaction.objects.get().amount_minor == 300 * 10_000 * 100


def test_the_same_file_again_is_refused_naming_each_reference_and_doubles_nothing(world):
    team = world.user("beijing_team")
    data = ledger_csv(world, entry_row(world, "BJ-1"), entry_row(world, "BJ-2"))
    services.import_apply(actor=team, upload=upload(team, "ledger", data))

    again = upload(team, "ledger", data)

    assert again.status == ImportStatus.REFUSED
    assert [(e["row"], e["column"]) for e in again.errors] == [(2, "reference"), (3, "reference")]
    assert "BJ-1" in again.errors[0]["messages"][0]
    assert Transaction.objects.count() == 2


def test_a_reference_twice_in_one_file_is_refused_at_its_second_row(world):
    data = ledger_csv(world, entry_row(world, "BJ-1"), entry_row(world, "bj-1"))
    checked = upload(world.user("beijing_team"), "ledger", data)
    assert [(e["row"], e["column"]) for e in checked.errors] == [(3, "reference")]
    assert "Row 2" in checked.errors[0]["messages"][0]


def test_every_bad_cell_is_named_by_row_and_column_and_nothing_is_written(world):
    team = world.user("beijing_team")
    data = ledger_csv(
        world,
        entry_row(world, "BJ-1"),
        entry_row(world, "BJ-2", kind="9"),
        entry_row(world, "BJ-3", day="2020-02-30"),
        entry_row(world, "BJ-4", amount="-5"),
        entry_row(world, "BJ-5", amount="9223372036854775808"),
        entry_row(world, "BJ-6", amount="true"),
        entry_row(world, "BJ-7", sector="99999"),
        f"BJ-8,2,2020-03-01,{world.guangdong.code},{world.shufu.code},12230,5",
        entry_row(world, "BJ-9", day="2099-01-01", kind="3"),
    )
    checked = upload(team, "ledger", data)
    found = {(e["row"], e["column"]) for e in checked.errors}
    assert found == {
        (3, "kind"),
        (4, "value_date"),
        (5, "amount"),
        (6, "amount"),
        (7, "amount"),
        (8, "sector"),
        (9, "donor"),
        (9, "recipient"),
        (10, "value_date"),  # good cells, but a disbursement in the future: one look finds all
    }
    assert checked.status == ImportStatus.REFUSED and not Transaction.objects.exists()
    with pytest.raises(Exception, match="checked file without problems"):
        services.import_apply(actor=team, upload=checked)


def test_the_ledgers_own_rules_refuse_a_row_after_the_cells_are_read(world):
    data = ledger_csv(world, entry_row(world, "BJ-1"), entry_row(world, "BJ-2", "3", "2099-01-01"))
    checked = upload(world.user("beijing_team"), "ledger", data)
    assert [(e["row"], e["column"]) for e in checked.errors] == [(3, "value_date")]
    assert "future" in checked.errors[0]["messages"][0]
    assert not Transaction.objects.exists()


def test_the_marked_file_comments_each_faulty_cell_and_reads_back_once_fixed(world):
    team = world.user("beijing_team")
    data = ledger_csv(world, entry_row(world, "BJ-1"), entry_row(world, "BJ-2", day="yesterday"))
    checked = upload(team, "ledger", data)
    kind = kind_get("ledger")
    book = openpyxl.load_workbook(io.BytesIO(sheets.marked_xlsx(kind, data, _errors(checked))))
    sheet = book.active
    faulty = sheet.cell(row=4, column=3)  # key row, headers, BJ-1, BJ-2; value date is C
    assert faulty.value == "yesterday" and "not a date" in faulty.comment.text
    assert sheet.cell(row=3, column=3).comment is None
    faulty.value = "2020-03-02"  # the user fixes it in place and uploads the file again
    fixed = io.BytesIO()
    book.save(fixed)
    again = upload(team, "ledger", fixed.getvalue(), name="fixed.xlsx")
    assert again.status == ImportStatus.READY, again.errors
    assert again.rows == 2


def _errors(upload_):
    from counterpart.interchange.selectors import errors_of

    return errors_of(upload_)


def test_a_value_under_no_header_is_refused_not_dropped(world):
    data = ledger_csv(world, entry_row(world, amount="1,500"))
    checked = upload(world.user("beijing_team"), "ledger", data)
    assert checked.errors[0]["row"] == 2 and "Column H" in checked.errors[0]["messages"][0]


def test_a_file_missing_a_column_is_refused_whole_and_a_column_of_no_kind_left_out(world):
    data = b"Reference,Type,Colour\nBJ-1,2,red\n"
    checked = upload(world.user("beijing_team"), "ledger", data)
    messages = " ".join(m for e in checked.errors for m in e["messages"])
    assert "Value date" in messages and "Amount" in messages and "Colour" not in messages
    assert all(e["row"] == 0 for e in checked.errors)
    assert [note["row"] for note in checked.summary["notes"]] == [0]
    assert "Colour" in worded(checked.summary["notes"][0]["message"])


def test_a_csv_saved_by_excel_in_chinese_reads(world):
    with translation.override("zh-hans"):
        header = ",".join(
            str(kind_get("ledger").column(k).label)
            for k in ("reference", "kind", "value_date", "donor", "recipient", "sector", "amount")
        )
    data = ledger_csv(world, entry_row(world, "凭证-1"), header=header)
    checked = upload(world.user("beijing_team"), "ledger", data.decode().encode("gb18030"))
    assert checked.status == ImportStatus.READY, checked.errors


def test_a_donor_team_cannot_import_for_another_donor(world):
    checked = upload(world.user("guangdong_team"), "ledger", ledger_csv(world, entry_row(world)))
    assert {e["column"] for e in checked.errors} == {"donor", "recipient"}
    assert not Transaction.objects.exists()


@pytest.mark.parametrize("who", ["hotan_team", "professional", "nobody"])
def test_who_runs_no_pairing_cannot_upload_a_ledger_file(world, who):
    with pytest.raises(PermissionDenied):
        services.import_receive(
            actor=world.user(who), kind="ledger", filename="a.csv", data=b"Reference\n"
        )


def test_one_persons_file_is_not_anothers_to_see_or_import(world, client):
    team = world.user("beijing_team")
    checked = upload(team, "ledger", ledger_csv(world, entry_row(world)))
    client.force_login(world.user("guangdong_team"))
    assert client.get(f"/import/files/{checked.pk}/").status_code == 404
    assert client.get(f"/import/files/{checked.pk}/problems.xlsx").status_code == 404
    assert client.post(f"/import/files/{checked.pk}/import/").status_code == 404
    client.force_login(world.user("office"))
    assert client.get(f"/import/files/{checked.pk}/").status_code == 200
    with pytest.raises(PermissionDenied):
        services.import_apply(actor=world.user("office"), upload=checked)
    assert not Transaction.objects.exists()


def test_the_pages_upload_check_and_import(world, client):
    client.force_login(world.user("beijing_team"))
    assert b"Ledger entries" in client.get("/import/").content
    page = client.get("/import/ledger/")
    assert b"Template (XLSX)" in page.content
    file = io.BytesIO(ledger_csv(world, entry_row(world)))
    file.name = "entries.csv"
    answer = client.post("/import/ledger/", {"file": file})
    assert answer.status_code == 302
    shown = client.get(answer["Location"])
    assert b"Import 1 row" in shown.content
    imported = client.post(answer["Location"] + "import/", follow=True)
    assert b"Imported 1 rows" in imported.content or b"Imported 1 row" in imported.content
    assert Transaction.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "data"),
    [("broken.xlsx", b"PK\x03\x04 not a zip at all"), ("binary.csv", b"\xff\xff\xff\n")],
)
def test_a_file_that_cannot_be_read_says_why_and_offers_no_marked_copy(world, client, name, data):
    checked = upload(world.user("beijing_team"), "ledger", data, name=name)
    assert checked.status == ImportStatus.REFUSED
    client.force_login(world.user("beijing_team"))
    page = client.get(f"/import/files/{checked.pk}/").content.decode()
    assert "problems.xlsx" not in page
    answer = client.get(f"/import/files/{checked.pk}/problems.xlsx")
    assert answer.status_code == 422
    assert checked.errors[0]["messages"][0] in answer.content.decode()


def test_a_big_file_is_checked_and_imported_on_the_queue(world, client, settings):
    settings.IMPORT_IN_REQUEST_BYTES = 10
    client.force_login(world.user("beijing_team"))
    file = io.BytesIO(ledger_csv(world, entry_row(world, "BJ-1"), entry_row(world, "BJ-2")))
    file.name = "entries.csv"
    answer = client.post("/import/ledger/", {"file": file})
    received = ImportFile.objects.get()
    assert received.status == ImportStatus.CHECKING and received.job is not None
    assert b"job-progress" in client.get(answer["Location"]).content
    call_command("worker", "--once")
    received.refresh_from_db()
    assert received.status == ImportStatus.READY
    client.post(answer["Location"] + "import/")
    call_command("worker", "--once")
    received.refresh_from_db()
    assert received.status == ImportStatus.IMPORTED
    assert Transaction.objects.count() == 2


def _small_xlsx_of_many_rows(world, rows: int) -> bytes:
    """What the attack sent: a 100,000-row workbook under the in-request size. Rows without
    their optional references (r="A2"), all alike, compress to almost nothing."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(
        ["Reference", "Type", "Value date", "Donor", "Recipient place", "Sector", "Amount"]
    )
    for _ in range(rows):
        sheet.append(
            ["BJ-1", "2", "2020-03-01", world.beijing.code, world.hotan_city.code, "12230", 1]
        )
    made, out = io.BytesIO(), io.BytesIO()
    book.save(made)
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for name in source.namelist():
            content = source.read(name)
            if name.startswith("xl/worksheets/"):
                content = re.sub(rb' r="[A-Z]*[0-9]+"', b"", content)
            dest.writestr(name, content, compresslevel=9)
    return out.getvalue()


def test_a_small_file_of_many_rows_is_checked_on_the_queue_not_in_the_request(world, client):
    data = _small_xlsx_of_many_rows(world, 100_000)
    assert len(data) < settings.IMPORT_IN_REQUEST_BYTES
    client.force_login(world.user("beijing_team"))
    file = io.BytesIO(data)
    file.name = "many.xlsx"
    client.post("/import/ledger/", {"file": file})
    received = ImportFile.objects.get()
    assert received.rows == 100_001  # the header too: counted, not read
    assert received.status == ImportStatus.CHECKING and received.job is not None


@pytest.mark.parametrize("name", ["many.csv", "many.xlsx"])
def test_a_file_over_the_row_ceiling_is_refused_before_it_is_read(world, settings, name):
    settings.IMPORT_MAX_ROWS = 50
    if name.endswith(".csv"):
        data = ledger_csv(world, *(entry_row(world, f"BJ-{n}") for n in range(60)))
    else:
        data = _small_xlsx_of_many_rows(world, 60)
    with pytest.raises(ValidationError) as refused:
        services.import_receive(
            actor=world.user("beijing_team"), kind="ledger", filename=name, data=data
        )
    assert "50" in refused.value.message_dict["file"][0]
    assert not ImportFile.objects.exists()


def test_a_check_past_its_time_budget_stops_and_writes_nothing(world, settings):
    settings.IMPORT_TIME_BUDGET_SECONDS = -1  # already spent
    user = world.user("beijing_team")
    received = services.import_receive(
        actor=user, kind="ledger", filename="e.csv", data=ledger_csv(world, entry_row(world))
    )
    applied = services.import_run(actor=user, upload=received)
    assert applied.status == ImportStatus.REFUSED
    assert "minutes" in applied.errors[0]["messages"][0]
    assert not Transaction.objects.exists()


def test_the_command_imports_as_a_person_and_dry_runs(world, tmp_path):
    path = tmp_path / "entries.csv"
    path.write_bytes(ledger_csv(world, entry_row(world)))
    call_command("import", "ledger", str(path), "--dry-run", "--as", "bj")
    assert not Transaction.objects.exists()
    call_command("import", "ledger", str(path), "--as", "bj")
    assert Transaction.objects.get().recorded_by == world.user("beijing_team")
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import", "ledger", str(path), "--as", "bj")
    with pytest.raises(CommandError, match="may not import"):
        call_command("import", "ledger", str(path), "--as", "hotan")


def test_the_api_uploads_checks_and_reports_problems(world, client):
    from tests.api.test_api import token_for

    token = token_for(world.user("beijing_team"))
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    kinds = client.get("/api/imports/kinds", **auth).json()
    assert "ledger" in [k["slug"] for k in kinds] and "rates" not in [k["slug"] for k in kinds]
    file = io.BytesIO(ledger_csv(world, entry_row(world, day="2020-13-01")))
    file.name = "bad.csv"
    answer = client.post("/api/imports/kinds/ledger", {"file": file}, **auth)
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "refused" and body["errors"][0]["column"] == "value_date"
    file = io.BytesIO(ledger_csv(world, entry_row(world)))
    file.name = "good.csv"
    body = client.post("/api/imports/kinds/ledger?dry_run=true", {"file": file}, **auth).json()
    assert body["status"] == "ready" and not Transaction.objects.exists()
    body = client.post(f"/api/imports/files/{body['id']}/import", **auth).json()
    assert body["status"] == "imported" and Transaction.objects.count() == 1


# -- every kind from its own template, in each language --------------------------------------


@pytest.fixture
def field(world, talent):
    company = f.OrganizationFactory(region_=world.shufu, kind="company", name="Shufu Oil")
    enterprise.support_create(
        actor=world.user("guangdong_team"),
        company=company,
        pairing=world.guangdong_shufu,
        kind="capital",
        started_on=datetime.date(2020, 3, 1),
    )
    project = f.ProjectFactory(pairing=world.beijing_hotan_city, code="bj-hospital")
    return {"company": company, "project": project, "talent": talent}


def rows_for(world, field, kind: str) -> tuple[str, list[dict]]:
    """Who imports the kind, and a good row of it (by column key)."""
    bj, hc = world.beijing.code, world.hotan_city.code
    gd, sf = world.guangdong.code, world.shufu.code
    talent = field["talent"]
    return {
        "ledger": (
            "beijing_team",
            {
                "reference": "V-1",
                "kind": "2",
                "value_date": "2020-03-01",
                "donor": bj,
                "recipient": hc,
                "sector": "12230",
                "amount": "300万",
            },
        ),
        "projects": (
            "beijing_team",
            {
                "code": "bj-school",
                "donor": bj,
                "recipient": hc,
                "title_en": "Hotan City school",
                "title_zh": "和田市学校",
                "sectors": "11220:60; 12230:40",
                "unit": "万元",
                "budget": "800",
                "budgets": "2024: 300; 2025: 500",
                "published": "是",
            },
        ),
        "results": (
            "beijing_team",
            {
                "project": "bj-hospital",
                "result": "More beds",
                "indicator": "Beds",
                "standard": "hospital_beds",
                "period_start": "2024-01-01",
                "period_end": "2024-12-31",
                "target": "300",
                "actual": "260",
            },
        ),
        "posts": (
            "hotan_team",
            {
                "institution": talent.hospital.code,
                "title_en": "Cardiologist",
                "specialty": "cardiology",
                "places": "2",
                "term_months": "12",
                "start_date": "2031-03-01",
            },
        ),
        "professionals": (
            "beijing_team",
            {
                "organization": bj,
                "name": "Gao Test",
                "specialty": "cardiology",
                "seniority": "3",
                "available_from": "2031-01-01",
                "term_months": "12",
                "languages": "zh",
            },
        ),
        "exchange-events": (
            "guangdong_team",
            {
                "donor": gd,
                "recipient": sf,
                "title_en": "Shufu summer camp",
                "kind": "summer_camp",
                "host_region": world.guangdong.region.code,
                "visiting_region": sf,
                "starts_on": "2023-07-10",
                "ends_on": "2023-07-20",
                "visiting_teenagers": "40",
                "host_adults": "6",
            },
        ),
        "employment-reports": (
            "guangdong_team",
            {
                "company": field["company"].code,
                "period_start": "2023-01-01",
                "period_end": "2023-12-31",
                "employees": "48",
                "formerly_poor": "30",
            },
        ),
        "product-sales": (
            "guangdong_team",
            {
                "donor": gd,
                "recipient": sf,
                "product": "Walnuts",
                "market_region": world.guangdong.region.code,
                "channel": "e_commerce",
                "period_start": "2023-01-01",
                "period_end": "2023-03-31",
                "volume": "12.5",
                "volume_unit": "tonnes",
                "value": "36万",
            },
        ),
        "fiscal-revenue": (
            "office",
            {"donor": bj, "year": "2023", "unit": "亿元", "amount": "618.11"},
        ),
        "rates": (
            "office",
            {
                "base": "USD",
                "quote": "CNY",
                "valid_on": "2024-01-02",
                "rate": "7.1039",
                "source": "PBOC",
            },
        ),
    }[kind]


CREATED = {
    "ledger": lambda: Transaction.objects.get().amount_minor == 300_000_000,
    "projects": lambda: (
        ProjectBudget.objects.filter(project__code="bj-school").count() == 2
        and Project.objects.get(code="bj-school").budget_minor == 800_000_000
    ),
    "results": lambda: IndicatorPeriod.objects.get().actual == 260,
    "posts": lambda: Post.objects.filter(title_en="Cardiologist", places=2).exists(),
    "professionals": lambda: Professional.objects.filter(name="Gao Test", seniority=3).exists(),
    "exchange-events": lambda: ExchangeEvent.objects.get().visiting_teenagers == 40,
    "employment-reports": lambda: EmploymentReport.objects.get().formerly_poor == 30,
    "product-sales": lambda: ProductSale.objects.get().value_minor == 36_000_000,
    "fiscal-revenue": lambda: FiscalRevenue.objects.get().amount_minor == 6_181_100_000_000,
    "rates": lambda: ExchangeRate.objects.filter(valid_on=datetime.date(2024, 1, 2)).exists(),
}


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_imports_from_its_own_template_and_not_twice(world, field, kind, language):
    who, row = rows_for(world, field, kind)
    user = world.user(who)
    with translation.override(language):
        template = sheets.template_xlsx(kind_get(kind), Context(user))
    book = openpyxl.load_workbook(io.BytesIO(template))
    sheet = book.worksheets[0]
    keys = [cell.value for cell in sheet[1]]
    assert set(row) <= set(keys)
    for index, key in enumerate(keys, start=1):  # the example row becomes ours
        sheet.cell(row=4, column=index, value=row.get(key))
    filled = io.BytesIO()
    book.save(filled)

    checked = upload(user, kind, filled.getvalue(), name="filled.xlsx")
    assert checked.status == ImportStatus.READY, checked.errors
    assert checked.summary["created"] == 1
    services.import_apply(actor=user, upload=checked)
    assert CREATED[kind]()

    again = upload(user, kind, filled.getvalue(), name="filled.xlsx")
    if again.status == ImportStatus.READY:  # a kind whose rows correct what is there
        assert again.summary["created"] == 0 or kind in {"fiscal-revenue", "employment-reports"}
        services.import_apply(actor=user, upload=again)
    assert CREATED[kind]()  # still one, not two


def test_a_file_headed_with_the_column_keys_reads_every_row(world):
    data = ledger_csv(
        world,
        entry_row(world, "BJ-1"),
        entry_row(world, "BJ-2"),
        header="reference,kind,value_date,donor,recipient,sector,amount",
    )
    checked = upload(world.user("beijing_team"), "ledger", data)
    assert checked.status == ImportStatus.READY and checked.summary["created"] == 2


def test_the_api_keeps_one_persons_files_from_another(world, client):
    from tests.api.test_api import token_for

    mine = upload(world.user("beijing_team"), "ledger", ledger_csv(world, entry_row(world)))
    other = {"HTTP_AUTHORIZATION": f"Bearer {token_for(world.user('guangdong_team'))}"}
    assert client.get(f"/api/imports/files/{mine.pk}", **other).status_code == 404
    assert client.post(f"/api/imports/files/{mine.pk}/import", **other).status_code == 404
    listed = client.get("/api/imports/files", **other).json()
    assert listed["count"] == 0
    hotan = {"HTTP_AUTHORIZATION": f"Bearer {token_for(world.user('hotan_team'))}"}
    kinds = [k["slug"] for k in client.get("/api/imports/kinds", **hotan).json()]
    assert "posts" in kinds and "ledger" not in kinds and "iati" not in kinds
    file = io.BytesIO(b"Reference\n")
    file.name = "x.csv"
    assert client.post("/api/imports/kinds/ledger", {"file": file}, **hotan).status_code == 403
    assert client.get("/api/imports/kinds/nothing/template", **hotan).status_code == 404


@pytest.mark.parametrize(
    "name",
    ["\ud800.csv", "a" * 5000 + ".csv", "../../etc/passwd", "报表 2024 年.csv", ""],
)
def test_any_file_name_is_kept_safely(world, name):
    received = services.import_receive(
        actor=world.user("beijing_team"), kind="ledger", filename=name, data=b"Reference\n"
    )
    assert "/" not in received.filename and len(received.filename) <= 200
    received.filename.encode("utf-8")  # storable


def test_an_empty_or_oversized_file_is_refused_naming_the_field(world, settings):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as empty:
        services.import_receive(
            actor=world.user("beijing_team"), kind="ledger", filename="a.csv", data=b""
        )
    assert "file" in empty.value.message_dict
    settings.IMPORT_MAX_BYTES = 10
    with pytest.raises(ValidationError, match="larger than"):
        services.import_receive(
            actor=world.user("beijing_team"), kind="ledger", filename="a.csv", data=b"x" * 11
        )


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_no_two_columns_of_a_kind_share_a_header(language):
    with translation.override(language):
        for kind in KINDS.values():
            headers = [str(column.label).lower() for column in kind.columns]
            assert len(headers) == len(set(headers)), kind.slug


class NoCatalogue(gettext_module.NullTranslations):
    """A language whose catalogue was never compiled: every text stays English."""

    def __init__(self, language):
        super().__init__()
        self.language = language

    def to_language(self):
        return self.language


def test_chinese_and_uyghur_headers_are_read_without_the_interfaces_translations(
    world, monkeypatch
):
    """The headers a file may carry are the kinds' own: a server whose catalogues are missing
    still reads a file headed in Chinese or Uyghur (the demo's import failed so)."""
    monkeypatch.setattr(trans_real, "translation", NoCatalogue)
    team = world.user("beijing_team")
    columns = ("Reference", "Type", "Value date", "Donor", "Recipient place", "Sector", "Amount")
    for language in (0, 1):  # Chinese, then Uyghur
        header = ",".join(HEADER_NAMES[name][language] for name in columns)
        checked = upload(team, "ledger", ledger_csv(world, entry_row(world), header=header))
        assert checked.status == ImportStatus.READY, (header, checked.errors)


def test_every_header_the_templates_write_is_read_back():
    """The list of header names keeps step with the catalogues: each column's label in every
    language the product speaks (what its template says) is a name the column is read by."""
    unread = []
    for kind in KINDS.values():
        for column in kind.columns:
            for language, _name in settings.LANGUAGES:
                with translation.override(language):
                    label = str(column.label)
                if label.lower() not in column.headers():
                    unread.append(f"{kind.slug}.{column.key} ({language}): {label}")
    assert unread == []


def test_a_big_file_reports_its_progress_every_few_thousand_rows_in_the_readers_language(
    world, tmp_path, capsys
):
    """Whoever follows a big import (its job's page, the command line in a log) hears of it
    every few thousand rows, not only at the start and the end."""
    rows = [entry_row(world, f"BJ-{n}", amount="1万") for n in range(10_001)]
    data = ledger_csv(world, *rows)
    team = world.user("beijing_team")
    seen = []
    received = services.import_receive(actor=team, kind="ledger", filename="big.csv", data=data)
    services.import_check(actor=team, upload=received, progress=lambda *report: seen.append(report))
    steps = [step for _done, _total, step in seen]
    assert steps == ["rows", "rows", "done"]  # each row read, checked and written as it comes
    assert seen[-1][:2] == (10_001, 10_001)
    assert all(done <= total for done, total, _step in seen)

    path = tmp_path / "big.csv"
    path.write_bytes(data)
    call_command("import", "ledger", str(path), "--dry-run", "--as", "bj", "--lang", "zh-hans")
    printed = capsys.readouterr().out
    assert "逐行处理 5,000/10,002" in printed  # a log gets lines, not a bar it cannot draw

    seen.clear()  # for good: what is left after the rows is the commit, said as such
    received = services.import_receive(actor=team, kind="ledger", filename="big.csv", data=data)
    services.import_run(actor=team, upload=received, progress=lambda *report: seen.append(report))
    assert [step for _done, _total, step in seen][-2:] == ["done", "save"]


def test_a_command_says_it_is_still_at_work_each_second_of_a_step_that_cannot_report():
    """A commit of a million rows reports nothing for seconds: the command says it is alive."""
    import threading

    from counterpart.jobs.progress import beating

    beaten = threading.Event()
    with beating(beaten.set):
        assert beaten.wait(timeout=10)  # the block is still running when the beat comes


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_csv_is_read_as_a_stream_whatever_its_chunks_cut(world, encoding):
    """A long CSV is decoded a megabyte at a time: a Chinese character cut by a chunk's edge
    is still one character, and the encoding is told from the whole file."""
    description = "和田市人民医院" * 4
    header = "reference,kind,value_date,donor,recipient,sector,amount,description\n"
    line = f"{entry_row(world, 'BJ-000000')},{description}\n".encode(encoding)
    into = len(line) - 1 - len(description.encode(encoding)) + 1  # a byte into its first 字
    pad = (2**20 - len(header) - 1 - into) % len(line) or len(line)
    head = ("T" * pad + "\n" + header).encode(encoding)  # a title row puts the edge there
    count = 2**20 // len(line) + 2
    data = head + b"".join(line.replace(b"000000", str(n).zfill(6).encode()) for n in range(count))
    with pytest.raises(UnicodeDecodeError):
        data[: 2**20].decode(encoding)  # the first megabyte ends within a character
    rows = list(sheets.table_rows(data))
    assert len(rows) == count + 2
    assert {cells[7] for _number, cells in rows[2:]} == {description}
