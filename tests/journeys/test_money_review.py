"""Beijing's team records a disbursement for a project in one of its Hotan places; the Hotan team
finds it in its inbox, in its language, and returns it with a comment; Beijing reverses it and
records the right amount; Hotan approves, then the office (choosing it on the reviews list). The
public's open data changes only then, by the right amount, and no public rate passes 100 %."""

import csv
import io
import re
import time

import requests
from playwright.sync_api import expect

from tests.journeys.conftest import field

RECORDED, CORRECTED = "1,234,000", "1,230,000"


def public_disbursed(served, donor: str, place: str) -> int:
    """What the open data says Beijing disbursed in the place this year, in fen."""
    answer = requests.get(served.url + "/open-data/files/ledger-totals.csv", timeout=30)
    if answer.status_code == 404:
        return 0
    rows = csv.DictReader(io.StringIO(answer.content.decode("utf-8-sig")))
    return sum(
        round(float(row["amount_cny"]) * 100)
        for row in rows
        if row["donor_code"] == donor
        and row["place_code"] == place
        and row["type"] == "3"
        and row["year"] == str(served.day.year)
    )


def record_disbursement(page, served, t, amount: str, description: str) -> None:
    donor = served.row("places_organization", code="beijing")["id"]
    place = served.row("places_region", code="653201")["id"]
    pairing = served.row("pairings_pairing", donor_id=donor, recipient_id=place)["id"]
    project = served.row("projects_project", code="now-beijing-653201")["id"]
    page.goto("/funding/record/")
    field(page, t("Type")).select_option("3")
    with page.expect_response(lambda answer: "/funding/record/projects/" in answer.url):
        field(page, t("Pairing")).select_option(str(pairing))  # the pairing's projects load
    expect(page.locator(f"#id_project option[value='{project}']")).to_have_count(1)
    field(page, t("Project")).select_option(str(project))
    field(page, t("Amount")).fill(amount)
    field(page, t("Value date")).fill(served.day.isoformat())
    field(page, t("Description")).fill(description)
    page.get_by_role("button", name=t("Record"), exact=True).click()
    expect(page.get_by_role("link", name=t("Record another for this pairing"))).to_be_visible()


def open_from_inbox(page, t, heading: str, amount: str) -> None:
    page.goto("/")
    kind = page.locator(".inbox-kind", has_text=t(heading))
    kind.get_by_role("link", name=re.compile(re.escape(amount))).first.click()


def test_a_disbursement_goes_through_review_before_the_public_sees_it(served, person, t):
    before = public_disbursed(served, "beijing", "653201")
    beijing = person("beijing")
    record_disbursement(beijing, served, t, RECORDED, "第二期第二笔拨付")

    hotan = person("hotan")
    open_from_inbox(hotan, t, "Submissions to approve", RECORDED)
    expect(hotan.get_by_role("heading", level=1)).to_contain_text(t("Disbursement"))
    expect(hotan.get_by_role("heading", level=1)).to_contain_text(RECORDED)
    field(hotan, t("Comment")).fill("金额有误：本期应为123万元。")
    hotan.get_by_role("button", name=t("Return with comment")).click()
    expect(hotan.get_by_test_id("review-status")).to_have_text(t("Returned"))

    open_from_inbox(beijing, t, "Returned to you to fix", RECORDED)
    beijing.get_by_role("link", name=t("Open the record")).click()
    field(beijing, t("Why is this entry reversed?")).fill("金额有误，按受援方意见更正。")
    beijing.get_by_role("button", name=t("Reverse this entry")).click()
    record_disbursement(beijing, served, t, CORRECTED, "第二期第二笔拨付（更正）")

    assert public_disbursed(served, "beijing", "653201") == before  # nothing approved yet
    open_from_inbox(hotan, t, "Submissions to approve", CORRECTED)
    hotan.get_by_role("button", name=t("Approve"), exact=True).click()
    expect(hotan.get_by_test_id("review-status")).to_have_text(t("Submitted"))

    office = person("office")
    office.goto("/reporting/reviews/?show=waiting")
    row = office.locator("tbody tr", has_text=re.compile(re.escape(CORRECTED)))
    row.get_by_role("checkbox").check()
    office.get_by_role("button", name=t("Approve the chosen")).click()
    expect(office.locator(".messages")).to_contain_text(
        t("%(count)s record decided.", "%(count)s records decided.", 1, count=1)
    )

    expected = before + 123_000_000
    deadline = time.monotonic() + 60
    while public_disbursed(served, "beijing", "653201") != expected:  # the files regenerate
        assert time.monotonic() < deadline, "the open data did not take the approval in"
        time.sleep(1)
    public = person(None)
    public.goto("/dashboard/")
    rates = re.findall(r"(\d+(?:\.\d+)?) %", public.locator(".stats.headline").inner_text())
    assert rates and max(float(r) for r in rates) <= 100
