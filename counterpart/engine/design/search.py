"""The first design: the greedy one (the benchmark's baseline), then moves, swaps and kicks."""

import random
import time
from collections import defaultdict

from counterpart.engine.design.problem import Problem, Recipient, allowed_donors, weighted


def greedy(problem: Problem) -> dict[str, str] | None:
    """The fixed pairs, then the largest recipient first to the donor it leaves least loaded
    (Lᵢ / cᵢ after it), within each donor's maximum and group limit; None where that way
    finds no design meeting every constraint. The benchmark's baseline and the solver's
    first design."""
    recipients = {r.ref: r for r in problem.recipients}
    assignment = {recipient: donor for donor, recipient in problem.fixed}
    load: dict[str, float] = defaultdict(float)
    count: dict[str, int] = defaultdict(int)
    groups: dict[str, set[str]] = defaultdict(set)
    capacity = {d.ref: d.capacity for d in problem.donors}

    def take(donor: str, recipient: Recipient) -> None:
        assignment[recipient.ref] = donor
        load[donor] += weighted(recipient) / capacity[donor]
        count[donor] += 1
        groups[donor].add(recipient.group)

    for recipient, donor in list(assignment.items()):
        del assignment[recipient]
        take(donor, recipients[recipient])
    limit = problem.max_groups_per_donor
    waiting = sorted(
        (r for r in problem.recipients if r.ref not in assignment),
        key=lambda r: (-weighted(r), r.ref),
    )
    left = defaultdict(int)  # recipients still to pair, by group
    for recipient in waiting:
        left[recipient.group] += 1
    held: dict[str, int] = defaultdict(int)  # donors holding each group
    for mine in groups.values():
        for group in mine:
            held[group] += 1
    for recipient in waiting:
        spare = limit is None or _slot_to_spare(problem, groups, held, left, recipient)
        open_ = [
            d
            for d in allowed_donors(problem, recipient.ref)
            if (d.max_recipients is None or count[d.ref] < d.max_recipients)
            and (
                limit is None
                or recipient.group in groups[d.ref]
                or (len(groups[d.ref]) < limit and spare)
            )
        ]
        left[recipient.group] -= 1
        if not open_:
            return None
        best = min(open_, key=lambda d: (load[d.ref] + weighted(recipient) / d.capacity, d.ref))
        if recipient.group not in groups[best.ref]:
            held[recipient.group] += 1
        take(best.ref, recipient)
    if any(count[d.ref] < d.min_recipients for d in problem.donors):
        return None
    return assignment


def improved(
    problem: Problem, assignment: dict[str, str], *, seconds: float = 5.0, patience: int = 100
) -> dict:
    """The design bettered while a move or a swap out of the most loaded donor lowers the
    larger of the two donors' loads (what moves is one recipient, or all of a donor's
    recipients in one group: with a limit on groups, single moves rarely fit); then, while
    time is left, kicked by a random exchange and bettered again, keeping the best, until
    `patience` kicks in a row have found nothing better. The solver's first design; the
    greedy one alone is the benchmark's baseline."""
    search = _Search(problem, assignment)
    until = time.monotonic() + seconds
    value = search.descend(until)
    best = dict(search.assignment)
    rng, idle = random.Random(0), 0
    while idle < patience and time.monotonic() < until:
        search.kick(rng)
        found = search.descend(until)
        if found < value * (1 - 1e-12):
            best, value, idle = dict(search.assignment), found, 0
        else:
            idle += 1
            search = _Search(problem, best)
    return best


def fewer_changes(problem: Problem, assignment: dict[str, str], *, seconds: float) -> dict:
    """The design with recipients sent back to their current donor, by moves and swaps that
    lower the number of changes and keep every load within the design's largest (and 10⁻⁶):
    what the solver's second goal asks, done first by hand (it may have no time left)."""
    search = _Search(problem, assignment)
    bound = max(search.load.values(), default=0.0) * (1 + 1e-6)
    search.home(bound, time.monotonic() + seconds)
    return search.assignment


class _Search:
    """A design's donors, their recipients and loads, changed by moves and swaps."""

    def __init__(self, problem: Problem, assignment: dict[str, str]):
        self.problem = problem
        self.recipients = {r.ref: r for r in problem.recipients}
        self.donors = {d.ref: d for d in problem.donors}
        self.assignment = dict(assignment)
        self.fixed = {recipient for _donor, recipient in problem.fixed}
        self.of: dict[str, set[str]] = defaultdict(set)
        for recipient, donor in self.assignment.items():
            self.of[donor].add(recipient)
        self.load = {
            d: sum(self.weight(r) for r in mine) / self.donors[d].capacity
            for d, mine in self.of.items()
        }

    def weight(self, recipient: str) -> float:
        return weighted(self.recipients[recipient])

    def parts(self, donor: str) -> list[frozenset]:
        free = sorted(self.of[donor] - self.fixed)
        by_group = defaultdict(set)
        for recipient in free:
            by_group[self.recipients[recipient].group].add(recipient)
        found = [frozenset([r]) for r in free]
        return found + [frozenset(g) for _k, g in sorted(by_group.items()) if len(g) > 1]

    def fits(self, donor: str, leaving: frozenset, coming: frozenset) -> bool:
        d, limit = self.donors[donor], self.problem.max_groups_per_donor
        if d.capacity <= 0 or any((donor, r) in self.problem.forbidden for r in coming):
            return False
        mine = (self.of[donor] - leaving) | coming
        if limit is not None and len({self.recipients[r].group for r in mine}) > limit:
            return False
        return d.min_recipients <= len(mine) and (
            d.max_recipients is None or len(mine) <= d.max_recipients
        )

    def after(self, donor: str, leaving: frozenset, coming: frozenset) -> float:
        change = sum(map(self.weight, coming)) - sum(map(self.weight, leaving))
        return self.load.get(donor, 0.0) + change / self.donors[donor].capacity

    def exchange(self, a: str, mine: frozenset, b: str, theirs: frozenset) -> None:
        self.load[a], self.load[b] = self.after(a, mine, theirs), self.after(b, theirs, mine)
        self.of[a] = (self.of[a] - mine) | theirs
        self.of[b] = (self.of[b] - theirs) | mine
        self.assignment.update({r: b for r in mine} | {r: a for r in theirs})

    def descend(self, until: float) -> float:
        """Better the most loaded donor while one can; the largest load after."""
        nothing = frozenset()
        while time.monotonic() < until:
            worst = max(self.load, key=lambda d: (self.load[d], d))
            best, chosen = self.load[worst], None
            for mine in self.parts(worst):
                for other in self.donors:
                    if other == worst:
                        continue
                    for theirs in (nothing, *self.parts(other)):
                        if not (self.fits(other, theirs, mine) and self.fits(worst, mine, theirs)):
                            continue
                        high = max(self.after(worst, mine, theirs), self.after(other, theirs, mine))
                        if high < best * (1 - 1e-12):
                            best, chosen = high, (mine, other, theirs)
            if chosen is None:
                break
            self.exchange(worst, chosen[0], chosen[1], chosen[2])
        return max(self.load.values(), default=0.0)

    def changed(self, recipients: frozenset, donor: str) -> int:
        """How many of `recipients` would be away from their current donor at `donor`."""
        current = self.problem.current
        return sum(1 for r in recipients if r in current and current[r] != donor)

    def home(self, bound: float, until: float) -> None:
        """Exchanges that bring recipients back to their current donor, every load within
        `bound`, while there are any (and time)."""
        while time.monotonic() < until:
            found = next(self._homeward(bound), None)
            if found is None:
                return
            self.exchange(*found)

    def _homeward(self, bound: float):
        """Exchanges (a, mine, b, theirs) that lower the changes and keep loads within bound."""
        nothing, current = frozenset(), self.problem.current
        for a in sorted(self.of):
            for mine in self.parts(a):
                homes = {current[r] for r in mine if r in current and current[r] != a}
                for b in sorted(homes & set(self.donors)):
                    for theirs in (nothing, *self.parts(b)):
                        gain = (
                            self.changed(mine, a)
                            + self.changed(theirs, b)
                            - self.changed(mine, b)
                            - self.changed(theirs, a)
                        )
                        if (
                            gain > 0
                            and self.fits(b, theirs, mine)
                            and self.fits(a, mine, theirs)
                            and self.after(b, theirs, mine) <= bound
                            and self.after(a, mine, theirs) <= bound
                        ):
                            yield a, mine, b, theirs

    def kick(self, rng: random.Random) -> None:
        """A random exchange that keeps the design valid (a few tries; none, if none fits)."""
        names = sorted(self.of)
        for _try in range(20):
            a, b = rng.choice(names), rng.choice(sorted(self.donors))
            mine, theirs = self.parts(a), [frozenset(), *self.parts(b)]
            if a == b or not mine:
                continue
            give, take = rng.choice(mine), rng.choice(theirs)
            if self.fits(b, take, give) and self.fits(a, give, take):
                self.exchange(a, give, b, take)
                return


def _slot_to_spare(problem: Problem, groups: dict, held: dict, left: dict, recipient) -> bool:
    """Whether a donor may take a group new to it: a group no donor holds yet may always be
    taken; one another donor holds only while the free places left can still take every group
    no donor holds (else the greedy way would strand them)."""
    if not held[recipient.group]:
        return True
    free = sum(
        problem.max_groups_per_donor - len(groups[d.ref]) for d in problem.donors if d.capacity > 0
    )
    stranded = sum(1 for group, count in left.items() if count and not held[group])
    return free - 1 >= stranded
