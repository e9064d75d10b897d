"""The main pages in English, Chinese and Uyghur: translated, in their direction, without a page
scrolling sideways, and (through the page fixture) without a serious accessibility violation."""

import pytest

from tests import factories as f
from tests.e2e.conftest import sign_in
from tests.e2e.test_phone import PAGES

LANGUAGES = [
    ("en", "ltr", "Programme"),
    ("zh-hans", "ltr", "项目管理"),
    ("ug", "rtl", "پروگرامما"),
]


@pytest.mark.parametrize("code, direction, overview", LANGUAGES)
def test_the_main_pages_in_each_language(open_page, live_server, world, code, direction, overview):
    f.EntryFactory(pairing=world.beijing_hotan_city, sector="12230", reference="L-1")
    page = open_page()
    sign_in(page, "office")
    page.context.add_cookies([{"name": "django_language", "value": code, "url": live_server.url}])
    for address in [*PAGES, "/audit/", "/regions/", "/organizations/", "/people/"]:
        page.goto(address)
        html = page.locator("html")
        assert html.get_attribute("lang") == code, address
        assert html.get_attribute("dir") == direction, address
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{address} in {code} scrolls sideways by {overflow} px"
    page.goto("/")
    assert overview in page.locator("nav#main-nav").inner_text()
