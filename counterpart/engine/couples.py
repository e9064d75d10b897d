"""Stable matching with couples who must serve in one place, in the spirit of Roth–Peranson.

Singles propose down their lists as in deferred acceptance. A couple proposes down a joint list
of pairs of posts (one for each partner), and holds a pair only if both posts take them. When a
post turns one partner away, the couple leaves its other post too and goes on down its list.
With couples a stable matching may not exist; after the proposals the pairs that still block are
looked for, the applicants and couples concerned propose again from there, and what remains
after `max_rounds` is reported rather than hidden: every single with every post it would rather
have that would take it (a free place, or someone it ranks lower), every couple with every pair
it would rather have whose posts would each take its partner (two places when both are one
post), neither partner's own place counted against them.

The loops are compiled (`couples_kernels`); this module checks the input and names what is wrong
with it. `tests/engine/couples_reference.py` is the same algorithm in plain Python.
"""

from dataclasses import dataclass, field
from itertools import chain

import numpy as np

from counterpart.engine.matching import Instance


@dataclass
class CouplesResult:
    matched: np.ndarray  # the post of each applicant, or -1
    blocking: list[tuple[int, int]] = field(default_factory=list)  # (single, post)
    couple_blocking: list[tuple[int, tuple[int, int]]] = field(default_factory=list)
    rounds: int = 0

    @property
    def stable(self) -> bool:
        return not self.blocking and not self.couple_blocking


def joint_preferences(first: list[int], second: list[int], place_of_post) -> list[tuple]:
    """The pairs of posts in one place, from the partners' own lists: best sum of ranks first."""
    second_at = {}
    for rank, post in enumerate(second):
        second_at.setdefault(place_of_post[post], []).append((rank, post))
    pairs = []
    for rank_a, post_a in enumerate(first):
        for rank_b, post_b in second_at.get(place_of_post[post_a], ()):
            pairs.append((rank_a + rank_b, max(rank_a, rank_b), rank_a, post_a, post_b))
    return [(post_a, post_b) for *_, post_a, post_b in sorted(pairs)]


def stable_match_couples(
    applicant_prefs,
    post_prefs,
    capacity,
    couples,
    *,
    place_of_post=None,
    couple_prefs=None,
    max_rounds: int = 50,
    patience: int = 3,
) -> CouplesResult:
    """Place singles and couples; each couple together (both placed, at posts of one place) or
    not at all. `couples` lists pairs of applicant indices. A couple's joint list of post pairs is
    `couple_prefs[c]`, or is made from the partners' own lists with `place_of_post` (a place id
    per post). Input errors raise ValueError naming the list and position."""
    instance = Instance(applicant_prefs, post_prefs, capacity)
    couples = [tuple(int(m) for m in pair) for pair in couples]
    members_seen: dict[int, int] = {}
    for c, pair in enumerate(couples):
        if len(pair) != 2 or pair[0] == pair[1]:
            raise ValueError(f"couples[{c}]: a couple is two different applicants")
        for position, member in enumerate(pair):
            if not 0 <= member < instance.n_applicants:
                raise ValueError(f"couples[{c}][{position}]: applicant {member} is out of range")
            if member in members_seen:
                raise ValueError(
                    f"couples[{c}][{position}]: applicant {member} is already in "
                    f"couples[{members_seen[member]}]"
                )
            members_seen[member] = c
    if couple_prefs is None:
        if place_of_post is None and couples:
            raise ValueError("couple_prefs: give the couples' lists, or place_of_post to make them")
        if place_of_post is not None and len(place_of_post) != instance.n_posts:
            raise ValueError(
                f"place_of_post: {len(place_of_post)} values for {instance.n_posts} posts"
            )
        lists = _lists(instance)
        couple_prefs = [joint_preferences(lists[a], lists[b], place_of_post) for a, b in couples]
    elif len(couple_prefs) != len(couples):
        raise ValueError(f"couple_prefs: {len(couple_prefs)} lists for {len(couples)} couples")
    c_indptr, c_pairs = _checked_pairs(couple_prefs, instance.n_posts)
    from counterpart.engine import couples_kernels  # numba: loaded when a match first runs

    couple_of = np.full(instance.n_applicants, -1, dtype=np.int64)
    for member, c in members_seen.items():
        couple_of[member] = c
    couple_array = np.asarray(couples, dtype=np.int64).reshape(-1, 2)
    c_ranks = couples_kernels.pair_ranks(
        instance.p_indptr,
        instance.p_indices,
        instance.n_applicants,
        couple_array,
        c_indptr,
        c_pairs,
    )
    lists = (
        instance.a_indptr,
        instance.a_indices,
        instance.post_rank,
        instance.p_indptr,
        instance.p_indices,
        instance.capacity,
        instance.applicant_rank,
    )
    matched, singles, couple_lists, rounds = couples_kernels.match_couples(
        lists, (couple_of, couple_array, c_indptr, c_pairs, c_ranks), max_rounds, patience
    )
    a_indptr, a_indices = instance.a_indptr, instance.a_indices
    return CouplesResult(
        matched=matched,
        blocking=[(i, int(a_indices[a_indptr[i] + p])) for i, p in singles],
        couple_blocking=[
            (c, tuple(int(post) for post in c_pairs[c_indptr[c] + p])) for c, p in couple_lists
        ],
        rounds=rounds,
    )


def _lists(instance: Instance) -> list[list[int]]:
    indptr, indices = instance.a_indptr.tolist(), instance.a_indices.tolist()
    return [indices[indptr[i] : indptr[i + 1]] for i in range(instance.n_applicants)]


def _checked_pairs(couple_prefs, n_posts: int) -> tuple[np.ndarray, np.ndarray]:
    """The couples' lists as (indptr, pairs k×2), checked at numpy speed; the first problem,
    when there is one, is found again pair by pair to name it."""
    indptr = np.zeros(len(couple_prefs) + 1, dtype=np.int64)
    np.cumsum([len(prefs) for prefs in couple_prefs], out=indptr[1:])
    try:
        lengths = np.fromiter(map(len, chain.from_iterable(couple_prefs)), dtype=np.int64)
        sound = bool(np.all(lengths == 2))
    except TypeError:
        sound = False
    if sound:
        flat = chain.from_iterable(chain.from_iterable(couple_prefs))
        try:
            pairs = np.fromiter(flat, dtype=np.int64, count=2 * int(indptr[-1])).reshape(-1, 2)
        except (TypeError, ValueError, OverflowError):
            sound = False
    if sound and pairs.size:
        owner = np.repeat(np.arange(len(couple_prefs)), np.diff(indptr))
        sound = pairs.min() >= 0 and pairs.max() < n_posts and not _repeated(owner, pairs, n_posts)
    if sound:
        return indptr, pairs
    for c, prefs in enumerate(couple_prefs):
        seen = set()
        for position, pair in enumerate(prefs):
            pair = tuple(pair) if isinstance(pair, list | tuple | np.ndarray) else (pair,)
            if len(pair) != 2 or not all(
                isinstance(p, int | np.integer) and 0 <= p < n_posts for p in pair
            ):
                raise ValueError(f"couple_prefs[{c}][{position}]: {pair} is not a pair of posts")
            if pair in seen:
                raise ValueError(f"couple_prefs[{c}][{position}]: {pair} is listed twice")
            seen.add(pair)
    raise AssertionError("a problem numpy found and the pairs do not show")


def _repeated(owner: np.ndarray, pairs: np.ndarray, n_posts: int) -> bool:
    """Whether a couple lists a pair twice: one sorted key per pair, or rows when keys would
    not fit in 64 bits."""
    if (len(owner) + 1) * n_posts * n_posts < 2**62:
        keys = np.sort((owner * n_posts + pairs[:, 0]) * n_posts + pairs[:, 1])
        return bool(np.any(keys[1:] == keys[:-1]))
    rows = np.column_stack((owner, pairs))[np.lexsort((pairs[:, 1], pairs[:, 0], owner))]
    return bool(np.any(np.all(rows[1:] == rows[:-1], axis=1)))
