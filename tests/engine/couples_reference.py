"""The couples algorithm in plain Python: the reference the compiled engine (`engine/couples.py`)
is compared with on small instances, step for step.

Singles propose down their lists as in deferred acceptance. A couple proposes down a joint list
of pairs of posts (one for each partner), and holds a pair only if both posts take them. When a
post turns one partner away, the couple leaves its other post too and goes on down its list.
With couples a stable matching may not exist; after the proposals the pairs that still block are
looked for, the applicants and couples concerned propose again from there, and what remains
after `max_rounds` is reported rather than hidden.
"""

from collections import deque

import numpy as np

from counterpart.engine.couples import CouplesResult
from counterpart.engine.matching import Instance


class _Round:
    """The state of the proposals: who holds which post, and how far down each list they are."""

    def __init__(self, instance: Instance, singles_prefs, couples, couple_prefs):
        self.capacity = instance.capacity.tolist()
        p_indptr, p_indices = instance.p_indptr.tolist(), instance.p_indices.tolist()
        self.post_lists = [
            p_indices[p_indptr[j] : p_indptr[j + 1]] for j in range(instance.n_posts)
        ]
        self.rank_at = [{a: r for r, a in enumerate(ranked)} for ranked in self.post_lists]
        self.singles_prefs = singles_prefs
        self.position = {i: {post: r for r, post in enumerate(p)} for i, p in singles_prefs.items()}
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
        partner = sum(self.couples[couple]) - applicant
        vacated = self.matched[partner]
        self.leave(applicant)
        self.leave(partner)
        self.fill(vacated)
        self.queue.append(("couple", couple))

    def fill(self, post: int) -> None:
        """While the post left has a free place, the single it ranks best who would rather have
        it, and has asked for it or for nothing better, moves in; then the place it left."""
        vacant = [post]
        while vacant:
            post = vacant.pop()
            if post < 0:
                continue
            for i in self.post_lists[post]:
                if len(self.held[post]) >= self.capacity[post]:
                    break
                if i in self.couple_of or self.matched[i] == post:
                    continue
                rank = self.position[i].get(post)
                if rank is None:
                    continue
                current = self.matched[i]
                if current >= 0 and self.position[i][current] < rank:
                    continue
                if current < 0 and rank >= self.next_single[i]:
                    continue
                vacant.append(current)
                self.leave(i)
                self.place(i, post)
                self.next_single[i] = rank + 1

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

    def blocking_singles(self) -> list[tuple[int, int]]:
        """(single, position) of each post a single would rather have that would take it."""
        found = []
        for applicant, prefs in self.singles_prefs.items():
            for position, post in enumerate(prefs):
                if post == self.matched[applicant]:
                    break
                if self.take(post, (applicant,), (applicant,)) is not None:
                    found.append((applicant, position))
        return found

    def blocking_couples(self) -> list[tuple[int, int]]:
        found = []
        for couple, prefs in enumerate(self.couple_prefs):
            members = self.couples[couple]
            current = (self.matched[members[0]], self.matched[members[1]])
            for position, pair in enumerate(prefs):
                if tuple(pair) == current:
                    break
                if self.pair_turned_away(couple, pair) is not None:
                    found.append((couple, position))
        return found


def reference_match_couples(
    applicant_prefs,
    post_prefs,
    capacity,
    couples,
    couple_prefs,
    *,
    max_rounds: int = 50,
    patience: int = 3,
) -> CouplesResult:
    """What `engine.couples.stable_match_couples` returns, for input it has checked."""
    instance = Instance(applicant_prefs, post_prefs, capacity)
    couples = [tuple(int(m) for m in pair) for pair in couples]
    in_couples = {member for pair in couples for member in pair}
    lists = _lists(instance)
    singles = {i: prefs for i, prefs in enumerate(lists) if i not in in_couples}
    couple_prefs = [[tuple(pair) for pair in prefs] for prefs in couple_prefs]
    state = _Round(instance, singles, couples, couple_prefs)
    state.queue.extend(("single", i) for i in singles)
    state.queue.extend(("couple", c) for c in range(len(couples)))
    state.propose()
    singles_blocking = state.blocking_singles()
    couples_blocking = state.blocking_couples()
    rounds, best_at = 0, 0
    best = (list(state.matched), singles_blocking, couples_blocking)
    while True:
        count = len(singles_blocking) + len(couples_blocking)
        if count < len(best[1]) + len(best[2]):
            best, best_at = (list(state.matched), singles_blocking, couples_blocking), rounds
        if count == 0 or rounds == max_rounds or rounds - best_at >= patience:
            break
        rounds += 1
        for applicant, position in _firsts(singles_blocking):
            left = state.matched[applicant]
            state.leave(applicant)
            state.next_single[applicant] = position
            state.queue.append(("single", applicant))
            state.fill(left)
        for couple, position in _firsts(couples_blocking):
            state.next_couple[couple] = position
            state.queue.append(("couple", couple))
            for member in couples[couple]:
                left = state.matched[member]
                state.leave(member)
                state.fill(left)
        state.propose()
        singles_blocking = state.blocking_singles()
        couples_blocking = state.blocking_couples()
    matched, singles_blocking, couples_blocking = best
    return CouplesResult(
        matched=np.asarray(matched, dtype=np.int64),
        blocking=[(i, singles[i][p]) for i, p in singles_blocking],
        couple_blocking=[(c, couple_prefs[c][p]) for c, p in couples_blocking],
        rounds=rounds,
    )


def _firsts(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [
        (who, position)
        for k, (who, position) in enumerate(found)
        if k == 0 or found[k - 1][0] != who
    ]


def _lists(instance: Instance) -> list[list[int]]:
    indptr, indices = instance.a_indptr.tolist(), instance.a_indices.tolist()
    return [indices[indptr[i] : indptr[i + 1]] for i in range(instance.n_applicants)]
