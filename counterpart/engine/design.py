"""Pairing design: who should assist whom. Pure, no Django.

Each recipient gets exactly one donor. A donor spreads its capacity (yuan a year) over its
recipients in proportion to their weighted population, so each of donor i's recipients has
cᵢ / Lᵢ per weighted resident, Lᵢ = Σ pⱼ·wⱼ over them. The design minimises the largest
Lᵢ / cᵢ (raises the lowest support per weighted resident); then, among designs within a
relative 10⁻⁶ of that, it changes the fewest recipients' current donors.

Solved exactly as a mixed-integer programme by HiGHS (`highspy`): the load constraint is
linear in a continuous bound T (Σⱼ aᵢⱼ xᵢⱼ ≤ T), which a MIP states as it is where a
constraint programming solver would need integer scaling; HiGHS proves optimality or reports
its gap, takes a starting design (the greedy one), and is a 3 MB wheel needing only numpy.

Input that cannot be met is refused before solving with `Infeasible`, naming the constraint
(`code` and `params`, for the caller to put into words)."""

import os
import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

NEAR_OPTIMUM = 1e-6  # the second goal looks among designs within this of the first's optimum
LARGE = 200_000  # pairs past which the solver's first relaxation outlasts minutes: none is made


@dataclass(frozen=True)
class Donor:
    ref: str
    capacity: float  # yuan a year
    min_recipients: int = 0
    max_recipients: int | None = None


@dataclass(frozen=True)
class Recipient:
    ref: str
    population: int
    weight: float = 1.0
    group: str = ""  # its prefecture


@dataclass
class Problem:
    donors: list[Donor]
    recipients: list[Recipient]
    fixed: set[tuple[str, str]] = field(default_factory=set)  # (donor, recipient)
    forbidden: set[tuple[str, str]] = field(default_factory=set)
    max_groups_per_donor: int | None = None
    current: dict[str, str] = field(default_factory=dict)  # recipient -> donor


@dataclass
class Design:
    assignment: dict[str, str]  # recipient -> donor
    objective: float  # the largest Lᵢ / cᵢ: weighted residents per yuan
    changes: int  # recipients whose donor is not their current one
    proven_optimal: bool
    gap: float  # relative, between the design's objective and the best bound
    seconds: float


class Infeasible(ValueError):
    """No design meets the input; `code` says which constraint, `params` with what (the
    caller puts them into words: design/reading.py)."""

    def __init__(self, code: str, **params):
        super().__init__(f"{code}: {params}")
        self.code, self.params = code, params


# -- what a design is worth ---------------------------------------------------------------------


def weighted(recipient: Recipient) -> float:
    return recipient.population * recipient.weight


def loads(problem: Problem, assignment: dict[str, str]) -> dict[str, float]:
    """Lᵢ / cᵢ of each donor that has recipients."""
    by_ref = {r.ref: r for r in problem.recipients}
    capacity = {d.ref: d.capacity for d in problem.donors}
    found: dict[str, float] = defaultdict(float)
    for recipient, donor in assignment.items():
        found[donor] += weighted(by_ref[recipient]) / capacity[donor]
    return dict(found)


def objective(problem: Problem, assignment: dict[str, str]) -> float:
    return max(loads(problem, assignment).values(), default=0.0)


def changes(problem: Problem, assignment: dict[str, str]) -> int:
    """Recipients paired today whose donor the design changes (a new one is no change)."""
    current = problem.current
    return sum(1 for r, d in assignment.items() if r in current and current[r] != d)


def violations(problem: Problem, assignment: dict[str, str]) -> list[str]:
    """What an assignment breaks ([] for a design that meets every constraint)."""
    broken = []
    donors = {d.ref: d for d in problem.donors}
    group = {r.ref: r.group for r in problem.recipients}
    if set(assignment) != set(group):
        broken.append("not every recipient has exactly one donor")
    by_donor: dict[str, list[str]] = defaultdict(list)
    for recipient, donor in assignment.items():
        by_donor[donor].append(recipient)
        if (donor, recipient) in problem.forbidden:
            broken.append(f"forbidden pair {donor}–{recipient}")
    for donor, recipient in problem.fixed:
        if assignment.get(recipient) != donor:
            broken.append(f"fixed pair {donor}–{recipient}")
    for ref, donor in donors.items():
        count = len(by_donor.get(ref, []))
        if count < donor.min_recipients or (
            donor.max_recipients is not None and count > donor.max_recipients
        ):
            broken.append(f"{ref} has {count} recipients")
        groups = {group[r] for r in by_donor.get(ref, [])}
        if problem.max_groups_per_donor is not None and len(groups) > problem.max_groups_per_donor:
            broken.append(f"{ref} spans {len(groups)} groups")
        if by_donor.get(ref) and donor.capacity <= 0:
            broken.append(f"{ref} has recipients and no capacity")
    return broken


# -- input that cannot be met -----------------------------------------------------------------


def check(problem: Problem) -> None:
    """Refuse input no design can meet, naming the constraint."""
    donors = {d.ref: d for d in problem.donors}
    recipients = {r.ref: r for r in problem.recipients}
    if len(donors) != len(problem.donors) or len(recipients) != len(problem.recipients):
        raise Infeasible("duplicate")
    if not recipients:
        raise Infeasible("no_recipients")
    current = {(donor, recipient) for recipient, donor in problem.current.items()}
    for pairs, what in (
        (problem.fixed, "fixed"),
        (problem.forbidden, "forbidden"),
        (current, "current"),
    ):
        for donor, recipient in pairs:
            if donor not in donors or recipient not in recipients:
                raise Infeasible(
                    "unknown_pair",
                    what=what,
                    donor=donor,
                    recipient=recipient,
                )
    fixed_to: dict[str, str] = {}
    for donor, recipient in sorted(problem.fixed):
        if recipient in fixed_to:
            raise Infeasible(
                "fixed_twice",
                recipient=recipient,
                first=fixed_to[recipient],
                second=donor,
            )
        if (donor, recipient) in problem.forbidden:
            raise Infeasible(
                "fixed_forbidden",
                donor=donor,
                recipient=recipient,
            )
        fixed_to[recipient] = donor
    for donor in problem.donors:
        if donor.capacity < 0:
            raise Infeasible("negative_capacity", donor=donor.ref)
        if donor.max_recipients is not None and donor.max_recipients < donor.min_recipients:
            raise Infeasible(
                "min_above_max",
                donor=donor.ref,
                min=donor.min_recipients,
                max=donor.max_recipients,
            )
        if donor.capacity == 0 and (donor.min_recipients > 0 or donor.ref in fixed_to.values()):
            raise Infeasible(
                "no_capacity",
                donor=donor.ref,
            )
    for recipient in problem.recipients:
        if recipient.population < 0 or recipient.weight < 0:
            raise Infeasible(
                "negative_population",
                recipient=recipient.ref,
            )
        if recipient.ref not in fixed_to and not _allowed_donors(problem, recipient.ref):
            raise Infeasible(
                "no_donor",
                recipient=recipient.ref,
            )
    wanted = sum(d.min_recipients for d in problem.donors)
    if wanted > len(recipients):
        raise Infeasible(
            "minimums",
            wanted=wanted,
            count=len(recipients),
        )
    if all(d.max_recipients is not None for d in problem.donors):
        room = sum(d.max_recipients for d in problem.donors)
        if room < len(recipients):
            raise Infeasible(
                "maximums",
                room=room,
                count=len(recipients),
            )
    for donor in problem.donors:
        open_ = [
            r
            for r in recipients
            if (donor.ref, r) not in problem.forbidden and fixed_to.get(r, donor.ref) == donor.ref
        ]
        if donor.min_recipients > len(open_):
            raise Infeasible(
                "min_unreachable",
                donor=donor.ref,
                min=donor.min_recipients,
                count=len(open_),
            )
    held: dict[str, list[str]] = defaultdict(list)
    for recipient, donor in fixed_to.items():
        held[donor].append(recipient)
    for donor in problem.donors:
        mine = held.get(donor.ref, [])
        if donor.max_recipients is not None and len(mine) > donor.max_recipients:
            raise Infeasible(
                "fixed_above_max",
                donor=donor.ref,
                count=len(mine),
                max=donor.max_recipients,
            )
        groups = {recipients[r].group for r in mine}
        limit = problem.max_groups_per_donor
        if limit is not None and len(groups) > limit:
            raise Infeasible(
                "fixed_groups",
                donor=donor.ref,
                count=len(groups),
                limit=limit,
            )


def _allowed_donors(problem: Problem, recipient: str) -> list[Donor]:
    return [
        d for d in problem.donors if d.capacity > 0 and (d.ref, recipient) not in problem.forbidden
    ]


# -- a design ---------------------------------------------------------------------------------


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
            for d in _allowed_donors(problem, recipient.ref)
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


def solve(problem: Problem, *, time_limit: float = 60.0) -> Design:
    """The design that minimises the largest Lᵢ / cᵢ, then the changes from the current one.
    The first design is the greedy one improved by moves and swaps; past `LARGE` pairs that is
    the whole search (the solver would not settle its first relaxation in minutes). The gap is
    against the best lower bound known (the solver's, or the even spread)."""
    import highspy  # loaded when a design is solved, not by every process

    started = time.monotonic()
    check(problem)
    start = greedy(problem)
    if start is not None and _pairs(problem) > LARGE:  # the moves and swaps have the time
        found = improved(problem, start, seconds=time_limit * 0.95)
        return _design(problem, found, optimal=False, bound=0.0, started=started)
    model = _Model(problem)
    highs = _new_highs(highspy)
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("mip_rel_gap", NEAR_OPTIMUM / 10)
    highs.setOptionValue("threads", 1)
    model.build(highs, highspy)
    if start is not None:
        start = improved(problem, start, seconds=time_limit / 10, patience=300)
        model.start_from(highs, highspy, start)

    def left() -> float:
        return max(0.1, time_limit - (time.monotonic() - started))

    highs.setOptionValue("time_limit", left() * (0.8 if problem.current else 1.0))
    highs.run()
    first = model.outcome(highs, highspy)
    if first is None and start is None:
        raise Infeasible("combination")
    found, optimal, bound = first or (start, False, 0.0)
    if problem.current:
        model.second_goal(highs, highspy, model.objective_of(found) * (1 + NEAR_OPTIMUM))
        model.start_from(highs, highspy, found)
        highs.setOptionValue("time_limit", left())
        highs.run()
        second = model.outcome(highs, highspy)
        if second is not None:
            found, optimal = second[0], optimal and second[1]
    return _design(problem, found, optimal=optimal, bound=bound, started=started)


def _pairs(problem: Problem) -> int:
    return sum(len(_allowed_donors(problem, r.ref)) for r in problem.recipients)


def _design(problem, found, *, optimal: bool, bound: float, started: float) -> Design:
    worth = objective(problem, found)
    lowest = max(bound, lower_bound(problem))
    return Design(
        assignment=found,
        objective=worth,
        changes=changes(problem, found),
        proven_optimal=optimal,
        gap=0.0 if optimal or not worth else max(0.0, (worth - lowest) / worth),
        seconds=time.monotonic() - started,
    )


def lower_bound(problem: Problem) -> float:
    """No design's largest Lᵢ / cᵢ is below this: the residents spread evenly over every
    capacity, or the largest recipient with the largest donor it may have."""
    capacity = sum(d.capacity for d in problem.donors if d.capacity > 0)
    even = sum(weighted(r) for r in problem.recipients) / capacity if capacity else 0.0
    largest = max(
        (
            weighted(r) / max(d.capacity for d in _allowed_donors(problem, r.ref))
            for r in problem.recipients
            if _allowed_donors(problem, r.ref)
        ),
        default=0.0,
    )
    return max(even, largest)


def _new_highs(highspy):
    """A solver, without the banner HiGHS prints on standard output as it is made."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            return highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)


class _Model:
    """The mixed-integer programme: x for each allowed pair, T, and y for each (donor, group)
    a donor may reach when groups are limited. Loads are scaled so that T is near 1."""

    def __init__(self, problem: Problem):
        self.problem = problem
        donors = [d for d in problem.donors if d.capacity > 0]
        fixed_to = {recipient: donor for donor, recipient in problem.fixed}
        self.pairs: list[tuple[str, str]] = []
        for recipient in problem.recipients:
            if recipient.ref in fixed_to:
                self.pairs.append((fixed_to[recipient.ref], recipient.ref))
            else:
                self.pairs.extend(
                    (d.ref, recipient.ref) for d in _allowed_donors(problem, recipient.ref)
                )
        self.capacity = {d.ref: d.capacity for d in donors}
        self.weighted = {r.ref: weighted(r) for r in problem.recipients}
        total = sum(self.capacity.values())
        self.scale = (sum(self.weighted.values()) / total) or 1.0  # T* is near 1
        self.t = len(self.pairs)
        self.group = {r.ref: r.group for r in problem.recipients}
        self.reach = sorted({(d, self.group[r]) for d, r in self.pairs})
        self.limited = problem.max_groups_per_donor is not None
        self.y = {key: self.t + 1 + n for n, key in enumerate(self.reach if self.limited else [])}

    def coefficient(self, donor: str, recipient: str) -> float:
        return self.weighted[recipient] / (self.capacity[donor] * self.scale)

    def objective_of(self, assignment: dict[str, str]) -> float:
        found: dict[str, float] = defaultdict(float)
        for recipient, donor in assignment.items():
            found[donor] += self.coefficient(donor, recipient)
        return max(found.values(), default=0.0)

    def build(self, highs, highspy) -> None:
        columns = self.t + 1 + len(self.y)
        inf = highspy.kHighsInf
        lower = np.zeros(columns)
        upper = np.ones(columns)
        upper[self.t] = inf
        fixed = set(self.problem.fixed)
        for k, pair in enumerate(self.pairs):
            if pair in fixed:
                lower[k] = 1
        highs.addVars(columns, lower, upper)
        integer = np.array([k for k in range(columns) if k != self.t], dtype=np.int32)
        highs.changeColsIntegrality(
            len(integer), integer, np.full(len(integer), highspy.HighsVarType.kInteger)
        )
        cost = np.zeros(columns)
        cost[self.t] = 1.0
        highs.changeColsCost(columns, np.arange(columns, dtype=np.int32), cost)
        rows = _Rows()
        of_recipient, of_donor, of_reach = defaultdict(list), defaultdict(list), defaultdict(list)
        for k, (donor, recipient) in enumerate(self.pairs):
            of_recipient[recipient].append(k)
            of_donor[donor].append(k)
            of_reach[(donor, self.group[recipient])].append(k)
        for recipient in self.weighted:  # one donor each
            rows.add(of_recipient[recipient], [1.0] * len(of_recipient[recipient]), 1, 1)
        for ks in of_donor.values():  # Σ aᵢⱼ xᵢⱼ − T ≤ 0
            values = [self.coefficient(*self.pairs[k]) for k in ks]
            rows.add([*ks, self.t], [*values, -1.0], -inf, 0)
        for d in self.problem.donors:  # how many recipients
            if d.ref in of_donor and (d.min_recipients or d.max_recipients is not None):
                ks = of_donor[d.ref]
                most = inf if d.max_recipients is None else d.max_recipients
                rows.add(ks, [1.0] * len(ks), d.min_recipients, most)
        if self.limited:
            by_donor = defaultdict(list)
            for (donor, group), column in self.y.items():
                ks = of_reach[(donor, group)]  # Σ x over the group ≤ n · y
                rows.add([*ks, column], [*([1.0] * len(ks)), -float(len(ks))], -inf, 0)
                by_donor[donor].append(column)
            for columns_of in by_donor.values():
                rows.add(columns_of, [1.0] * len(columns_of), 0, self.problem.max_groups_per_donor)
        rows.into(highs)

    def start_from(self, highs, highspy, assignment: dict[str, str]) -> None:
        values = np.zeros(self.t + 1 + len(self.y))
        chosen = set((donor, recipient) for recipient, donor in assignment.items())
        for k, pair in enumerate(self.pairs):
            if pair in chosen:
                values[k] = 1
                if self.limited:
                    values[self.y[(pair[0], self.group[pair[1]])]] = 1
        values[self.t] = self.objective_of(assignment)
        solution = highspy.HighsSolution()
        solution.col_value = list(values)
        solution.value_valid = True
        highs.setSolution(solution)

    def second_goal(self, highs, highspy, bound: float) -> None:
        """Keep T within the first optimum's reach; fewest recipients leaving their donor."""
        highs.changeColBounds(self.t, 0.0, bound)
        columns = self.t + 1 + len(self.y)
        cost = np.zeros(columns)
        current = {(donor, recipient) for recipient, donor in self.problem.current.items()}
        for k, pair in enumerate(self.pairs):
            if pair in current:
                cost[k] = -1.0
        highs.changeColsCost(columns, np.arange(columns, dtype=np.int32), cost)

    def outcome(self, highs, highspy):
        """(assignment, proven optimal, the solver's lower bound on the largest Lᵢ / cᵢ), or
        None when it has no design."""
        status = highs.getModelStatus()
        info = highs.getInfo()
        if info.primal_solution_status != 2:  # no feasible solution (infeasible, or none yet)
            return None
        values = highs.getSolution().col_value
        assignment = {
            recipient: donor for k, (donor, recipient) in enumerate(self.pairs) if values[k] > 0.5
        }
        optimal = status == highspy.HighsModelStatus.kOptimal
        bound = float(info.mip_dual_bound)  # ±inf before the solver has one
        return assignment, optimal, bound * self.scale if 0 < bound < float("inf") else 0.0


class _Rows:
    """Rows gathered as a sparse matrix, added to the model at once."""

    def __init__(self):
        self.starts, self.indices, self.values, self.lower, self.upper = [], [], [], [], []

    def add(self, columns: list[int], values: list[float], lower: float, upper: float) -> None:
        self.starts.append(len(self.indices))
        self.indices.extend(columns)
        self.values.extend(values)
        self.lower.append(lower)
        self.upper.append(upper)

    def into(self, highs) -> None:
        highs.addRows(
            len(self.lower),
            np.array(self.lower, dtype=float),
            np.array(self.upper, dtype=float),
            len(self.indices),
            np.array(self.starts, dtype=np.int32),
            np.array(self.indices, dtype=np.int32),
            np.array(self.values, dtype=float),
        )
