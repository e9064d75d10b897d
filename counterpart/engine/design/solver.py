"""The exact search: a mixed-integer programme solved by HiGHS, from the first design."""

import os
import sys
import time
from collections import defaultdict

import numpy as np

from counterpart.engine.design.problem import (
    Design,
    Infeasible,
    Problem,
    allowed_donors,
    changes,
    check,
    lower_bound,
    objective,
    weighted,
)
from counterpart.engine.design.search import fewer_changes, greedy, improved

NEAR_OPTIMUM = 1e-6  # the second goal looks among designs within this of the first's optimum
LARGE = 200_000  # pairs past which the solver's first relaxation outlasts minutes: none is made


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
        found = improved(problem, start, seconds=time_limit * 0.9)
        found = fewer_changes(problem, found, seconds=time_limit * 0.05)
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
        within = model.objective_of(found) * (1 + NEAR_OPTIMUM)
        found = fewer_changes(problem, found, seconds=left() / 4)  # within that too
        model.second_goal(highs, highspy, within)
        model.start_from(highs, highspy, found)
        highs.setOptionValue("time_limit", left())
        highs.run()
        second = model.outcome(highs, highspy)
        if second is not None:
            found, optimal = second[0], optimal and second[1]
    return _design(problem, found, optimal=optimal, bound=bound, started=started)


def _pairs(problem: Problem) -> int:
    return sum(len(allowed_donors(problem, r.ref)) for r in problem.recipients)


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
                    (d.ref, recipient.ref) for d in allowed_donors(problem, recipient.ref)
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
        """The design's largest load in the model's scale (T)."""
        return objective(self.problem, assignment) / self.scale

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
