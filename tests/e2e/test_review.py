"""An approval chain in a real browser: the office sets it up, a county team submits a period's
actuals, the prefecture's team approves, the office approves, and only then does the public
page show the figure."""

from playwright.sync_api import expect

from counterpart.accounts.choices import Role
from counterpart.projects import services as projects
from tests import factories as f
from tests.e2e.conftest import sign_in


def public_project_page_shows(page, url: str) -> bool:
    page.goto(url)
    return page.locator("#results-h ~ table tbody", has_text="25.00").count() > 0


def test_a_period_flows_through_the_chain_into_the_public_figures(page, world):
    county_office = f.OrganizationFactory(
        region_=world.hotan_city, kind="local_government", name="Hotan City Office"
    )
    f.UserFactory(organization_=county_office, role=Role.RECIPIENT_TEAM, username="county")
    office = world.user("office")
    project = f.ProjectFactory(pairing=world.beijing_hotan_city, title_en="Hotan City homes")
    result = projects.result_create(actor=office, project=project, kind="2", title_en="Homes")
    projects.indicator_create(
        actor=office, result=result, title_en="People out of poverty", standard="out_of_poverty"
    )
    project_url = f"/projects/{project.pk}/"

    sign_in(page, "office")
    page.goto(f"/reporting/rounds/{world.round.pk}/")
    page.get_by_text("Change the rules").click()
    page.locator("#id_review_mode").select_option("new")
    page.get_by_label("Level 1: approved by").select_option("recipient_team")
    page.get_by_label("Level 1: teams of").select_option("prefecture")
    page.get_by_label("Level 2: approved by").select_option("programme_office")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".facts")).to_contain_text("Programme office")
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "county")
    page.goto(project_url)
    page.get_by_text("Record a period's target or actual").click()
    page.get_by_label("Period start").fill("2023-01-01")
    page.get_by_label("Period end").fill("2023-12-31")
    page.get_by_label("Actual", exact=True).fill("25")
    page.get_by_role("button", name="Record").click()
    page.get_by_role("link", name="Draft").click()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_test_id("review-status")).to_have_text("Submitted")
    page.get_by_role("button", name="Sign out").click()
    assert not public_project_page_shows(page, project_url)

    sign_in(page, "hotan")
    page.goto("/reporting/reviews/")
    page.get_by_role("link", name="People out of poverty").click()
    page.get_by_role("button", name="Approve").click()
    expect(page.locator(".chain li").first).to_contain_text("approved")
    page.get_by_role("button", name="Sign out").click()
    assert not public_project_page_shows(page, project_url)

    sign_in(page, "office")
    page.goto("/reporting/reviews/")
    page.get_by_role("link", name="People out of poverty").click()
    page.get_by_label("Comment").fill("Matches the county's household survey.")
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_test_id("review-status")).to_have_text("Approved")
    page.get_by_role("button", name="Sign out").click()
    assert public_project_page_shows(page, project_url)
