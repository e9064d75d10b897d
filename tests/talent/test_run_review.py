"""The match review lists the people it counts: who goes where, who is left out and why, the
empty places, the couples split, what changed; publishing is confirmed; a published run is
withdrawn until its first term begins."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from openpyxl import load_workbook

from counterpart.accounts.services import api_token_create
from counterpart.talent import services
from counterpart.talent.choices import MatchRunStatus, PostStatus
from counterpart.talent.models import Placement
from counterpart.talent.selectors.review import (
    COUPLE,
    NO_POST,
    OUTRANKED,
    UNPLACED,
    run_changes,
    run_review,
)
from counterpart.talent.views import runs as run_views
from tests import factories as f
from tests.talent.fixtures import post, professional

TODAY = datetime.date(2030, 1, 1)


def rank(who, *posts):
    services.preferences_set(actor=f.system(), professional=who, posts=list(posts))


def run_now(office):
    return services.match_run_create(actor=office, today=TODAY)


def test_each_list_names_the_people(world, talent):
    office = world.user("office")
    nobody_ranked = professional(world, world.beijing, "Zhou Test")  # noqa: F841  ranks nothing
    rank(talent.yu, talent.paediatrics)
    rank(talent.li, talent.paediatrics)  # Yu signed up first: Li is outranked
    run = run_now(office)
    review = run_review(run)
    assert [(p, q) for p, q, _n in review.placed] == [(talent.yu.pk, talent.paediatrics.pk)]
    why = dict(review.unplaced)
    assert why[talent.li.pk] == OUTRANKED
    assert talent.wang.pk not in why  # ranked nothing: not among this round's applicants
    assert ("Kashgar Prefecture", "Language teaching", 2) in review.empty


def test_a_couple_left_apart_is_listed_and_explained(world, talent):
    office = world.user("office")
    second = post(talent.school, "Second teacher", specialty="paediatrics")
    services.couple_create(actor=f.system(), first=talent.yu, second=talent.li)
    rank(talent.yu, talent.paediatrics)
    rank(talent.li, second)  # Shufu and Hotan City: never one place
    review = run_review(run_now(office))
    assert dict(review.unplaced) == {talent.yu.pk: COUPLE, talent.li.pk: COUPLE}
    assert [row[-1] for row in review.couples] == [UNPLACED]  # both out, and why: above


def test_what_changed_since_the_run_before(world, talent):
    office = world.user("office")
    rank(talent.yu, talent.paediatrics)
    first = run_now(office)
    rank(talent.li, talent.paediatrics)
    rank(talent.yu, talent.teaching)  # a post for language teachers: Yu is not taken
    second = run_now(office)
    assert run_changes(second, first) == sorted(
        [(talent.yu.pk, talent.paediatrics.pk, None), (talent.li.pk, None, talent.paediatrics.pk)]
    )


def test_the_review_page_filters_pages_and_downloads(client, world, talent):
    office = world.user("office")
    rank(talent.yu, talent.paediatrics)
    rank(talent.li, talent.paediatrics)
    run = run_now(office)
    client.force_login(office)
    page = client.get(f"/talent/runs/{run.pk}/")
    assert page.context["pages"]["placed"].paginator.count == 1
    assert page.context["label"][talent.yu.pk] == "Yu Test"
    none_here = client.get(f"/talent/runs/{run.pk}/?specialty=cardiology")
    assert none_here.context["pages"]["placed"].paginator.count == 0
    sheet = client.get(f"/talent/runs/{run.pk}/?download=unplaced&format=xlsx")
    rows = list(load_workbook(io.BytesIO(sheet.content)).active.values)
    assert rows[1][0] == "Li Test" and "ranked higher" in rows[1][1]
    csv = client.get(f"/talent/runs/{run.pk}/?download=placed").content.decode()
    assert "Yu Test" in csv and "Hotan Prefecture" in csv
    client.force_login(world.user("auditor"))  # reads it, applicants by number as for others
    assert client.get(f"/talent/runs/{run.pk}/").status_code == 200
    assert client.get(f"/talent/runs/{run.pk}/publish/").status_code == 403


def test_a_published_run_is_withdrawn_until_its_first_term_begins(client, world, talent):
    office = world.user("office")
    rank(talent.yu, talent.paediatrics)
    run = run_now(office)
    services.match_run_publish(actor=office, run=run, expected_version=run.version)
    run.refresh_from_db()
    talent.paediatrics.refresh_from_db()
    assert talent.paediatrics.status == PostStatus.CLOSED
    with pytest.raises(ValidationError, match="Say why"):
        services.match_run_withdraw(actor=office, run=run, expected_version=run.version, reason="")
    client.force_login(world.user("auditor"))
    client.post(
        f"/talent/runs/{run.pk}/", {"action": "withdraw", "version": run.version, "reason": "x"}
    )
    run.refresh_from_db()
    assert run.status == MatchRunStatus.PUBLISHED
    services.match_run_withdraw(
        actor=office, run=run, expected_version=run.version, reason="wrong term dates"
    )
    run.refresh_from_db()
    talent.paediatrics.refresh_from_db()
    assert run.status == MatchRunStatus.PROPOSED
    assert talent.paediatrics.status == PostStatus.OPEN
    assert Placement.objects.get().withdrawn
    services.match_run_publish(actor=office, run=run, expected_version=run.version)
    placement = Placement.objects.get(withdrawn=False)
    Placement.objects.filter(pk=placement.pk).update(start_date=datetime.date(2020, 1, 1))
    run.refresh_from_db()
    with pytest.raises(ValidationError, match="began"):
        services.match_run_withdraw(actor=office, run=run, expected_version=run.version, reason="x")


def test_a_professional_who_ranked_nothing_open_is_told_so(world, talent):
    office = world.user("office")
    rank(talent.yu, talent.paediatrics)
    rank(talent.li, talent.teaching)
    run = run_now(office)
    run.inputs["applicant_prefs"][run.inputs["professionals"].index(talent.li.pk)] = []
    run.result = [pair for pair in run.result if pair[0] != talent.li.pk]
    assert dict(run_review(run).unplaced)[talent.li.pk] == NO_POST


def test_the_review_and_the_withdrawal_through_the_api(client, world, talent):
    office = world.user("office")
    rank(talent.yu, talent.paediatrics)
    rank(talent.li, talent.paediatrics)
    run = run_now(office)
    _token, raw = api_token_create(actor=office, name="t")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    unplaced = client.get(f"/api/match-runs/{run.pk}/lists/unplaced", **auth).json()
    assert unplaced["count"] == 1 and unplaced["items"][0]["why"] == OUTRANKED
    assert client.get(f"/api/match-runs/{run.pk}/lists/nonsense", **auth).status_code == 422
    preview = client.get(f"/api/match-runs/{run.pk}/preview", **auth).json()
    assert preview["placements"] == 1 and preview["posts_closing"] == [talent.paediatrics.pk]
    client.post(
        f"/api/match-runs/{run.pk}/publish",
        {"version": run.version},
        content_type="application/json",
        **auth,
    )
    run.refresh_from_db()
    answer = client.post(
        f"/api/match-runs/{run.pk}/withdraw",
        {"version": run.version, "reason": "dates"},
        content_type="application/json",
        **auth,
    )
    assert answer.status_code == 200 and answer.json()["status"] == "proposed"


def test_a_long_list_is_made_on_the_queue_and_handed_to_its_starter(
    client, world, talent, settings, tmp_path, monkeypatch
):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(run_views, "EXPORT_ON_QUEUE_ROWS", 0)
    office = world.user("office")
    rank(talent.yu, talent.paediatrics)
    run = run_now(office)
    client.force_login(office)
    answer = client.get(f"/talent/runs/{run.pk}/?download=placed")
    assert answer.status_code == 302 and answer["Location"].startswith("/jobs/")
    job_page = answer["Location"]
    call_command("worker", "--once")
    assert "Download run-" in client.get(job_page).content.decode()
    made = client.get(job_page + "file/")
    assert b"Yu Test" in b"".join(made.streaming_content)
    client.force_login(world.user("auditor"))  # someone else's job: not even found
    assert client.get(job_page + "file/").status_code == 404


def test_a_couple_and_what_still_blocks_are_shown_when_no_matching_is_stable(client, world, talent):
    """Roth's example in the shape of the programme: two posts of one hospital, a couple who
    want both, and a single whom each post ranks on the other side of one partner. Whatever
    the run does, someone would rather have a post that would take them; the review says who."""
    office = world.user("office")
    first, second = talent.paediatrics, post(talent.hospital, "Second paediatrician")
    services.couple_create(actor=f.system(), first=talent.yu, second=talent.li)
    rank(talent.yu, first)
    rank(talent.li, second)
    rank(talent.wang, second, first)
    for chosen, order in ((first, [talent.wang, talent.yu]), (second, [talent.li, talent.wang])):
        chosen.refresh_from_db()
        services.post_ranking_set(
            actor=f.system(),
            post=chosen,
            expected_version=chosen.version,
            professional_ids=[p.pk for p in order],
        )
    run = run_now(office)
    review = run_review(run)
    assert run.statistics["stable"] is False
    assert run.statistics["blocking_pairs"] == len(run.blocking) == len(review.blocking) > 0
    placed = dict(map(tuple, run.result))
    if placed.get(talent.yu.pk):  # the couple holds both: Wang would rather have the first
        assert review.blocking == [(talent.wang.pk, first.pk, None, None)]
        assert review.couples == [(talent.yu.pk, first.pk, talent.li.pk, second.pk, "together")]
    else:  # Wang holds one: the couple would rather have both
        assert review.blocking == [(talent.yu.pk, first.pk, talent.li.pk, second.pk)]
        assert review.couples == [(talent.yu.pk, None, talent.li.pk, None, UNPLACED)]
    client.force_login(office)
    page = client.get(f"/talent/runs/{run.pk}/").content.decode()
    assert "What still blocks" in page and "Wang Test" in page and "Second paediatrician" in page
    csv = client.get(f"/talent/runs/{run.pk}/?download=blocking").content.decode()
    assert "Wang Test" in csv.splitlines()[1] or "Yu Test" in csv.splitlines()[1]
    token = api_token_create(actor=office, name="review")[1]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    rows = client.get(f"/api/match-runs/{run.pk}/lists/blocking", **auth).json()["items"]
    assert [(r["professional_id"], r["post_id"]) for r in rows] == [review.blocking[0][:2]]
    couples = client.get(f"/api/match-runs/{run.pk}/lists/couples", **auth).json()["items"]
    assert [r["outcome"] for r in couples] == [review.couples[0][-1]]
