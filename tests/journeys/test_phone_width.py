"""Every page fits a phone: each role opens every page it may see on the demo, in a window 390
pixels wide, and the page itself never scrolls sideways (a table may, inside its own box). The
money-entry form had been 790 px wide (the sectors' long names), the people page 420 px."""

import re
import sqlite3
from contextlib import closing

import pytest
import requests
from django.apps import apps

from tests.journeys.conftest import DEMO_PASSWORD, serving
from tests.walk import NOT_WALKED, OBJECT_OF_PAGE, pages

PHONE = {"width": 390, "height": 844}
ROLES = [None, "office", "beijing", "beijing-admin", "hotan", "professional", "auditor"]
# Pages that act rather than show (a POST behind a GET-less address) or hand out a file.
NOT_PAGES = re.compile(r"\.(csv|xlsx|xml|json|pdf)$|/(template|problems)|/files/")
WIDEST = """
() => {
  const limit = document.documentElement.clientWidth;
  const over = [...document.querySelectorAll("body *")]
    .filter((e) => e.getBoundingClientRect().right > limit + 1 && !e.closest("table"))
    .map((e) => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}`
      + `${e.className && typeof e.className === "string" ? "." + e.className.split(" ")[0] : ""}`
      + ` ${Math.round(e.getBoundingClientRect().right)}px`);
  return {width: document.documentElement.scrollWidth, over: over.slice(0, 3)};
}
"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory, browser):
    with serving(tmp_path_factory.mktemp("phone"), "en", "today") as found:
        yield found


def _addresses(database) -> list[str]:
    """One address of each page, with the first record of its kind in the demo."""
    found = []
    with closing(sqlite3.connect(database)) as connection:
        for name, route in pages():
            if name in NOT_WALKED or "<str:name>" in route or "<slug:slug>" in route:
                continue
            if "<int:pk>" in route:
                table = apps.get_model(OBJECT_OF_PAGE[name])._meta.db_table
                row = connection.execute(f"SELECT MIN(id) FROM {table}").fetchone()  # noqa: S608
                if row[0] is None:
                    continue
                route = route.replace("<int:pk>", str(row[0]))
            if not NOT_PAGES.search(route):
                found.append(route)
    return found


def _shown_to(url: str, username: str | None, addresses: list[str]) -> tuple[dict, list[str]]:
    """The role's cookies and the pages it is shown (answered 200 with a whole page)."""
    session = requests.Session()
    if username:
        session.get(f"{url}/accounts/login/")
        answer = session.post(
            f"{url}/accounts/login/",
            data={
                "username": username,
                "password": DEMO_PASSWORD,
                "csrfmiddlewaretoken": session.cookies["csrftoken"],
            },
            headers={"Referer": f"{url}/accounts/login/"},
        )
        assert answer.ok and "sessionid" in session.cookies, username
    shown = []
    for address in addresses:
        answer = session.get(url + address, allow_redirects=False)
        html = answer.headers["Content-Type"].startswith("text/html")
        if answer.status_code == 200 and html and answer.text.lstrip().startswith("<!doctype"):
            shown.append(address)  # a page, not a part one loads into it
    return session.cookies.get_dict(), shown


@pytest.mark.parametrize("username", ROLES, ids=lambda u: u or "public")
def test_every_page_fits_a_phone(demo, browser, username):
    addresses = _addresses(demo.database)
    cookies, shown = _shown_to(demo.url, username, addresses)
    assert len(shown) >= 10, shown
    context = browser.new_context(base_url=demo.url, viewport=PHONE)
    context.add_cookies([{"name": k, "value": v, "url": demo.url} for k, v in cookies.items()])
    page = context.new_page()
    too_wide = []
    for address in shown:
        page.goto(address, wait_until="load")
        measured = page.evaluate(WIDEST)
        if measured["width"] > PHONE["width"]:
            too_wide.append(f"{address}: {measured['width']} px ({', '.join(measured['over'])})")
    context.close()
    assert not too_wide, f"{len(too_wide)} of {len(shown)} pages wider than 390 px:\n" + "\n".join(
        too_wide
    )
