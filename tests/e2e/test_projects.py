"""A project in a real browser: the donor team sets it up with a result to reach, the recipient
team reports what was reached, and the programme dashboard counts it."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import sign_in


def staff_trained_on_dashboard(page) -> tuple[str, str]:
    """(target, actual) of "Local staff trained" in the dashboard's standard indicators table."""
    page.goto("/dashboard/")
    section = page.locator("#section-indicators")
    section.get_by_text("Table").click()
    row = section.locator("tbody tr", has_text="Local staff trained")
    if row.count() == 0:
        return ("0", "0")
    cells = row.locator("td")
    return (cells.nth(1).inner_text(), cells.nth(2).inner_text())  # after the share reached


def open_form(page, summary: str):
    """Unfold one of the detail page's forms and return it."""
    details = page.locator("details", has=page.get_by_text(summary, exact=True))
    details.locator("summary").click()
    return details.locator("form")


def test_a_project_from_creation_to_reported_results_on_the_dashboard(page, world):
    pairing = world.beijing_hotan_city
    sign_in(page, "bj")
    page.get_by_role("link", name="Projects").first.click()
    page.get_by_role("link", name="New project").click()
    with page.expect_response(lambda answer: "/places/options/" in answer.url):
        page.get_by_label("Pairing").select_option(str(pairing.pk))  # its places load
    page.get_by_label(re.compile(r"^Code")).fill("hotan-nurse-training")
    page.get_by_label(re.compile(r"^Title \(English\)")).fill(
        "Nurse training at Hotan City hospital"
    )
    page.get_by_label("Main place").select_option(str(pairing.recipient_id))
    page.get_by_label("Sector 1", exact=True).select_option("12230")
    page.get_by_label("Share of sector 1 (%)").fill("100")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Nurse training at Hotan City hospital"
    )
    project_url = page.url

    form = open_form(page, "Add a result")
    form.get_by_label("Result type").select_option("1")
    form.get_by_label("Result (English)").fill("Nurses trained")
    form.get_by_role("button", name="Add").click()
    expect(page.get_by_role("heading", level=3)).to_contain_text("Nurses trained")

    form = open_form(page, "Add an indicator")
    form.get_by_label("Standard indicator").select_option("staff_trained")
    form.get_by_label("Indicator (English)").fill("Nurses trained to the new standard")
    form.get_by_role("button", name="Add").click()
    indicator = page.locator("#results-h ~ table caption")
    expect(indicator).to_contain_text("Nurses trained to the new standard")

    page.get_by_text("Record a period's target or actual").click()
    page.get_by_label("Period start").fill("2023-01-01")
    page.get_by_label("Period end").fill("2023-12-31")
    page.get_by_label("Target", exact=True).fill("40")
    page.get_by_role("button", name="Record").click()
    expect(page.locator("tbody", has_text="2023")).to_contain_text("40")

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "office")
    before = staff_trained_on_dashboard(page)

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "hotan")
    page.goto(project_url)
    expect(page.get_by_text("Add an indicator")).to_have_count(0)  # reports, does not run
    page.get_by_text("Record a period's target or actual").click()
    expect(page.get_by_label("Target", exact=True)).to_have_count(0)
    page.get_by_label("Period start").fill("2023-01-01")
    page.get_by_label("Period end").fill("2023-12-31")
    page.get_by_label("Actual", exact=True).fill("25")
    page.get_by_role("button", name="Record").click()
    # The donor team recorded this period's target: the report shows it and asks to confirm.
    expect(page.get_by_text("Save again to replace")).to_be_visible()
    page.get_by_role("button", name="Record").click()
    expect(page.locator("progress")).to_have_attribute("value", "25.00")

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "office")
    after = staff_trained_on_dashboard(page)
    assert after[0] == before[0]
    as_number = lambda text: float(text.replace(",", ""))  # noqa: E731
    assert as_number(after[1]) == as_number(before[1]) + 25
