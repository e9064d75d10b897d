"""At a phone's width (390 px) the navigation folds behind its button (that no page scrolls
sideways is walked on the demo, every page of every role: tests/journeys/test_phone_width.py).
PAGES, the main pages, are walked in each language by test_languages.py."""

import pytest
from playwright.sync_api import expect

PAGES = [
    "/",
    "/dashboard/",
    "/funding/",
    "/projects/",
    "/pairings/",
    "/talent/",
    "/talent/posts/",
    "/care/",
    "/exchanges/",
    "/enterprise/",
    "/import/",
    "/import/ledger/",
    "/open-data/",
    "/accounts/",
]


@pytest.fixture
def phone(open_page):
    return open_page(viewport={"width": 390, "height": 844})


def test_the_navigation_folds_behind_its_button(phone, world):
    phone.goto("/")
    navigation = phone.get_by_role("navigation", name="Main")
    expect(navigation).to_be_hidden()
    phone.get_by_role("button", name="Menu").click()
    expect(navigation).to_be_visible()
    expect(phone.get_by_role("button", name="Menu")).to_have_attribute("aria-expanded", "true")
