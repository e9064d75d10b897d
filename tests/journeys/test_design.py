"""The office changes a figure of the demo's what-if scenario (Shenzhen's capacity), solves it
on the queue, compares it with the round as it is and the published scenario, downloads the
comparison, publishes it and makes a draft round of it, whose pairings wait unpublished. A
recipient team reads the published scenarios and cannot change them."""

import json
import sqlite3
from contextlib import closing

from openpyxl import load_workbook
from playwright.sync_api import expect

from counterpart.demo.design import SCENARIO, WHAT_IF


def count(served, round_id: int, *, published: bool = False) -> int:
    """Pairings of a round in the served database."""
    sql = "SELECT COUNT(*) FROM pairings_pairing WHERE round_id = ?"
    sql += " AND is_published = 1" if published else ""
    with closing(sqlite3.connect(served.database)) as connection:
        return connection.execute(sql, [round_id]).fetchone()[0]


def test_a_scenario_is_changed_solved_compared_published_and_drafted(served, person, t, tmp_path):
    office = person("office")
    office.goto("/design/")
    office.get_by_role("link", name=WHAT_IF).click()
    scenario_url = office.url
    expect(office.get_by_test_id("scenario-status")).to_contain_text(t("Not solved yet"))

    office.get_by_role("link", name=t("Change the figures")).click()
    karamay = served.name("places_region", code="650200")
    weight = office.get_by_label(f"{karamay}: {t('Need weight')}")
    weight.fill("2")
    office.get_by_role("button", name=t("Save the figures")).click()
    expect(office.get_by_test_id("scenario-status")).to_contain_text(t("Not solved yet"))

    office.locator("#seconds").select_option("10")
    office.get_by_role("button", name=t("Solve"), exact=True).click()
    office.get_by_role("link", name=t("See the scenario")).click(timeout=120_000)
    expect(office.get_by_test_id("scenario-status")).to_contain_text(t("Solved"))

    office.locator("#with").select_option(label=SCENARIO)
    office.get_by_role("button", name=t("Compare"), exact=True).click()
    summary = office.get_by_test_id("summary")
    expect(summary.locator("thead th")).to_have_count(4)  # the round as it is and two designs
    expect(summary.get_by_test_id("changes").first).to_have_text("0")
    expect(office.get_by_test_id("recipients").locator("tbody tr")).not_to_have_count(0)
    office.locator("#map-figure").select_option(label=t("The round as it is"))
    office.locator("#map").get_by_role("button", name=t("Show"), exact=True).click()
    expect(office.locator("#map-title")).to_contain_text(t("The round as it is"))
    expect(office.get_by_test_id("summary").locator("thead th")).to_have_count(4)  # kept

    with office.expect_download() as downloading:
        office.locator("#recipients").get_by_role("link", name=t("Download XLSX")).click()
    saved = tmp_path / "recipients.xlsx"
    downloading.value.save_as(saved)
    sheet = load_workbook(saved).active
    assert sheet.max_row > 40 and sheet.cell(1, 1).value == t("Place")

    office.get_by_role("button", name=t("Publish"), exact=True).click()
    expect(office.get_by_test_id("scenario-status")).to_contain_text(t("published"))
    office.get_by_role("link", name=t("Make a draft round of it")).click()
    office.get_by_label(t("Year")).fill("2040")
    office.get_by_label(t("Name (English)")).fill("Pairing assistance, 2040 draft")
    office.get_by_label(t("Starts on")).fill("2040-01-01")
    office.get_by_role("button", name=t("Make the draft round")).click()
    expect(office.locator("body")).to_contain_text(
        t("The round is drafted: review its pairings and publish each one.")
    )
    drafted = served.row("pairings_pairinground", year=2040)["id"]
    assert count(served, drafted, published=True) == 0
    # the pairings the design changes wait in the draft; those it keeps continue
    changes = json.loads(served.row("design_scenario", name=WHAT_IF)["result"])["changes"]
    assert count(served, drafted) == changes > 0

    hotan = person("hotan")
    hotan.goto(scenario_url)
    expect(hotan.get_by_test_id("scenario-status")).to_contain_text(t("Solved"))
    expect(hotan.get_by_role("link", name=t("Change the figures"))).to_have_count(0)
    hotan.goto(scenario_url + "figures/")
    expect(hotan.locator("h1")).not_to_have_text(t("Change the figures"))
