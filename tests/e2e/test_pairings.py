import re

from playwright.sync_api import expect

from tests import factories as f
from tests.e2e.conftest import go, sign_in


def test_home_shows_the_chart_and_the_donors(page):
    page.goto("/")
    # Beijing and Guangdong have published pairings; their drafts are not public.
    expect(page.get_by_test_id("donor-count")).to_have_text("2")
    expect(page.locator("#pairings-chart")).to_have_attribute("data-rendered", "true")
    expect(page.locator("#donor-table tbody tr")).to_have_count(2)


def test_office_creates_a_pairing_and_the_auditor_finds_it(page, world):
    township = f.RegionFactory(level="township", parent=world.shufu, name="Tohula Township")
    sign_in(page, "office")
    go(page, "Programme", "Pairings")
    page.get_by_role("link", name="New pairing").click()
    page.get_by_label("Round").select_option(label=world.round.name_en)
    page.get_by_label("Donor").select_option(label="Beijing")
    page.get_by_label("Recipient").select_option(str(township.pk))
    page.get_by_label("Valid from").fill("2012-01-01")
    page.get_by_label("Valid to").fill("2011-06-30")
    page.get_by_role("button", name="Save").click()

    error = page.locator("#id_valid_to_error")
    expect(error).to_have_text("The end date is before the start date.")

    page.get_by_label("Valid to").fill("")
    page.get_by_label("Source").fill("browser test")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Beijing → Tohula Township")

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "auditor")
    go(page, "Administration", "Audit log")
    page.get_by_label("Object type").select_option("pairings.pairing")
    page.get_by_label("Who").select_option("office")
    page.get_by_role("button", name="Filter").click()
    row = page.locator("table.audit tbody tr").first
    expect(row).to_contain_text("Pairing created")
    expect(row).to_contain_text("Beijing → Tohula Township")
    expect(row).to_contain_text("browser test")


def test_filtering_the_pairings_list_updates_in_place(page, world):
    f.PairingFactory(round_=world.round, donor=world.shenzhen, recipient=world.hotan)
    page.goto("/pairings/")
    page.get_by_label("Donor").select_option(label="Guangdong")
    # Guangdong's published pairing and Shenzhen's, a city under Guangdong (not its draft).
    expect(page.locator("#pairing-table tbody tr")).to_have_count(2)
    expect(page).to_have_url(re.compile(r"/pairings/\?.*donor=\d+"))


def test_a_donor_team_edits_its_profile_but_not_pairings(page):
    sign_in(page, "bj")
    page.goto("/pairings/")
    expect(page.get_by_role("link", name="New pairing")).to_have_count(0)
    go(page, "Programme", "Organizations")
    page.get_by_role("link", name="Beijing", exact=True).click()
    page.get_by_role("link", name="Edit profile").click()
    page.get_by_label("Description (English)").fill("Beijing's front-line command in Hotan.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("description")).to_contain_text("front-line command")


def test_switching_to_chinese_translates_the_navigation(page):
    page.goto("/")
    page.get_by_role("button", name="简体中文").click()
    nav = page.get_by_role("navigation", name="主导航")
    nav.get_by_text("项目管理").click()
    expect(nav.get_by_role("link", name="结对关系")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
