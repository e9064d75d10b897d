"""Stable matching with couples who must serve in one place, in the spirit of Roth–Peranson.

Singles propose down their lists as in deferred acceptance. A couple proposes down a joint list
of pairs of posts (one for each partner), and holds a pair only if both posts take them. When a
post turns one partner away, the couple leaves its other post too and goes on down its list.
With couples a stable matching may not exist; after the proposals the pairs that still block are
looked for, the applicants and couples concerned propose again from there, and what remains
after `max_rounds` is reported rather than hidden.
"""

from collections import deque
from dataclasses import dataclass, field

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


class _Round:
    """The state of the proposals: who holds which post, and how far down each list they are."""

    def __init__(self, instance: Instance, singles_prefs, couples, couple_prefs):
        self.capacity = instance.capacity.tolist()
        p_indptr, p_indices = instance.p_indptr.tolist(), instance.p_indices.tolist()
        self.rank_at = [
            {a: r for r, a in enumerate(p_indices[p_indptr[j] : p_indptr[j + 1]])}
            for j in range(instance.n_posts)
        ]
        self.singles_prefs = singles_prefs
        self.couples = couples
        self.couple_prefs = couple_prefs
        self.couple_of = {member: c for c, pair in enumerate(couples) for member in pair}
        self.held: list[set[int]] = [set() for _ in range(instance.n_posts)]
        self.matched = [-1] * instance.n_applicants
        self.next_single = dict.fromkeys(singles_prefs, 0)
        self.next_couple = [0] * len(couples)
        self.queue: deque = deque()

    # -- what a post would do ------------------------------------------------------------

    def take(self, post: int, newcomers: tuple[int, ...], leaving) -> list[int] | None:
        """Whom `post` would turn away to take all `newcomers` (None: it would not take them)."""
        ranks = self.rank_at[post]
        if any(n not in ranks for n in newcomers) or self.capacity[post] < len(newcomers):
            return None
        staying = [h for h in self.held[post] if h not in leaving]
        ordered = sorted([*staying, *newcomers], key=ranks.__getitem__)
        kept = ordered[: self.capacity[post]]
        if any(n not in kept for n in newcomers):
            return None
        return ordered[self.capacity[post] :]

    def pair_turned_away(self, couple: int, pair) -> list[int] | None:
        members = self.couples[couple]
        if pair[0] == pair[1]:
            return self.take(pair[0], members, members)
        first = self.take(pair[0], (members[0],), members)
        second = self.take(pair[1], (members[1],), members)
        return None if first is None or second is None else first + second

    # -- moves -----------------------------------------------------------------------------

    def place(self, applicant: int, post: int) -> None:
        self.held[post].add(applicant)
        self.matched[applicant] = post

    def leave(self, applicant: int) -> None:
        post = self.matched[applicant]
        if post >= 0:
            self.held[post].discard(applicant)
            self.matched[applicant] = -1

    def turn_away(self, applicant: int) -> None:
        couple = self.couple_of.get(applicant)
        if couple is None:
            self.leave(applicant)
            self.queue.append(("single", applicant))
            return
        for member in self.couples[couple]:
            self.leave(member)
        self.queue.append(("couple", couple))

    def propose(self) -> None:
        while self.queue:
            kind, who = self.queue.popleft()
            if kind == "single":
                self._propose_single(who)
            else:
                self._propose_couple(who)

    def _propose_single(self, applicant: int) -> None:
        prefs = self.singles_prefs[applicant]
        while self.matched[applicant] < 0 and self.next_single[applicant] < len(prefs):
            post = prefs[self.next_single[applicant]]
            self.next_single[applicant] += 1
            turned_away = self.take(post, (applicant,), ())
            if turned_away is not None:
                self.place(applicant, post)
                for other in turned_away:
                    self.turn_away(other)

    def _propose_couple(self, couple: int) -> None:
        prefs = self.couple_prefs[couple]
        members = self.couples[couple]
        while self.matched[members[0]] < 0 and self.next_couple[couple] < len(prefs):
            pair = prefs[self.next_couple[couple]]
            self.next_couple[couple] += 1
            turned_away = self.pair_turned_away(couple, pair)
            if turned_away is not None:
                self.place(members[0], pair[0])
                self.place(members[1], pair[1])
                for other in turned_away:
                    self.turn_away(other)

    # -- what still blocks ------------------------------------------------------------------

    def blocking_singles(self) -> dict[int, int]:
        """Each single with a post it would rather have that would take it: the best such."""
        found = {}
        for applicant, prefs in self.singles_prefs.items():
            for position, post in enumerate(prefs):
                if post == self.matched[applicant]:
                    break
                if self.take(post, (applicant,), (applicant,)) is not None:
                    found[applicant] = position
                    break
        return found

    def blocking_couples(self) -> dict[int, int]:
        found = {}
        for couple, prefs in enumerate(self.couple_prefs):
            members = self.couples[couple]
            current = (self.matched[members[0]], self.matched[members[1]])
            for position, pair in enumerate(prefs):
                if tuple(pair) == current:
                    break
                if self.pair_turned_away(couple, pair) is not None:
                    found[couple] = position
                    break
        return found


def stable_match_couples(
    applicant_prefs,
    post_prefs,
    capacity,
    couples,
    *,
    place_of_post=None,
    couple_prefs=None,
    max_rounds: int = 50,
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
    lists = _lists(instance)
    if couple_prefs is None:
        if place_of_post is None and couples:
            raise ValueError("couple_prefs: give the couples' lists, or place_of_post to make them")
        if place_of_post is not None and len(place_of_post) != instance.n_posts:
            raise ValueError(
                f"place_of_post: {len(place_of_post)} values for {instance.n_posts} posts"
            )
        couple_prefs = [joint_preferences(lists[a], lists[b], place_of_post) for a, b in couples]
    elif len(couple_prefs) != len(couples):
        raise ValueError(f"couple_prefs: {len(couple_prefs)} lists for {len(couples)} couples")
    for c, prefs in enumerate(couple_prefs):
        seen = set()
        for position, pair in enumerate(prefs):
            pair = tuple(pair)
            if len(pair) != 2 or not all(0 <= p < instance.n_posts for p in pair):
                raise ValueError(f"couple_prefs[{c}][{position}]: {pair} is not a pair of posts")
            if pair in seen:
                raise ValueError(f"couple_prefs[{c}][{position}]: {pair} is listed twice")
            seen.add(pair)
    singles = {i: prefs for i, prefs in enumerate(lists) if i not in members_seen}
    state = _Round(instance, singles, couples, [list(map(tuple, p)) for p in couple_prefs])
    state.queue.extend(("single", i) for i in singles)
    state.queue.extend(("couple", c) for c in range(len(couples)))
    state.propose()
    rounds = 0
    while rounds < max_rounds:
        singles_blocking, couples_blocking = state.blocking_singles(), state.blocking_couples()
        if not singles_blocking and not couples_blocking:
            break
        rounds += 1
        for applicant, position in singles_blocking.items():
            state.leave(applicant)
            state.next_single[applicant] = position
            state.queue.append(("single", applicant))
        for couple, position in couples_blocking.items():
            for member in couples[couple]:
                state.leave(member)
            state.next_couple[couple] = position
            state.queue.append(("couple", couple))
        state.propose()
    singles_blocking, couples_blocking = state.blocking_singles(), state.blocking_couples()
    return CouplesResult(
        matched=np.asarray(state.matched, dtype=np.int64),
        blocking=sorted((i, singles[i][p]) for i, p in singles_blocking.items()),
        couple_blocking=sorted((c, couple_prefs[c][p]) for c, p in couples_blocking.items()),
        rounds=rounds,
    )


def _lists(instance: Instance) -> list[list[int]]:
    indptr, indices = instance.a_indptr.tolist(), instance.a_indices.tolist()
    return [indices[indptr[i] : indptr[i + 1]] for i in range(instance.n_applicants)]
