"""Every list downloads as CSV and XLSX with its filters, in the reader's scope and language."""

import csv
import datetime
import io

import openpyxl
import pytest

from tests import factories as f


def rows_of(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


@pytest.fixture
def ledger(world):
    f.EntryFactory(pairing=world.beijing_hotan_city, sector="12230", kind="2")
    f.EntryFactory(pairing=world.beijing_hotan_city, sector="12230", kind="3", reason="advance")
    f.EntryFactory(pairing=world.guangdong_shufu, sector="12230", kind="2")


def test_the_ledger_exports_what_the_reader_sees_with_the_filter_on_screen(world, client, ledger):
    client.force_login(world.user("beijing_team"))
    everything = rows_of(client.get("/funding/?export=csv"))
    assert everything[0][:3] == ["Value date", "Type", "Donor"]
    assert {row[2] for row in everything[1:]} == {"Beijing"}  # not Guangdong's entries
    assert len(everything) == 3
    commitments = rows_of(client.get("/funding/?kind=2&export=csv"))
    assert [row[1] for row in commitments[1:]] == ["Outgoing commitment"]


def test_the_spreadsheet_holds_numbers_and_dates_and_the_headers_follow_the_language(
    world, client, ledger
):
    client.force_login(world.user("office"))
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    answer = client.get("/funding/?export=xlsx")
    assert answer["Content-Type"].startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(io.BytesIO(b"".join(answer.streaming_content)))
    header, *rows = list(book.active.values)
    assert header[0] != "Value date" and len(rows) == 3  # translated, every entry
    assert isinstance(rows[0][0], datetime.datetime) and rows[0][7] == 1000


LISTS = [
    ("/projects/?export=csv", "office"),
    ("/talent/posts/?export=csv", None),
    ("/talent/professionals/?export=csv", "office"),
    ("/talent/placements/?export=xlsx", "office"),
    ("/care/?export=csv", "office"),
    ("/care/?export=csv&list=referrals", "office"),
    ("/exchanges/?export=csv", "office"),
    ("/enterprise/?export=csv&list=supports", "office"),
    ("/enterprise/?export=csv&list=reports", "office"),
    ("/enterprise/?export=xlsx&list=sales", "office"),
    ("/audit/?export=csv", "auditor"),
    ("/pairings/?export=csv", None),
    ("/talent/mentorships/?export=xlsx", "office"),
    ("/talent/trainings/?export=csv", "office"),
]


@pytest.mark.parametrize("address, who", LISTS)
def test_every_list_downloads(world, client, address, who):
    if who:
        client.force_login(world.user(who))
    answer = client.get(address)
    assert answer.status_code == 200
    assert "attachment" in answer["Content-Disposition"]


def test_the_audit_log_export_is_the_auditors_only(world, client):
    client.force_login(world.user("beijing_team"))
    assert client.get("/audit/?export=csv").status_code in (403, 404)


def test_the_pairings_export_holds_the_filtered_pairings(world, client):
    answer = client.get(f"/pairings/?donor={world.guangdong.pk}&export=csv")
    text = b"".join(answer.streaming_content).decode("utf-8-sig")
    assert "Guangdong" in text and "Beijing" not in text
