"""Browser tests: Debian's Chromium driven by Playwright against Django's live server."""

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings

from counterpart.funding.services import reference_data_restore
from tests.conftest import build_world
from tests.factories import PASSWORD


def pytest_collection_modifyitems(items):
    # The hook sees the whole session's items: mark only the ones in this folder.
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.path).startswith(here + os.sep):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
def world(transactional_db):
    """The tests' own small programme (tests/conftest.py), committed for the live server: the
    browser tests stand on it, never on the demo's."""
    reference_data_restore()  # a flushed database has lost the currencies and sectors
    return build_world()


# axe-core (from npm) checks every page a browser test loads against WCAG 2.1 A and AA.
AXE = Path(settings.NODE_MODULES) / "axe-core" / "axe.min.js"
AXE_RUN = """
async () => {
  const results = await axe.run(document, {
    resultTypes: ["violations"],
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
  });
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      rule: v.id, impact: v.impact, help: v.help,
      where: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
}
"""
# Each page checks itself once loaded and reports through a binding (the test may move on). A
# page already checked in this process in the same language and width (its ids aside: the
# journeys open the same pages on four days) is not checked again, the last page of a context
# included (it had been checked twice, and whatever its kind).
AXE_ON_LOAD = f"""
window.addEventListener("load", () => {{
  window.axeOnLoad = new Promise((settle) => setTimeout(settle, 0)).then(async () => {{
    if (typeof axe === "undefined" || window.top !== window) return;
    const kind = [document.documentElement.lang, window.innerWidth,
                  (location.pathname + location.search).replace(/[0-9]+/g, "N")].join(" ");
    if (!(await window.axeWanted(kind))) return;
    const found = await ({AXE_RUN})();
    window.axeReport(location.pathname + location.search, found);
  }});
}});
"""
# Before its context closes, the last page waits for its own check (if it is one to make).
AXE_SETTLED = """
async () => { if (window.axeOnLoad) await window.axeOnLoad.catch(() => null); }
"""


# Whatever the Content-Security-Policy blocks (an inline script or style, a foreign file) is
# reported too: the policy is the production one, so a page that breaks under it fails here.
CSP_ON_VIOLATION = """
document.addEventListener("securitypolicyviolation", (e) => window.cspReport(
  location.pathname, `${e.effectiveDirective} blocked ${e.blockedURI || "inline code"}`));
"""


@dataclass
class AxeFindings:
    pages: list[str] = field(default_factory=list)
    violations: list[tuple[str, dict]] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def report(self, _source, where, found):
        self.pages.append(where)
        self.violations.extend((where, violation) for violation in found)

    def report_blocked(self, _source, where, what):
        self.blocked.append(f"{where}: {what}")


CHECKED_PAGES: list[str] = []  # for the session's summary
CHECKED_KINDS: set[str] = set()  # pages checked in this process: language, width, address


def _wanted(_source, kind: str) -> bool:
    """Whether a page of this kind is still to be checked in this process."""
    if kind in CHECKED_KINDS:
        return False
    CHECKED_KINDS.add(kind)
    return True


class Pages:
    """Pages in browser contexts of their own (a locale, a viewport) on one server; axe checks
    every page they load, and `check()` fails on any serious or critical violation, or on
    anything the Content-Security-Policy blocked."""

    def __init__(self, browser, base_url: str):
        self.browser, self.base_url, self.opened = browser, base_url, []

    def open(self, locale="en-US", **options):
        context = self.browser.new_context(base_url=self.base_url, locale=locale, **options)
        context.set_default_timeout(15_000)
        findings = AxeFindings()
        context.add_init_script(path=str(AXE))
        context.add_init_script(script=AXE_ON_LOAD)
        context.expose_binding("axeReport", findings.report)
        context.expose_binding("axeWanted", _wanted)
        context.add_init_script(script=CSP_ON_VIOLATION)
        context.expose_binding("cspReport", findings.report_blocked)
        page = context.new_page()
        self.opened.append((context, page, findings))
        return page

    def check(self) -> None:
        violations, blocked = [], []
        for context, page, findings in self.opened:
            if not page.is_closed() and page.url.startswith("http"):
                page.evaluate(AXE_SETTLED)
            context.close()
            CHECKED_PAGES.extend(findings.pages)
            violations.extend(findings.violations)
            blocked.extend(findings.blocked)
        assert not blocked, "Blocked by the Content-Security-Policy:\n" + "\n".join(blocked)
        assert not violations, "\n".join(
            f"{where}: {v['impact']} {v['rule']} ({v['help']}) at {v['where']}"
            for where, v in violations
        )


@pytest.fixture
def open_page(browser, live_server, world):
    pages = Pages(browser, live_server.url)
    yield pages.open
    pages.check()


@pytest.fixture
def page(open_page):
    return open_page()


def pytest_terminal_summary(terminalreporter):
    if CHECKED_PAGES:
        terminalreporter.write_line(
            f"axe-core: {len(CHECKED_PAGES)} page loads checked against WCAG 2.1 A and AA "
            f"({len(set(CHECKED_PAGES))} distinct addresses)"
        )


def sign_in(page, username, password=PASSWORD):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")


def go(page, menu, link):
    """Open a page from the header's menus, as a reader would."""
    page.locator("#main-nav summary", has_text=menu).click()
    page.locator("#main-nav").get_by_role("link", name=link, exact=True).click()
