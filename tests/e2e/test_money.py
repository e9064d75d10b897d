"""A donor's money in a real browser: record, see the effect first, then see the dashboard move."""

import re

from playwright.sync_api import expect

from tests import factories as f
from tests.e2e.conftest import go, sign_in


def wellbeing_share(page) -> float:
    page.goto("/dashboard/")
    expect(page.locator("canvas[data-chart='chart-by-donor']")).to_have_attribute(
        "data-rendered", "true"
    )
    return float(page.get_by_test_id("wellbeing-share").inner_text().rstrip(" %"))


def test_a_commitment_and_a_disbursement_move_the_dashboard(page, world):
    pairing = world.beijing_hotan_city
    hospital = f.ProjectFactory(pairing=pairing, title_en="A hospital")  # health: wellbeing
    for kind in ("2", "3"):  # 70 million committed and disbursed
        f.EntryFactory(pairing=pairing, project=hospital, kind=kind, amount_minor=7_000_000_000)
    sign_in(page, "bj")
    before = wellbeing_share(page)
    assert before == 100.0  # Beijing's only commitment so far: the hospital

    go(page, "Money", "Ledger")
    page.get_by_role("link", name="Record an entry").click()
    page.get_by_label("Type").select_option("2")
    page.get_by_label("Pairing").select_option(str(pairing.pk))
    page.get_by_label(re.compile(r"^Amount")).fill("30,000,000")
    # One request at a time: the test database (SQLite in memory, shared) locks a table
    # while the preview's rolled-back write runs, which a file database in WAL mode does not.
    with page.expect_response("**/funding/record/preview/**"):
        page.get_by_label("Value date").fill("2020-05-01")
        page.get_by_label("Value date").blur()
    page.get_by_label("Search sectors by code or name").fill("32130")  # found on the server
    expect(page.locator("#id_sector option[value='32130']")).to_have_count(1)
    page.get_by_label("Sector", exact=True).select_option("32130")  # SME development
    effect = page.get_by_test_id("effect-table")
    expect(effect).to_contain_text("70 %")  # 70 of 100 million would be for wellbeing
    expect(page.get_by_role("alert")).to_contain_text("below its line")
    page.get_by_role("button", name="Record").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Outgoing commitment")

    go(page, "Money", "Ledger")
    page.get_by_role("link", name="Record an entry").click()
    page.get_by_label("Type").select_option("3")
    page.get_by_label("Pairing").select_option(str(pairing.pk))
    page.get_by_label(re.compile(r"^Amount")).fill("40,000,000")
    with page.expect_response("**/funding/record/preview/**"):
        page.get_by_label("Value date").fill("2020-06-01")
        page.get_by_label("Value date").blur()
    page.get_by_label("Search sectors by code or name").fill(
        "small and medium"
    )  # by name this time
    expect(page.locator("#id_sector option[value='32130']")).to_have_count(1)
    page.get_by_label("Sector", exact=True).select_option("32130")
    page.get_by_role("button", name="Record").click()
    expect(page.locator("#id_reason_error")).to_contain_text("beyond what was committed")
    page.get_by_label("Reason").fill("Second tranche agreed before its commitment was signed.")
    page.get_by_role("button", name="Record").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Disbursement")

    assert wellbeing_share(page) == 70.0
    page.locator("#section-by-donor").get_by_text("Table").click()
    expect(page.locator("#section-by-donor table")).to_contain_text(
        "¥100,000,000.00¥110,000,000.00"  # committed 70 + 30, disbursed 70 + 40 million
    )
