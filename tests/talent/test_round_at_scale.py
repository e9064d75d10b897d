"""A generated round of 5,000 professionals and their couples, made through the services, run and
published: terms start on many days, each new term takes over from the place that came free as
the one-by-one rule says, filled posts close with an event each, and the audit chain holds."""

import datetime
import random
from collections import defaultdict

from counterpart.audit.models import AuditEvent
from counterpart.audit.services import audit_chain_check
from counterpart.engine.terms import term_end, term_start
from counterpart.talent import services
from counterpart.talent.choices import PostStatus
from counterpart.talent.models import Placement, Post
from tests import factories as f
from tests.talent.fixtures import START, post, professional

TODAY = datetime.date(2030, 6, 1)
PEOPLE, POSTS, COUPLES = 5_000, 600, 60


def one_by_one(placements, before):
    """The hand-over rule applied to one new placement at a time, in order of start and post:
    the earliest-ending free term of its post that ended before it begins."""
    free = defaultdict(list)
    for pk, post_id, end in before:
        free[post_id].append((end, pk))
    chosen = {}
    for placement in sorted(placements, key=lambda p: (p.start_date, p.post_id)):
        ends = sorted(e for e in free[placement.post_id] if e[0] < placement.start_date)
        if ends:
            free[placement.post_id].remove(ends[0])
            chosen[placement.pk] = ends[0][1]
        free[placement.post_id].append((placement.end_date, placement.pk))
    return chosen


def test_a_round_of_5000_is_published_with_staggered_starts(world):
    rng = random.Random(2030)
    office, system = world.user("office"), f.system()
    hospitals = [
        f.OrganizationFactory(region_=region, kind="hospital", name=f"Hospital {n}")
        for n, region in enumerate([world.hotan_city, world.shufu] * 3)
    ]
    posts = [
        post(
            rng.choice(hospitals),
            f"Post {n}",
            places=rng.randint(1, 12),
            start_date=START + datetime.timedelta(days=rng.choice([0, 31, 61, 92])),
        )
        for n in range(POSTS)
    ]
    earlier = [  # terms now serving on some posts: their places come free during the round
        services.placement_create(
            actor=office,
            professional=professional(world, world.beijing, f"Serving {n}"),
            post=chosen,
            start_date=TODAY - datetime.timedelta(days=300 + n % 90),
        )
        for n, chosen in enumerate(rng.sample(posts, 150))
    ]
    people = [
        professional(
            world,
            world.beijing,
            f"Applicant {n}",
            available_from=START + datetime.timedelta(days=rng.randint(-30, 150)),
        )
        for n in range(PEOPLE)
    ]
    for person in people:
        services.preferences_set(actor=system, professional=person, posts=rng.sample(posts, 8))
    for n in range(COUPLES):
        services.couple_create(actor=system, first=people[2 * n], second=people[2 * n + 1])
    before = list(
        Placement.objects.filter(withdrawn=False, successor__isnull=True).values_list(
            "pk", "post_id", "end_date"
        )
    )
    run = services.match_run_create(actor=office, today=TODAY)
    assert run.statistics["professionals"] == PEOPLE and run.statistics["couples"] == COUPLES
    placements = services.match_run_publish(actor=office, run=run, expected_version=run.version)

    assert len(placements) == len(run.result) == run.statistics["placed"] > 3_000
    saved = {p.pk: p for p in Placement.objects.filter(match_run=run).select_related("post")}
    available = {p.pk: p.available_from for p in people}
    for placement in saved.values():
        start = term_start(placement.post.start_date, available[placement.professional_id], TODAY)
        assert placement.start_date == start
        assert placement.end_date == term_end(start, placement.post.term_months)
    assert len({p.start_date for p in saved.values()}) > 30  # staggered
    handed_over = {p.pk: p.predecessor_id for p in saved.values() if p.predecessor_id}
    assert handed_over == one_by_one(list(saved.values()), before)
    assert {e.pk for e in earlier} & set(handed_over.values())  # the serving hand over
    filled = Post.objects.filter(status=PostStatus.CLOSED)
    assert filled.exists()
    closed_events = AuditEvent.objects.filter(event_type="post.filled")
    assert sorted(int(e.object_id) for e in closed_events) == sorted(p.pk for p in filled)
    assert all(e.after["match_run"] == run.pk for e in closed_events)
    assert audit_chain_check(actor=office).intact
