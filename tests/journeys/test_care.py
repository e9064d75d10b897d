"""Remote care from request to home: a Hotan hospital asks Beijing's partner hospital about a
child's heart, Beijing advises an operation, Hotan refers the child, Beijing records the stay
and Hotan the follow-up at home. Each side finds its next step in its inbox, and the public
figures count the follow-up only when it is done. Before, nothing told a hospital that a
consultation or a patient waited for it, and the demo had no hospital on Beijing's side."""

import re

from playwright.sync_api import expect

from tests.journeys.conftest import field


def inbox_entry(page, kind: str, case: str):
    """The link of `case` under the inbox's `kind`, from the home page."""
    page.goto("/")
    return page.locator(".inbox-kind", has_text=kind).get_by_role("link", name=re.compile(case))


def unfold(page, summary: str):
    details = page.locator("details", has=page.get_by_text(summary, exact=True))
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    return details


def test_a_consultation_through_referral_treatment_and_follow_up(served, person, t):
    hospital = served.row("places_organization", code="demo-653201-hospital")
    partner = served.row("places_organization", code="beijing-partner-hospital")
    case = f"HTN-{served.day.year}-{served.day:%m%d}"
    public = person(None)
    public.goto("/care/")
    follow_ups = int(public.get_by_test_id("follow-ups").inner_text())

    hotan = person("hotan")
    hotan.goto("/care/")
    hotan.get_by_role("link", name=t("Request a consultation")).click()
    field(hotan, t("Requesting hospital")).select_option(str(hospital["id"]))
    field(hotan, t("Consulting hospital")).select_option(str(partner["id"]))
    field(hotan, t("Specialty")).select_option("cardiology")
    field(hotan, t("Case code")).fill(case)
    field(hotan, t("Question")).fill(
        "Girl of 9 with a murmur; the echo suggests a septal defect. Operate here or refer?"
    )
    hotan.get_by_role("button", name=t("Send the request")).click()
    expect(hotan.get_by_test_id("status")).to_have_text(t("Requested"))

    beijing = person("beijing")
    inbox_entry(beijing, t("Consultations asked of your hospitals"), case).click()
    held = unfold(beijing, t("Record the consultation and its advice"))
    field(held, t("Advice")).fill("Closure of the defect is advised: refer her to Beijing.")
    field(held, t("Outcome")).select_option("referral")
    held.get_by_role("button", name=t("Record"), exact=True).click()
    expect(beijing.get_by_test_id("status")).to_have_text(t("Held"))
    expect(beijing.get_by_test_id("outcome")).to_have_text(t("Referral recommended"))

    inbox_entry(hotan, t("Referrals recommended, not yet made"), case).click()
    unfold(hotan, t("Refer the patient for treatment")).get_by_role(
        "button", name=t("Refer"), exact=True
    ).click()  # referred today, as the form proposes
    expect(hotan.get_by_test_id("status")).to_have_text(t("Referred"))

    inbox_entry(beijing, t("Referred patients to admit or discharge"), case).click()
    stay = unfold(beijing, t("Record admission, treatment and discharge"))
    field(stay, t("Admitted on")).fill(served.day.isoformat())
    field(stay, t("Discharged on")).fill(served.day.isoformat())
    field(stay, t("Treatment")).fill("Catheter closure of the defect; no complications.")
    field(stay, t("Outcome")).select_option("recovered")
    stay.get_by_role("button", name=t("Save")).click()
    expect(beijing.get_by_test_id("status")).to_have_text(t("Treated and discharged"))

    inbox_entry(hotan, t("Patients back home to follow up"), case).click()
    home = unfold(hotan, t("Record the follow-up at home"))
    field(home, t("Notes")).fill("Back at school; no limits on activity.")
    home.get_by_role("button", name=t("Save")).click()
    expect(hotan.get_by_test_id("status")).to_have_text(t("Followed up at home"))
    hotan.goto("/")
    waiting = hotan.locator(".inbox-kind", has_text=t("Patients back home to follow up"))
    expect(waiting).to_have_count(0)

    public.goto("/care/")
    expect(public.get_by_test_id("follow-ups")).to_have_text(str(follow_ups + 1))
