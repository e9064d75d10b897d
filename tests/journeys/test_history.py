"""The office enters a past year's ledger, kept in an office's workbook (a title above the
header, a totals row, a column of its own), as history: an ordinary import is refused, since
the year's quarters are closed; with a reason the file goes in, approved at once, the reason
shown on the file's page."""

from pathlib import Path

from playwright.sync_api import expect

from tests.journeys.conftest import field

WORKBOOK = Path(__file__).resolve().parent.parent / "interchange" / "files" / "ledger-office.xlsx"
ROWS = 3


def upload(page, t, tmp_path: Path, reason: str = "") -> None:
    path = tmp_path / "2024年台账.xlsx"
    path.write_bytes(WORKBOOK.read_bytes())
    page.goto("/import/ledger/")
    field(page, t("File")).set_input_files(str(path))
    field(page, t("Enter as history, because")).fill(reason)
    page.get_by_role("button", name=t("Upload and check")).click()


def test_the_office_enters_a_past_years_ledger_as_history(served, person, t, tmp_path):
    office = person("office")
    upload(office, t, tmp_path)
    expect(office.get_by_test_id("import-status")).to_have_text(t("Has problems"))
    expect(office.get_by_test_id("import-errors")).to_be_visible()

    upload(office, t, tmp_path, reason="2024年纸质台账补录")
    expect(office.get_by_test_id("import-historical")).to_contain_text("2024年纸质台账补录")
    expect(office.get_by_test_id("import-notes")).to_contain_text("合计")  # its totals row
    office.get_by_role(
        "button", name=t("Import %(n)s row", "Import %(n)s rows", ROWS, n=ROWS)
    ).click()
    expect(office.get_by_test_id("import-created")).to_contain_text(str(ROWS))
