"""A placement round in a real browser: a professional ranks posts (by keyboard and by drag),
the office runs the matching, reviews and publishes it, and the professional sees the result."""

from django.core.management import call_command
from playwright.sync_api import expect

from counterpart.talent.models import MatchRun, Post
from tests.e2e.conftest import sign_in
from tests.talent.fixtures import START, post


def test_rank_posts_run_the_matching_and_see_the_placement(page, talent):
    for title in ("Second paediatrician", "Third paediatrician"):  # three posts for Yu's field
        post(talent.hospital, title)
    sign_in(page, "pro")
    page.get_by_role("link", name="Talent").click()
    page.get_by_role("link", name="Rank posts").click()
    candidates = page.locator("#candidates .rank-item")
    ids = [candidates.nth(i).get_attribute("data-id") for i in range(3)]
    for post_id in ids:
        page.locator(f"#candidates .rank-item[data-id='{post_id}'] button[data-move=add]").click()
    ranked = page.locator("#ranked .rank-item")
    expect(ranked).to_have_count(3)
    # Keyboard: the third post moves up twice, to the top.
    up = page.locator(f"#ranked .rank-item[data-id='{ids[2]}'] button[data-move=up]")
    up.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#ranking-status")).to_contain_text("2 / 3")
    page.keyboard.press("Enter")  # the focus stays on the moved post's button
    expect(ranked.first).to_have_attribute("data-id", ids[2])
    # Drag: the post now last goes before the one now second.
    ranked.nth(2).drag_to(ranked.nth(1))
    expect(ranked.nth(1)).to_have_attribute("data-id", ids[1])
    page.get_by_role("button", name="Save my ranking").click()
    expect(page.get_by_role("status")).to_contain_text("Your ranking is saved")
    order = [ranked.nth(i).get_attribute("data-id") for i in range(3)]
    assert order == [ids[2], ids[1], ids[0]]

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "office")
    page.goto("/talent/")
    page.get_by_role("link", name="Match runs").click()
    page.get_by_role("button", name="Run the matching").click()
    expect(page.get_by_test_id("job-status")).to_have_text("Waiting")
    call_command("worker", "--once")  # the worker `make run` starts beside the web server
    page.get_by_role("link", name="Review the run").click()  # the progress updates itself
    expect(page.get_by_role("heading", level=1)).to_contain_text("Match run")
    expect(page.get_by_test_id("stable")).to_have_text("stable")
    expect(page.locator("canvas[data-chart='chart-choices']")).to_have_attribute(
        "data-rendered", "true"
    )
    expect(page.locator("#placed tbody tr")).to_have_count(1)  # the people it counts
    page.get_by_role("link", name="Publish as placements").click()
    expect(page.get_by_test_id("placements")).to_have_text("1")
    page.get_by_role("button", name="Publish").click()  # not confirmed: refused
    expect(page.get_by_test_id("placements")).to_have_text("1")
    page.get_by_label("I have reviewed the run").check()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("status")).to_contain_text("Published")

    # The timeline of an institution that received someone: a chart of its terms.
    page.goto("/talent/placements/")
    page.locator("table tbody tr").first.locator("td").nth(2).get_by_role("link").click()
    expect(page.locator("#timeline")).to_have_attribute("data-rendered", "true")
    expect(page.locator("table tbody tr").first).to_contain_text(str(START.year))

    run = MatchRun.objects.get()
    placed = {professional: post for professional, post in run.result}
    assert str(placed[talent.yu.pk]) in order  # placed at a post she ranked
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "pro")
    page.goto("/talent/")
    hers = Post.objects.get(pk=placed[talent.yu.pk])
    current = page.locator("section", has=page.locator("#current-h"))
    expect(current).to_contain_text(hers.title_en)
    expect(current).to_contain_text(hers.start_date.isoformat())
