"""The stable-matching engine: stability, optimality, the rural-hospitals theorem, equality with
the reference package, CSR input, and the errors bad input gets."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counterpart.engine.matching import as_csr, blocking_pairs, stable_match
from tests.engine.reference import mutual_instance, solve_with_matching


@st.composite
def instances(draw, max_applicants=9, max_posts=6):
    """Random lists on both sides (not always mutual), and places from 0 to 3 per post."""
    n_applicants = draw(st.integers(0, max_applicants))
    n_posts = draw(st.integers(0, max_posts))
    posts = list(range(n_posts))
    applicants = list(range(n_applicants))
    applicant_prefs = [
        draw(st.permutations(posts).map(lambda p: p[: draw(st.integers(0, len(p)))]))
        for _ in applicants
    ]
    post_prefs = [
        draw(st.permutations(applicants).map(lambda a: a[: draw(st.integers(0, len(a)))]))
        for _ in posts
    ]
    capacity = [draw(st.integers(0, 3)) for _ in posts]
    return applicant_prefs, post_prefs, capacity


def mutually_acceptable(applicant_prefs, post_prefs, i, j) -> bool:
    return j in applicant_prefs[i] and i in post_prefs[j]


def naive_blocking_pairs(applicant_prefs, post_prefs, capacity, matched) -> set:
    """Straight from the definition, to check the engine with something that is not the engine."""
    holders = {j: [i for i, m in enumerate(matched) if m == j] for j in range(len(post_prefs))}
    blocking = set()
    for i, posts in enumerate(applicant_prefs):
        for j in posts:
            if matched[i] == j:
                break
            if not mutually_acceptable(applicant_prefs, post_prefs, i, j) or capacity[j] == 0:
                continue
            ranks = post_prefs[j]
            if len(holders[j]) < capacity[j] or any(
                ranks.index(i) < ranks.index(h) for h in holders[j]
            ):
                blocking.add((i, j))
    return blocking


def assert_is_a_matching(applicant_prefs, post_prefs, capacity, matched):
    for i, j in enumerate(matched):
        if j >= 0:
            assert mutually_acceptable(applicant_prefs, post_prefs, i, j)
    for j, places in enumerate(capacity):
        assert sum(1 for m in matched if m == j) <= places


@settings(max_examples=300, deadline=None)
@given(instances())
def test_both_optimal_matchings_are_stable(instance):
    for optimal in ("applicant", "post"):
        matched = stable_match(*instance, optimal=optimal).tolist()
        assert_is_a_matching(*instance, matched)
        assert naive_blocking_pairs(*instance, matched) == set()
        assert blocking_pairs(*instance, matched).shape == (0, 2)


def rank(prefs, j):
    return prefs.index(j) if j >= 0 else len(prefs)


@settings(max_examples=300, deadline=None)
@given(instances())
def test_every_applicant_weakly_prefers_the_applicant_optimal_matching(instance):
    applicant_prefs = instance[0]
    mine = stable_match(*instance)
    theirs = stable_match(*instance, optimal="post")
    for i, prefs in enumerate(applicant_prefs):
        assert rank(prefs, mine[i]) <= rank(prefs, theirs[i])


@settings(max_examples=300, deadline=None)
@given(instances())
def test_the_rural_hospitals_theorem_holds(instance):
    """Every stable matching places the same applicants and fills each post alike; a post with
    places left over gets the very same applicants in each."""
    _, _, capacity = instance
    mine = stable_match(*instance)
    theirs = stable_match(*instance, optimal="post")
    assert set(np.flatnonzero(mine >= 0)) == set(np.flatnonzero(theirs >= 0))
    for j, places in enumerate(capacity):
        held_mine = set(np.flatnonzero(mine == j))
        held_theirs = set(np.flatnonzero(theirs == j))
        assert len(held_mine) == len(held_theirs)
        if len(held_mine) < places:
            assert held_mine == held_theirs


@settings(max_examples=150, deadline=None)
@given(instances(max_applicants=12, max_posts=6), st.sampled_from(["applicant", "post"]))
def test_equals_the_reference_package(instance, optimal):
    reference = solve_with_matching(mutual_instance(*instance), len(instance[0]), optimal)
    np.testing.assert_array_equal(stable_match(*instance, optimal=optimal), reference)


def test_equals_the_reference_on_a_larger_random_round():
    rng = np.random.default_rng(2010)
    n_applicants, n_posts = 600, 60
    applicant_prefs = [rng.choice(n_posts, 10, replace=False).tolist() for _ in range(n_applicants)]
    listed = [[] for _ in range(n_posts)]
    for i, posts in enumerate(applicant_prefs):
        for j in posts:
            listed[j].append(i)
    post_prefs = [rng.permutation(a).tolist() for a in listed]
    capacity = rng.integers(5, 15, n_posts).tolist()
    instance = mutual_instance(applicant_prefs, post_prefs, capacity)
    for optimal in ("applicant", "post"):
        mine = stable_match(applicant_prefs, post_prefs, capacity, optimal=optimal)
        np.testing.assert_array_equal(mine, solve_with_matching(instance, n_applicants, optimal))


def test_csr_input_gives_what_lists_give():
    applicant_prefs = [[0, 1], [1, 0], [0], []]
    post_prefs = [[1, 0, 2, 3], [0, 1]]
    csr_a = tuple(np.asarray(a) for a in as_csr(applicant_prefs, "a"))
    csr_p = (np.array([0, 4, 6], dtype=np.int32), np.array([1, 0, 2, 3, 0, 1], dtype=np.int64))
    for optimal in ("applicant", "post"):
        np.testing.assert_array_equal(
            stable_match(csr_a, csr_p, np.array([1, 1]), optimal=optimal),
            stable_match(applicant_prefs, post_prefs, [1, 1], optimal=optimal),
        )


def test_the_small_example_by_hand():
    # Applicant 0 prefers post 0, applicant 1 prefers post 1; the posts would rather swap.
    applicant_prefs = [[0, 1], [1, 0], [0]]
    post_prefs = [[1, 0, 2], [0, 1]]
    assert stable_match(applicant_prefs, post_prefs, [1, 1]).tolist() == [0, 1, -1]
    assert stable_match(applicant_prefs, post_prefs, [1, 1], optimal="post").tolist() == [1, 0, -1]
    # Two places at post 0 and none at post 1: post 0 takes 1 and 0, whom it ranks above 2.
    assert stable_match(applicant_prefs, post_prefs, [2, 0]).tolist() == [0, 0, -1]


def test_blocking_pairs_are_found_in_an_unstable_matching():
    applicant_prefs = [[0, 1], [1, 0], [0]]
    post_prefs = [[1, 0, 2], [0, 1]]
    # Applicant 2 at post 0 while applicant 0, whom post 0 ranks higher, wants it: blocking.
    pairs = blocking_pairs(applicant_prefs, post_prefs, [1, 1], [-1, 1, 0])
    assert pairs.tolist() == [[0, 0], [0, 1]]


@pytest.mark.parametrize(
    ("applicant_prefs", "post_prefs", "capacity", "message"),
    [
        ([[0, 5]], [[0]], [1], r"applicant_prefs\[0\]\[1\]: post 5 is out of range"),
        ([[0], [0, 0]], [[0, 1]], [1], r"applicant_prefs\[1\]\[1\]: post 0 is listed twice"),
        ([[0]], [[0, -1]], [1], r"post_prefs\[0\]\[1\]: applicant -1 is out of range"),
        ([[0]], [[0, 0]], [1], r"post_prefs\[0\]\[1\]: applicant 0 is listed twice"),
        ([[0]], [[0], []], [1, -2], r"capacity\[1\]: -2 places is negative"),
        ([[0]], [[0]], [1, 1], r"capacity: 2 values for 1 posts"),
        ([[0, "x"]], [[0]], [1], r"applicant_prefs\[0\]\[1\]: 'x' is not an index"),
    ],
)
def test_bad_input_names_the_list_and_position(applicant_prefs, post_prefs, capacity, message):
    with pytest.raises(ValueError, match=message):
        stable_match(applicant_prefs, post_prefs, capacity)


def test_unknown_side_and_broken_matchings_are_refused():
    with pytest.raises(ValueError, match="optimal"):
        stable_match([[0]], [[0]], [1], optimal="hospital")
    with pytest.raises(ValueError, match="do not both list each other"):
        blocking_pairs([[0], []], [[0]], [1], [0, 0])
    with pytest.raises(ValueError, match="more applicants than its capacity"):
        blocking_pairs([[0], [0]], [[0, 1]], [1], [0, 0])
