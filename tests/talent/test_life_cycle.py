"""The talent life cycle in any order (Hypothesis, through the services): posts of several places
starting on different days, professionals available from different days, couples, runs made,
published, withdrawn and made again, placements withdrawn, terms extended and handed over, the
clock moving on. After every step: no error but a refusal, the chains of terms have no cycle
and stay on one post, a term has one successor at most, no place holds two terms at once (but
for a hand-over), no one serves two terms at once, and a withdrawn run reopens exactly the posts
it had filled."""

import contextlib
import datetime

import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from counterpart.talent import services
from counterpart.talent.choices import MatchRunStatus, PostStatus
from counterpart.talent.models import MatchRun, Placement, Post
from counterpart.talent.selectors import free_places
from tests.talent.fixtures import post, professional

REFUSALS = (ValidationError, PermissionDenied)
FIRST_DAY = datetime.date(2030, 1, 2)


class LifeCycle(RuleBasedStateMachine):
    world = None  # set by the test, which holds the database

    def __init__(self):
        super().__init__()
        self.savepoint = transaction.atomic()
        self.savepoint.__enter__()  # each example rolls back to the world as it was
        self.today = FIRST_DAY
        self.clock = time_machine.travel(
            datetime.datetime.combine(FIRST_DAY, datetime.time(12)), tick=False
        )
        self.clock.start()
        self.office = self.world.user("office")
        self.hospital = self.world.talent.hospital
        self.posts: list[Post] = []
        self.people = []

    def teardown(self):
        self.clock.stop()
        transaction.set_rollback(True)
        self.savepoint.__exit__(None, None, None)

    @rule(
        places=st.integers(1, 3),
        starts_in=st.integers(0, 200),
        term=st.sampled_from([6, 12, 18]),
    )
    def post_a_need(self, places, starts_in, term):
        made = post(
            self.hospital,
            f"Paediatrician {len(self.posts)}",
            places=places,
            term_months=term,
            start_date=self.today + datetime.timedelta(days=starts_in),
        )
        self.posts.append(made)

    @rule(available_in=st.integers(0, 300), data=st.data())
    def register_and_rank(self, available_in, data):
        person = professional(
            self.world,
            self.world.talent.beijing_hospital,
            f"Doctor {len(self.people)}",
            available_from=self.today + datetime.timedelta(days=available_in),
        )
        self.people.append(person)
        open_posts = [p for p in self.posts if _fresh(p).status == PostStatus.OPEN]
        if open_posts:
            ranked = data.draw(
                st.lists(st.sampled_from(open_posts), unique=True, min_size=1, max_size=4)
            )
            services.preferences_set(actor=self.office, professional=person, posts=ranked)

    @precondition(lambda self: len(self.people) >= 2)
    @rule(data=st.data())
    def pair_a_couple(self, data):
        first, second = data.draw(
            st.lists(st.sampled_from(self.people), min_size=2, max_size=2, unique=True)
        )
        with contextlib.suppress(*REFUSALS):  # already in a couple
            services.couple_create(actor=self.office, first=first, second=second)

    @rule()
    def match_and_publish(self):
        run = services.match_run_create(actor=self.office, today=self.today)
        closed_before = _statuses(self.posts)
        try:
            services.match_run_publish(actor=self.office, run=run, expected_version=run.version)
        except REFUSALS:
            return
        run.refresh_from_db()
        placed_posts = {post_id for _professional, post_id in run.result}
        changed = {
            pk for pk, status in _statuses(self.posts).items() if status != closed_before[pk]
        }
        assert changed <= placed_posts  # a run closes only posts it filled

    @precondition(lambda self: MatchRun.objects.filter(status=MatchRunStatus.PUBLISHED).exists())
    @rule(data=st.data())
    def withdraw_a_run(self, data):
        runs = list(MatchRun.objects.filter(status=MatchRunStatus.PUBLISHED).order_by("pk"))
        run = data.draw(st.sampled_from(runs))
        filled = set(run.placements.filter(withdrawn=False).values_list("post_id", flat=True))
        before = _statuses(self.posts)
        try:
            services.match_run_withdraw(
                actor=self.office, run=run, expected_version=run.version, reason="Replanned."
            )
        except REFUSALS:
            return
        after = _statuses(self.posts)
        reopened = {pk for pk in after if before[pk] != after[pk]}
        expected = {pk for pk in filled if before[pk] == PostStatus.CLOSED}
        assert reopened == {pk for pk in expected if _free_places(pk) > 0}
        assert all(after[pk] == PostStatus.OPEN for pk in reopened)

    @precondition(lambda self: Placement.objects.filter(withdrawn=False).exists())
    @rule(data=st.data())
    def withdraw_a_placement(self, data):
        placement = data.draw(st.sampled_from(_live_placements()))
        with contextlib.suppress(*REFUSALS):  # a term that has ended
            services.placement_withdraw(
                actor=self.office,
                placement=placement,
                expected_version=placement.version,
                reason="Family matters.",
            )

    @precondition(lambda self: Placement.objects.filter(withdrawn=False).exists())
    @rule(data=st.data(), months=st.integers(1, 6), approve=st.booleans())
    def extend_a_term(self, data, months, approve):
        placement = data.draw(st.sampled_from(_live_placements()))
        with contextlib.suppress(*REFUSALS):  # ended, withdrawn, or too long
            asked = services.extension_request(
                actor=self.office,
                placement=placement,
                new_end_date=placement.end_date + datetime.timedelta(days=30 * months),
                reason="The pupils' exams.",
            )
            services.extension_decide(actor=self.office, extension=asked, approve=approve)

    @rule(days=st.integers(1, 500))
    def time_passes(self, days):
        self.today += datetime.timedelta(days=days)
        self.clock.stop()
        self.clock = time_machine.travel(
            datetime.datetime.combine(self.today, datetime.time(12)), tick=False
        )
        self.clock.start()

    @invariant()
    def chains_have_no_cycle_and_one_successor(self):
        placements = {p.pk: p for p in Placement.objects.all()}
        successors = {}
        for placement in placements.values():
            seen, link = set(), placement
            while link.predecessor_id is not None:
                assert link.pk not in seen, f"a cycle through {link.pk}"
                seen.add(link.pk)
                before = placements[link.predecessor_id]
                assert before.post_id == link.post_id
                link = before
            if placement.predecessor_id and not placement.withdrawn:
                successors.setdefault(placement.predecessor_id, []).append(placement.pk)
                assert not placements[placement.predecessor_id].withdrawn
        assert all(len(found) == 1 for found in successors.values()), successors

    @invariant()
    def no_place_holds_two_terms_and_no_one_serves_twice(self):
        live = list(Placement.objects.filter(withdrawn=False))
        handed_over = {(p.predecessor_id, p.pk) for p in live if p.predecessor_id}
        for first in live:
            for second in live:
                if first.pk >= second.pk:
                    continue
                overlap = (
                    first.start_date <= second.end_date and second.start_date <= first.end_date
                )
                if overlap and first.professional_id == second.professional_id:
                    raise AssertionError(f"{first.professional} serves two terms at once")
        for post_id in {p.post_id for p in live}:
            places = Post.objects.get(pk=post_id).places
            terms = [p for p in live if p.post_id == post_id]
            for day in {p.start_date for p in terms}:
                serving = [p for p in terms if p.start_date <= day <= p.end_date]
                # a hand-over: the successor began while its predecessor still served
                overlaps = sum(1 for a in serving for b in serving if (a.pk, b.pk) in handed_over)
                assert len(serving) - overlaps <= places, (post_id, day, serving)


def _fresh(found: Post) -> Post:
    return Post.objects.get(pk=found.pk)


def _statuses(posts) -> dict:
    return dict(Post.objects.filter(pk__in=[p.pk for p in posts]).values_list("pk", "status"))


def _free_places(post_id: int) -> int:
    found = Post.objects.get(pk=post_id)
    return free_places([found])[post_id]


def _live_placements() -> list[Placement]:
    return list(Placement.objects.filter(withdrawn=False).order_by("pk"))


def test_the_talent_life_cycle_holds_in_any_order(world, talent):
    world.talent = talent
    LifeCycle.world = world
    run_state_machine_as_test(
        LifeCycle,
        settings=settings(
            max_examples=30,
            stateful_step_count=40,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
