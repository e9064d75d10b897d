"""The header's search box in a real browser, by keyboard only, in each language: "/" reaches
it, results show as one types (pinyin finds a Chinese name), the arrows walk them, Enter opens
one, Escape closes them, and Enter in the box opens every result on a page of its own."""

import re

import pytest
from playwright.sync_api import expect

from counterpart.places import services as places
from tests import factories as f
from tests.e2e.conftest import sign_in

NAMES = {
    "en": "Kunyu People's Hospital",
    "zh-hans": "昆玉市人民医院",
    "ug": "قۇرۇمقاش دوختۇرخانىسى",
}
ORGANIZATIONS = {"en": "Organizations", "zh-hans": "机构", "ug": "ئورگانلار"}


@pytest.mark.parametrize("code", ["en", "zh-hans", "ug"])
def test_the_search_box_by_keyboard(open_page, live_server, world, code):
    hospital = places.organization_create(
        actor=f.system(),
        code="kunyu-hospital",
        name_en=NAMES["en"],
        name_zh=NAMES["zh-hans"],
        name_ug=NAMES["ug"],
        kind="hospital",
        region=world.hotan_city,
    )
    page = open_page()
    sign_in(page, "hotan")
    page.context.add_cookies([{"name": "django_language", "value": code, "url": live_server.url}])
    page.goto("/")
    page.keyboard.press("/")
    page.keyboard.type("kunyu")  # pinyin
    live = page.locator("#search-live")
    expect(live).to_contain_text(ORGANIZATIONS[code])
    expect(live.get_by_role("link", name=NAMES[code])).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(live.get_by_role("link", name=NAMES[code])).to_be_focused()
    page.keyboard.press("Escape")
    expect(live).to_be_empty()
    expect(page.locator("#search-q")).to_be_focused()
    page.keyboard.type(" 人民")  # and a word of the Chinese name
    expect(live.get_by_role("link", name=NAMES[code])).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"/organizations/{hospital.pk}/$"))
    expect(page.locator("h1")).to_contain_text(NAMES[code])

    page.locator("#search-q").fill("kysrmyy")  # pinyin initials
    page.keyboard.press("Enter")  # the whole page of results
    expect(page).to_have_url(re.compile(r"/search/\?q=kysrmyy"))
    expect(page.locator("main h2").first).to_be_visible()
    expect(page.locator("main")).to_contain_text(NAMES[code])


def test_a_select_of_organizations_narrows_as_one_types(page, world):
    places.organization_update(
        actor=f.system(),
        organization=world.shenzhen,
        expected_version=world.shenzhen.version,
        name_zh="深圳市",
    )
    sign_in(page, "office")
    page.goto("/pairings/new/")
    donor = page.locator("#id_donor")
    box = page.locator(".select-filter").first
    shown = "(s) => [...s.options].filter((o) => o.value && !o.hidden).map((o) => o.text)"
    assert len(donor.evaluate(shown)) > 3
    for typed in ("shenzhen", "sz", "深圳"):  # pinyin, its initials, the Chinese name
        box.fill(typed)
        assert donor.evaluate(shown) == ["Shenzhen"], typed
    box.fill("")
    assert len(donor.evaluate(shown)) > 3
    box.fill("sz")
    donor.select_option(label="Shenzhen")
    expect(donor).to_have_value(str(world.shenzhen.pk))
