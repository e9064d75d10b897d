"""The office runs the matching on the queue, reads the run, publishes it, withdraws one
placement, takes the run back and publishes it again. The demo professional asks to extend her
term in Hotan City; the Hotan team approves; her successor's term moves after it."""

import datetime

from playwright.sync_api import expect

from tests.journeys.conftest import field


def publish(page, t) -> None:
    page.get_by_role("link", name=t("Publish as placements…")).click()
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name=t("Publish"), exact=True).click()
    expect(page.locator(".lead")).to_contain_text(t("Published"))


def test_a_round_is_matched_published_withdrawn_and_published_again(served, person, t):
    office = person("office")
    office.goto("/talent/runs/")
    office.get_by_role("button", name=t("Run the matching")).click()
    office.get_by_role("link", name=t("Review the run")).click(timeout=120_000)  # the queue ran it
    expect(office.get_by_test_id("stable")).to_have_text(t("stable"))
    run_url = office.url
    publish(office, t)

    run = int(run_url.rstrip("/").rsplit("/", 1)[1])
    placement = served.row("talent_placement", match_run_id=run, withdrawn=0)
    office.goto(f"/talent/placements/{placement['id']}/")
    office.get_by_text(t("Withdraw this placement")).click()
    field(office, t("Why it is withdrawn")).fill("家中有事，无法按期到岗。")
    office.get_by_role("button", name=t("Withdraw"), exact=True).click()
    expect(office.get_by_test_id("placement-status")).to_have_text(t("Withdrawn"))

    office.goto(run_url)
    office.get_by_text(t("Withdraw this run")).click()
    field(office, t("Reason")).fill("名单需调整后重新发布。")
    office.get_by_role("button", name=t("Withdraw"), exact=True).click()
    expect(office.locator(".lead")).to_contain_text(t("Proposed"))
    publish(office, t)


def test_an_approved_extension_moves_the_successor(served, person, t):
    post = served.row("talent_post", title_en="Russian teacher")
    hers = served.row("talent_placement", post_id=post["id"], predecessor_id=None)
    following = served.row("talent_placement", post_id=post["id"], predecessor_id=hers["id"])
    end = datetime.date.fromisoformat(hers["end_date"])
    wanted = end + datetime.timedelta(days=182)

    professional = person("professional")
    professional.goto(f"/talent/placements/{hers['id']}/")
    professional.get_by_text(t("Ask to extend the term")).click()
    field(professional, t("New end date")).fill(wanted.isoformat())
    field(professional, t("Reason")).fill("学生下学期期末考试前需要继续授课。")
    professional.get_by_role("button", name=t("Ask"), exact=True).click()

    hotan = person("hotan")
    hotan.goto("/")
    waiting = hotan.locator(".inbox-kind", has_text=t("Extensions to decide"))
    waiting.locator("li a").first.click()  # the extension itself, not the list of them
    hotan.get_by_role("button", name=t("Approve"), exact=True).click()
    expect(hotan.get_by_test_id("end-date")).to_contain_text(wanted.isoformat())

    hotan.goto(f"/talent/placements/{following['id']}/")
    moved = wanted + datetime.timedelta(days=1)
    expect(hotan.locator("dl.facts")).to_contain_text(moved.isoformat())
