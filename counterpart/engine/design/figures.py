"""What a design gives each recipient, and how evenly: the figures scenarios are compared by."""

from counterpart.engine.design.problem import Problem, loads, weighted


def support(problem: Problem, assignment: dict[str, str]) -> dict[str, float | None]:
    """Yuan a year per weighted resident of each recipient (cᵢ / Lᵢ of its donor); None for a
    recipient without a donor, or whose donor's recipients weigh nothing."""
    load = loads(problem, assignment)
    return {
        r.ref: (1 / load[assignment[r.ref]] if load.get(assignment.get(r.ref, ""), 0) else None)
        for r in problem.recipients
    }


def gini(problem: Problem, given: dict[str, float | None]) -> float | None:
    """The Gini coefficient of support among weighted residents (0: every resident gets the
    same; towards 1: a few get it all), each recipient counting by its weighted population."""
    people = sorted(
        (value, weighted(r))
        for r in problem.recipients
        if (value := given.get(r.ref)) is not None and weighted(r) > 0
    )
    total = sum(w for _, w in people)
    mean = sum(v * w for v, w in people) / total if total else 0.0
    if not mean:
        return None
    # Σᵢ Σⱼ wᵢ wⱼ |vᵢ − vⱼ| over sorted values: each value against the weight below it.
    below_weight = below_sum = spread = 0.0
    for value, weight in people:
        spread += weight * (value * below_weight - below_sum)
        below_weight += weight
        below_sum += value * weight
    return spread / (total * total * mean)
