"""Beijing's team imports a ledger spreadsheet with Chinese headers and a mistake:
the check names the row and the column, the marked file comes back as an XLSX with the faulty
cell filled and commented; the team fixes the file and imports it, all of it at once; the Hotan
team that approves is told once, not once per row."""

import io
from pathlib import Path

import openpyxl
from playwright.sync_api import expect

from tests.journeys.conftest import field

ROWS = 6


def ledger_xlsx(day, mistake: bool) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["凭证号", "类型", "起息日", "支援方", "受援地", "领域", "金额（万元）", "说明"])
    for n in range(1, ROWS + 1):
        written = "2月30日" if mistake and n == 4 else day.isoformat()
        sheet.append([f"BJ-J-{n:03d}", "承诺", written, "beijing", "653201", "12230", 50, "卫生室"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(page, t, tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    page.goto("/import/ledger/")
    field(page, t("File")).set_input_files(str(path))
    page.get_by_role("button", name=t("Upload and check")).click()


def test_a_ledger_file_with_a_mistake_is_fixed_and_imported_whole(served, person, t, tmp_path):
    beijing = person("beijing")
    upload(beijing, t, tmp_path, ledger_xlsx(served.day, mistake=True), "台账.xlsx")
    expect(beijing.get_by_role("alert").first).to_be_visible()
    with beijing.expect_download() as waiting:
        beijing.get_by_role("link", name=t("Download the file with its problems marked")).click()
    marked = openpyxl.load_workbook(io.BytesIO(Path(waiting.value.path()).read_bytes()))
    faulty = [
        cell
        for row in marked.active.iter_rows()
        for cell in row
        if cell.comment is not None and cell.value == "2月30日"
    ]
    assert len(faulty) == 1  # the one faulty cell, filled and commented

    upload(beijing, t, tmp_path, ledger_xlsx(served.day, mistake=False), "台账-改.xlsx")
    button = t("Import %(n)s row", "Import %(n)s rows", ROWS, n=ROWS)
    beijing.get_by_role("button", name=button).click()
    expect(beijing.get_by_test_id("import-created")).to_contain_text(str(ROWS))

    hotan = person("hotan")
    hotan.goto("/notifications/")
    told = hotan.get_by_text("台账-改.xlsx")
    expect(told).to_have_count(1)  # one notification for the file's six entries
