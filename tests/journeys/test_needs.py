"""A recipient team posts a need; a colleague (not the one who submitted it) and the office
approve it; the demo professional finds it among the open posts of her specialty and ranks it.
Before, the form said "Post published." of a draft no professional could see, and the demo's
Hotan team had no second member to approve what the first submitted."""

import datetime

from playwright.sync_api import expect

from tests.journeys.conftest import field


def test_a_need_is_posted_approved_and_ranked(served, person, t):
    user = served.row("accounts_user", username="professional")
    her = served.row("talent_professional", user_id=user["id"])
    school = served.row("talent_post", title_en="Russian teacher")["institution_id"]
    title = f"俄语教师（{served.day.isoformat()}）"

    hotan = person("hotan")
    hotan.goto("/talent/posts/new/")
    field(hotan, t("Receiving institution")).select_option(str(school))
    field(hotan, t("Title (Chinese)")).fill(title)
    field(hotan, t("Specialty")).select_option(her["specialty"])
    field(hotan, t("Places")).fill("2")
    field(hotan, t("Start date")).fill((served.day + datetime.timedelta(days=120)).isoformat())
    hotan.get_by_role("button", name=t("Save")).click()
    expect(hotan.locator(".messages")).to_contain_text(
        t("Post saved. Professionals see it once approved: submit it for review.")
    )
    hotan.get_by_role("link", name=t("Draft")).click()
    hotan.get_by_role("button", name=t("Submit for review")).click()
    expect(hotan.get_by_test_id("review-status")).to_have_text(t("Submitted"))

    colleague = person("hotan-lead")  # not the one who submitted it
    colleague.goto("/")
    colleague.locator(".inbox-kind", has_text=t("Submissions to approve")).get_by_role(
        "link", name=title
    ).first.click()
    colleague.get_by_role("button", name=t("Approve"), exact=True).click()
    expect(colleague.get_by_test_id("review-status")).to_have_text(t("Submitted"))

    office = person("office")
    office.goto("/reporting/reviews/?show=waiting")
    office.locator("tbody tr", has_text=title).get_by_role("checkbox").check()
    office.get_by_role("button", name=t("Approve the chosen")).click()

    professional = person("professional")
    professional.goto("/talent/me/ranking/")
    candidate = professional.locator("#candidates li", has_text=title)
    candidate.get_by_role("button", name=t("Add to my ranking")).click()
    professional.get_by_role("button", name=t("Save my ranking")).click()
    expect(professional.locator("#ranked")).to_contain_text(title)
