"""At a phone's width (390 px) no page scrolls sideways, the navigation folds behind its
button, and tables scroll inside their own box."""

import pytest
from playwright.sync_api import expect

from tests import factories as f
from tests.e2e.conftest import sign_in

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


def test_no_page_scrolls_sideways_on_a_phone(phone, world):
    for number in range(3):
        f.EntryFactory(pairing=world.beijing_hotan_city, sector="12230", reference=f"P-{number}")
    sign_in(phone, "bj")
    for address in PAGES:
        phone.goto(address)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{address} scrolls sideways by {overflow} px"


def test_the_navigation_folds_behind_its_button(phone, world):
    phone.goto("/")
    navigation = phone.get_by_role("navigation", name="Main")
    expect(navigation).to_be_hidden()
    phone.get_by_role("button", name="Menu").click()
    expect(navigation).to_be_visible()
    expect(phone.get_by_role("button", name="Menu")).to_have_attribute("aria-expanded", "true")
