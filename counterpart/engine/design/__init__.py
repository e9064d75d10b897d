"""Pairing design: who should assist whom. Pure, no Django.

Each recipient gets exactly one donor. A donor spreads its capacity (yuan a year) over its
recipients in proportion to their weighted population, so each of donor i's recipients has
cᵢ / Lᵢ per weighted resident, Lᵢ = Σ pⱼ·wⱼ over them. The design minimises the largest
Lᵢ / cᵢ (raises the lowest support per weighted resident); then, among designs within a
relative 10⁻⁶ of that, it changes the fewest recipients' current donors.

Solved exactly as a mixed-integer programme by HiGHS (`highspy`): the load constraint is
linear in a continuous bound T (Σⱼ aᵢⱼ xᵢⱼ ≤ T), which a MIP states as it is where a
constraint programming solver would need integer scaling; HiGHS proves optimality or reports
its gap, takes a starting design (the greedy one, searched on: search.py), and is a 3 MB
wheel needing only numpy.

Input that cannot be met is refused before solving with `Infeasible`, naming the constraint
(`code` and `params`, for the caller to put into words)."""

from counterpart.engine.design.figures import gini, support
from counterpart.engine.design.problem import (
    Design,
    Donor,
    Infeasible,
    Problem,
    Recipient,
    changes,
    check,
    loads,
    lower_bound,
    objective,
    violations,
    weighted,
)
from counterpart.engine.design.search import fewer_changes, greedy, improved
from counterpart.engine.design.solver import LARGE, NEAR_OPTIMUM, solve

__all__ = [
    "LARGE",
    "NEAR_OPTIMUM",
    "Design",
    "Donor",
    "Infeasible",
    "Problem",
    "Recipient",
    "changes",
    "check",
    "fewer_changes",
    "gini",
    "greedy",
    "improved",
    "loads",
    "lower_bound",
    "objective",
    "solve",
    "support",
    "violations",
    "weighted",
]
