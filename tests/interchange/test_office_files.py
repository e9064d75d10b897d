"""Spreadsheets as offices keep them (files in tests/interchange/files/, made by make_files.py):
a title and a note above the headers, a totals row, a hidden column of the office's own, dates
as date cells, Excel day counts and text; a CSV separated by semicolons in GB 18030. Each reads
whole, tells what it left out, and names a bad cell's column as the file heads it."""

import datetime
import io
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from counterpart.core.said import words
from counterpart.funding.models import Transaction
from counterpart.interchange import cells, services
from counterpart.interchange.choices import ImportStatus
from counterpart.places.models import Organization, Region

FILES = Path(__file__).resolve().parent / "files"


@pytest.fixture
def office(world):
    """The world's Beijing and Hotan City under the codes the files name."""
    Organization.objects.filter(pk=world.beijing.pk).update(code="beijing")
    Region.objects.filter(pk=world.hotan_city.pk).update(code="653201")
    return world.user("beijing_team")


def checked(user, name: str, data: bytes | None = None):
    data = data if data is not None else (FILES / name).read_bytes()
    received = services.import_receive(actor=user, kind="ledger", filename=name, data=data)
    return services.import_check(actor=user, upload=received)


def notes_of(upload, language="en") -> list[tuple[int, str]]:
    """The notes in a reader's language: they are kept as data, not as words."""
    return [(note["row"], words(note["message"], language)) for note in upload.summary["notes"]]


def test_an_office_workbook_with_a_title_totals_and_its_own_column_imports(office, client):
    upload = checked(office, "ledger-office.xlsx")

    assert upload.status == ImportStatus.READY, upload.errors
    assert upload.rows == 3 and upload.summary["created"] == 3
    notes = notes_of(upload)
    assert any(row == 0 and "Rows 1 and 2" in text for row, text in notes)  # the title and note
    assert any(row == 0 and "备注" in text for row, text in notes)  # its own column, hidden
    assert any(row == 7 and "合计" in text for row, text in notes)  # the totals row
    in_chinese = notes_of(upload, "zh-hans")  # kept as data: each reader has them in words
    assert any(row == 7 and "合计行" in text for row, text in in_chinese)
    assert any(row == 0 and "表头上方的第 1和2 行" in text for row, text in in_chinese)
    assert any("1 ۋە 2" in text for _row, text in notes_of(upload, "ug"))  # listed as each lists
    client.force_login(office)
    page = client.get(f"/import/files/{upload.pk}/").content.decode()
    shown = page.split('data-testid="import-notes"', 1)[1].split("</ul>", 1)[0]
    assert "Row 7" in shown and "合计" in shown and "备注" in shown
    services.import_apply(actor=office, upload=upload)
    entries = dict(Transaction.objects.values_list("reference", "value_date"))
    assert entries == {
        "BJ-2024-001": datetime.date(2024, 3, 1),  # a date cell
        "BJ-2024-002": datetime.date(2024, 4, 1),  # Excel's day count, 45383
        "BJ-2024-003": datetime.date(2024, 5, 6),  # written 2024年5月6日
    }
    amounts = dict(Transaction.objects.values_list("reference", "amount_minor"))
    assert amounts["BJ-2024-003"] == 39_500_000  # 39.5 in a column of 万元, in fen


def test_a_semicolon_csv_in_gb18030_with_excel_dates_imports(office):
    upload = checked(office, "ledger-semicolon-gb18030.csv")

    assert upload.status == ImportStatus.READY, upload.errors
    assert upload.rows == 3
    assert [row for row, _text in notes_of(upload)] == [0, 6]  # the title; the totals row


def test_a_bad_cell_is_named_by_the_header_the_file_gives_it(office, client):
    book = openpyxl.load_workbook(FILES / "ledger-office.xlsx")
    book.active["C5"] = "next Tuesday"
    data = io.BytesIO()
    book.save(data)
    upload = checked(office, "ledger-office.xlsx", data.getvalue())

    assert upload.status == ImportStatus.REFUSED
    assert [(e["row"], e["column"]) for e in upload.errors] == [(5, "value_date")]
    client.force_login(office)
    page = client.get(f"/import/files/{upload.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert [(e["label"], e["header"]) for e in page.context["errors"]] == [("Value date", "起息日")]
    assert "<q>起息日</q>" in page.content.decode()  # the file's own words beside the label


def test_the_command_answers_in_the_language_asked(office, capsys):
    path = str(FILES / "ledger-office.xlsx")
    call_command("import", "ledger", path, "--as", "bj", "--lang", "zh-hans", "--dry-run")
    said = capsys.readouterr().out
    assert "合计" in said and "备注" in said  # the notes, each naming what the file says
    assert "Rows" not in said and "rows read" not in said  # in Chinese, not in English

    with pytest.raises(CommandError) as refused:
        call_command("import", "ledger", path, "--as", "gd", "--lang", "ug", "--dry-run")
    assert "may not" not in str(refused.value)


@pytest.mark.parametrize(
    "value, day",
    [
        (45383, datetime.date(2024, 4, 1)),
        (46315.5, datetime.date(2026, 10, 20)),  # a date and time: the day
        ("45383", datetime.date(2024, 4, 1)),
        (" 46315 ", datetime.date(2026, 10, 20)),
    ],
)
def test_excel_day_counts_read_as_dates(value, day):
    assert cells.date(value) == day


@pytest.mark.parametrize("value", [0, -45383, 123, 2**63, True, "12345678", "4538x"])
def test_numbers_that_are_no_dates_are_refused(value):
    with pytest.raises(cells.CellError):
        cells.date(value)
