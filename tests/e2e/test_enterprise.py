"""An employment report in a real browser: the supporting donor's team reports a year's jobs at
the Shufu oil plant, and the programme dashboard shows them, with the share formerly poor."""

import datetime
import re

from playwright.sync_api import expect

from counterpart.enterprise import services as enterprise
from tests import factories as f
from tests.e2e.conftest import go, sign_in


def test_an_employment_report_shows_on_the_dashboard(page, world):
    plant = f.OrganizationFactory(
        region_=world.shufu, kind="company", name="Shufu oil extraction plant"
    )
    capital = f.ProjectFactory(pairing=world.guangdong_shufu, sectors={"32161": 100})
    enterprise.support_create(
        actor=f.system(),
        company=plant,
        pairing=world.guangdong_shufu,
        kind="capital",
        started_on=datetime.date(2020, 3, 1),
        project=capital,
    )
    sign_in(page, "gd")
    go(page, "Cooperation", "Enterprise")
    page.get_by_role("link", name="Shufu oil extraction plant").click()
    page.get_by_text("Report employment for a period").click()
    page.get_by_label("Period start").fill("2022-01-01")
    page.get_by_label("Period end").fill("2022-12-31")
    page.get_by_label(re.compile(r"^Employees")).fill("60")
    page.get_by_label("Of whom formerly registered poor").fill("61")
    page.get_by_role("button", name="Report").click()
    expect(page.locator("#id_formerly_poor_error")).to_contain_text("More formerly poor")
    page.get_by_label("Of whom formerly registered poor").fill("42")
    page.get_by_label("Wages paid (CNY)").fill("2,160,000")
    page.get_by_role("button", name="Report").click()
    expect(page.get_by_role("status")).to_contain_text("Employment reported")
    expect(page.locator("table tbody")).to_contain_text("¥2,160,000.00")

    page.goto("/dashboard/")
    jobs = page.locator("#section-jobs")
    expect(jobs.locator("canvas")).to_have_attribute("data-rendered", "true")
    jobs.get_by_text("Table").click()
    expect(jobs.locator("tbody tr", has_text="Shufu oil extraction plant 2022")).to_contain_text(
        "70.0"
    )
