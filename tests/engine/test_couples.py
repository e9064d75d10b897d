"""Couples who must serve in one place: placed together or not at all, and what stays unstable is
reported."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counterpart.engine.couples import joint_preferences, stable_match_couples
from counterpart.engine.matching import stable_match
from tests.engine.couples_reference import reference_match_couples
from tests.engine.test_matching import instances, naive_blocking_pairs


def naive_couple_blocking(post_prefs, capacity, couples, couple_prefs, matched) -> list:
    """(couple, pair) for every pair a couple would rather have whose posts would each take its
    partner: a free place or someone ranked below (two places when the pair names one post
    twice), neither partner's own place counted. Straight from the definition."""
    found = []
    for c, (a, b) in enumerate(couples):
        for pair in couple_prefs[c]:
            if tuple(pair) == (matched[a], matched[b]):
                break
            if _would_take(post_prefs, capacity, matched, pair, (a, b)):
                found.append((c, tuple(pair)))
    return found


def _would_take(post_prefs, capacity, matched, pair, members) -> bool:
    for post in set(pair):
        newcomers = [m for m, p in zip(members, pair, strict=True) if p == post]
        ranks = post_prefs[post]
        if any(m not in ranks for m in newcomers):
            return False
        others = [i for i, p in enumerate(matched) if p == post and i not in members]
        below = [i for i in others if ranks.index(i) > max(ranks.index(m) for m in newcomers)]
        if capacity[post] - len(others) + len(below) < len(newcomers):
            return False
    return True


@settings(max_examples=200, deadline=None)
@given(instances())
def test_without_couples_it_is_the_applicant_optimal_matching(instance):
    result = stable_match_couples(*instance, couples=[], place_of_post=[0] * len(instance[1]))
    np.testing.assert_array_equal(result.matched, stable_match(*instance))
    assert result.stable


@st.composite
def instances_with_couples(draw):
    applicant_prefs, post_prefs, capacity = draw(instances(max_applicants=10, max_posts=6))
    n = len(applicant_prefs)
    members = draw(st.permutations(range(n)))
    n_couples = draw(st.integers(0, n // 2))
    couples = [(members[2 * c], members[2 * c + 1]) for c in range(n_couples)]
    places = [draw(st.integers(0, 2)) for _ in post_prefs]
    return applicant_prefs, post_prefs, capacity, couples, places


@settings(max_examples=300, deadline=None)
@given(instances_with_couples())
def test_couples_are_placed_together_and_anything_unstable_is_reported(case):
    applicant_prefs, post_prefs, capacity, couples, places = case
    result = stable_match_couples(
        applicant_prefs, post_prefs, capacity, couples, place_of_post=places
    )
    matched = result.matched.tolist()
    for i, j in enumerate(matched):  # a matching: mutual, within places
        if j >= 0:
            assert j in applicant_prefs[i] and i in post_prefs[j]
    for j, places_j in enumerate(capacity):
        assert matched.count(j) <= places_j
    for a, b in couples:
        assert (matched[a] < 0) == (matched[b] < 0)
        if matched[a] >= 0:
            assert places[matched[a]] == places[matched[b]]
            joint = joint_preferences(applicant_prefs[a], applicant_prefs[b], places)
            assert (matched[a], matched[b]) in joint
    # Every single and every couple that would rather have something that would take them.
    in_couples = {m for pair in couples for m in pair}
    singles_blocking = {
        (i, j)
        for i, j in naive_blocking_pairs(applicant_prefs, post_prefs, capacity, matched)
        if i not in in_couples
    }
    assert sorted(singles_blocking) == sorted(result.blocking)
    joint = [joint_preferences(applicant_prefs[a], applicant_prefs[b], places) for a, b in couples]
    assert naive_couple_blocking(post_prefs, capacity, couples, joint, matched) == (
        result.couple_blocking
    )
    if not couples:
        assert result.stable


@st.composite
def explicit_couples(draw):
    """Instances whose couples rank any pairs of posts, one post twice included."""
    applicant_prefs, post_prefs, capacity = draw(instances(max_applicants=12, max_posts=5))
    n, n_posts = len(applicant_prefs), len(post_prefs)
    members = draw(st.permutations(range(n)))
    couples = [(members[2 * c], members[2 * c + 1]) for c in range(draw(st.integers(0, n // 2)))]
    every_pair = [(a, b) for a in range(n_posts) for b in range(n_posts)]
    couple_prefs = [
        draw(st.permutations(every_pair).map(lambda p: p[: draw(st.integers(0, 10))]))
        for _ in couples
    ]
    limits = {
        "max_rounds": draw(st.sampled_from([0, 1, 3, 50])),
        "patience": draw(st.integers(1, 4)),
    }
    return applicant_prefs, post_prefs, capacity, couples, couple_prefs, limits


@settings(max_examples=400, deadline=None)
@given(explicit_couples())
def test_the_compiled_engine_does_what_the_reference_does(case):
    applicant_prefs, post_prefs, capacity, couples, couple_prefs, limits = case
    mine = stable_match_couples(
        applicant_prefs, post_prefs, capacity, couples, couple_prefs=couple_prefs, **limits
    )
    reference = reference_match_couples(
        applicant_prefs, post_prefs, capacity, couples, couple_prefs, **limits
    )
    assert mine.matched.tolist() == reference.matched.tolist()
    assert mine.blocking == reference.blocking
    assert mine.couple_blocking == reference.couple_blocking
    assert mine.rounds == reference.rounds
    assert (
        naive_couple_blocking(post_prefs, capacity, couples, couple_prefs, mine.matched.tolist())
        == mine.couple_blocking
    )


def test_a_couple_gets_two_posts_in_one_city_over_better_posts_apart():
    # Posts 0 and 1 are in city A, posts 2 and 3 in city B. She likes 0 then 2; he likes 3 then 1.
    applicant_prefs = [[0, 2], [3, 1], [2]]
    post_prefs = [[0], [1], [2, 0], [1]]
    result = stable_match_couples(
        applicant_prefs, post_prefs, [1, 1, 1, 1], couples=[(0, 1)], place_of_post=[0, 0, 1, 1]
    )
    # Together in A (0, 1) ranks 0 + 1; together in B (2, 3) ranks 1 + 0: a tie broken by the
    # worse of the two ranks, then by her rank, so A. The single gets post 2.
    assert result.matched.tolist() == [0, 1, 2]
    assert result.stable


def test_a_couple_displaced_by_a_better_single_moves_on_together():
    applicant_prefs = [[0, 2], [1, 3], [0]]
    post_prefs = [[2, 0], [1], [0], [1]]  # post 0 prefers the single
    result = stable_match_couples(
        applicant_prefs, post_prefs, [1, 1, 1, 1], couples=[(0, 1)], place_of_post=[0, 0, 1, 1]
    )
    assert result.matched.tolist() == [2, 3, 0]
    assert result.stable


def test_an_instance_with_no_stable_matching_ends_and_reports_it():
    """A couple and a single over two posts in one city with one place each, whose rankings
    admit no stable matching (Roth's example, in the shape of this programme)."""
    # Couple (0, 1) wants posts (0, 1) only; single 2 ranks post 1 then post 0.
    # Post 0 ranks 2 above 0; post 1 ranks 1 above 2.
    applicant_prefs = [[0], [1], [1, 0]]
    post_prefs = [[2, 0], [1, 2]]
    result = stable_match_couples(
        applicant_prefs, post_prefs, [1, 1], couples=[(0, 1)], couple_prefs=[[(0, 1)]]
    )
    # Either the couple holds both posts and the single blocks with post 0 (it ranks 2 above 0),
    # or the single holds a post and the couple blocks (post 1 prefers 1; post 0 then is empty).
    assert not result.stable
    assert result.blocking or result.couple_blocking


@pytest.mark.parametrize(
    ("couples", "kwargs", "message"),
    [
        ([(0, 0)], {"place_of_post": [0]}, r"couples\[0\]: a couple is two different"),
        ([(0, 5)], {"place_of_post": [0]}, r"couples\[0\]\[1\]: applicant 5 is out of range"),
        ([(0, 1), (1, 2)], {"place_of_post": [0]}, r"couples\[1\]\[0\]: applicant 1 is already"),
        ([(0, 1)], {}, r"couple_prefs: give the couples' lists"),
        ([(0, 1)], {"couple_prefs": [[(0, 0), (0, 0)]]}, r"couple_prefs\[0\]\[1\]: .* twice"),
        ([(0, 1)], {"couple_prefs": [[(0, 9)]]}, r"couple_prefs\[0\]\[0\]: .* not a pair"),
    ],
)
def test_bad_couples_input_names_the_list_and_position(couples, kwargs, message):
    with pytest.raises(ValueError, match=message):
        stable_match_couples([[0], [0], [0]], [[0, 1, 2]], [2], couples, **kwargs)
