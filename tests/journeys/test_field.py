"""The field work of a pairing, recorded by the two teams of Beijing and Hotan City: an
exchange, two classes that become pen pals and count their letters, support to a company with
the jobs it reports, and a sale in Beijing. What a round reviews is saved as a draft and the
person is led to submit it. Before, the page said "Exchange recorded." of a draft that counted
for nothing until someone found it and submitted it, and the demo had no school on Beijing's
side or company in Hotan City."""

import datetime

from playwright.sync_api import expect

from tests.journeys.conftest import field


def submit_the_draft(page, t) -> None:
    """Saved under review: the page says so and shows the draft, which is submitted."""
    expect(page.locator(".messages")).to_contain_text(
        t("Saved as a draft. It counts once approved: submit it for review.")
    )
    page.get_by_role("button", name=t("Submit for review")).click()
    expect(page.get_by_test_id("review-status")).to_have_text(t("Submitted"))


def test_an_exchange_pen_pals_jobs_and_a_sale(served, person, t):
    day = served.day
    beijing_org = served.row("places_organization", code="beijing")
    hotan_city = served.row("places_region", code="653201")
    pairing = served.row(
        "pairings_pairing", donor_id=beijing_org["id"], recipient_id=hotan_city["id"]
    )["id"]
    in_beijing = served.row("places_region", code="110000")["id"]
    their_school = served.row("places_organization", code="demo-653201-school")["id"]
    our_school = served.row("places_organization", code="beijing-partner-school")["id"]
    company = served.row("places_organization", code="hotan-silk-workshop")["id"]

    beijing = person("beijing")
    beijing.goto("/exchanges/")
    beijing.get_by_role("link", name=t("Record an exchange")).click()
    field(beijing, t("Organizing pairing")).select_option(str(pairing))
    field(beijing, t("Kind")).select_option("summer_camp")
    field(beijing, t("Title (English)")).fill("Summer camp in Beijing for Hotan City pupils")
    field(beijing, t("Host place")).select_option(str(in_beijing))
    field(beijing, t("Visitors' place")).select_option(str(hotan_city["id"]))
    field(beijing, t("Starts on")).fill((day - datetime.timedelta(days=20)).isoformat())
    field(beijing, t("Ends on")).fill((day - datetime.timedelta(days=10)).isoformat())
    field(beijing, t("Hosts 12 to 17")).fill("30")
    field(beijing, t("Visitors 12 to 17")).fill("45")
    field(beijing, t("Visitors 18 and over")).fill("5")
    beijing.get_by_role("button", name=t("Save")).click()
    submit_the_draft(beijing, t)

    hotan = person("hotan")
    classes = ((beijing, our_school, 2, 40), (hotan, their_school, 1, 36))
    for page, school, number, pupils in classes:
        page.goto("/exchanges/pen-pals/")
        page.get_by_text(t("Register a class"), exact=True).click()
        field(page, t("School")).select_option(str(school))
        field(page, t("Grade")).fill("5")
        field(page, t("Class number")).fill(str(number))
        field(page, t("Pupils")).fill(str(pupils))
        field(page, t("Language the class writes in")).select_option("zh")
        page.get_by_role("button", name=t("Register"), exact=True).click()
        expect(page.locator(".messages")).to_contain_text(t("Class registered."))

    beijing.goto("/exchanges/pen-pals/")
    matching = beijing.locator("section", has=beijing.get_by_role("button", name=t("Propose")))
    field(matching, t("Pairing")).select_option(str(pairing))
    field(matching, t("Starting on")).fill(day.isoformat())
    matching.get_by_role("button", name=t("Propose")).click()
    beijing.get_by_role("button", name=t("Start these partnerships")).click()
    expect(beijing.locator(".messages")).to_contain_text(
        t("%(count)s pen-pal partnerships started.", count=1)
    )
    partnerships = beijing.locator("#partnerships-h + table")
    our_name = served.name("places_organization", code="beijing-partner-school")
    partnerships.get_by_role("link", name=our_name).click()
    beijing.get_by_text(t("Count a term's letters")).click()
    field(beijing, t("Term start")).fill(day.isoformat())
    field(beijing, t("Term end")).fill((day + datetime.timedelta(days=120)).isoformat())
    field(beijing, t("Letters from the donor side")).fill("40")
    field(beijing, t("Letters from the recipient side")).fill("36")
    beijing.get_by_role("button", name=t("Save")).click()
    expect(beijing.locator(".messages")).to_contain_text(t("Letters counted."))

    beijing.goto("/enterprise/")
    beijing.get_by_role("link", name=t("Record support")).click()
    field(beijing, t("Pairing")).select_option(str(pairing))
    field(beijing, t("Company")).select_option(str(company))
    field(beijing, t("Kind of support")).select_option("technical")
    field(beijing, t("Started on")).fill((day - datetime.timedelta(days=200)).isoformat())
    beijing.get_by_role("button", name=t("Save")).click()
    expect(beijing.locator(".messages")).to_contain_text(t("Support recorded."))
    support = beijing.url

    hotan.goto(support)  # the company's own place reports the jobs
    hotan.get_by_text(t("Report employment for a period")).click()
    field(hotan, t("Period start")).fill((day - datetime.timedelta(days=180)).isoformat())
    field(hotan, t("Period end")).fill((day - datetime.timedelta(days=1)).isoformat())
    field(hotan, t("Employees")).fill("26")
    field(hotan, t("Of whom formerly registered poor")).fill("17")
    hotan.get_by_role("button", name=t("Report")).click()
    submit_the_draft(hotan, t)

    hotan.goto("/enterprise/")
    hotan.get_by_role("link", name=t("Record a sale")).click()
    field(hotan, t("Pairing")).select_option(str(pairing))
    field(hotan, t("Selling company")).select_option(str(company))
    field(hotan, t("Product")).fill("Atlas silk scarves")
    field(hotan, t("Donor market")).select_option(str(in_beijing))
    field(hotan, t("Channel")).select_option("e_commerce")
    field(hotan, t("Period start")).fill((day - datetime.timedelta(days=90)).isoformat())
    field(hotan, t("Period end")).fill((day - datetime.timedelta(days=1)).isoformat())
    field(hotan, t("Volume")).fill("300")
    field(hotan, t("Unit")).fill("pieces")
    field(hotan, t("Value")).fill("45,000")
    field(hotan, t("Currency")).select_option("CNY")
    hotan.get_by_role("button", name=t("Save")).click()
    submit_the_draft(hotan, t)
