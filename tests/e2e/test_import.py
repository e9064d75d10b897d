"""A donor team brings in its spreadsheet in a real browser: the template, a file with a mistake
refused by row and column, the corrected file previewed, then imported into the ledger."""

from playwright.sync_api import expect

from counterpart.funding.models import Transaction
from tests.e2e.conftest import sign_in


def test_a_ledger_file_is_refused_then_imported_once_fixed(page, world, tmp_path):
    donor, place = world.beijing.code, world.hotan_city.code
    header = "Reference,Type,Value date,Donor,Recipient place,Sector,金额（万元）"
    bad = tmp_path / "ledger.csv"
    bad.write_text(
        f"{header}\nBJ-1,2,2020年3月1日,{donor},{place},12230,300\n"
        f"BJ-2,2,2020-13-01,{donor},{place},12230,50\n",
        encoding="utf-8",
    )
    sign_in(page, "bj")
    page.get_by_role("link", name="Import").click()
    page.get_by_role("link", name="Ledger entries").click()
    with page.expect_download() as template:
        page.get_by_role("link", name="Template (XLSX)").click()
    assert template.value.suggested_filename.endswith(".xlsx")

    page.get_by_label("File").set_input_files(str(bad))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_test_id("import-status")).to_have_text("Has problems")
    errors = page.get_by_test_id("import-errors")
    expect(errors).to_contain_text("Value date")
    expect(errors).to_contain_text("not a date")
    with page.expect_download() as marked:
        page.get_by_role("link", name="Download the file with its problems marked").click()
    assert marked.value.suggested_filename.endswith("-problems.xlsx")

    good = tmp_path / "ledger-fixed.csv"
    good.write_text(bad.read_text(encoding="utf-8").replace("2020-13-01", "2020-12-01"))
    page.get_by_role("link", name="Ledger entries").click()
    page.get_by_label("File").set_input_files(str(good))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_test_id("import-status")).to_have_text("Checked; ready to import")
    expect(page.get_by_test_id("import-created")).to_contain_text("2 records")
    assert not Transaction.objects.exists()
    page.get_by_role("button", name="Import 2 rows").click()
    expect(page.get_by_test_id("import-status")).to_have_text("Imported")
    assert sorted(Transaction.objects.values_list("amount_minor", flat=True)) == [
        50_000_000,
        300_000_000,
    ]
