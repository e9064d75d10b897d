"""A design problem, what a design is worth, and the input no design can meet (`check`, by
code and parameters: the caller puts them into words)."""

from collections import defaultdict
from dataclasses import dataclass, field
from math import inf


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
        if recipient.ref not in fixed_to and not allowed_donors(problem, recipient.ref):
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


def allowed_donors(problem: Problem, recipient: str) -> list[Donor]:
    return [
        d for d in problem.donors if d.capacity > 0 and (d.ref, recipient) not in problem.forbidden
    ]


def lower_bound(problem: Problem) -> float:
    """No design's largest Lᵢ / cᵢ is below this: the residents spread evenly over every
    capacity, or the largest recipient with the largest donor it may have."""
    capacity = sum(d.capacity for d in problem.donors if d.capacity > 0)
    even = sum(weighted(r) for r in problem.recipients) / capacity if capacity else 0.0
    largest = max(
        (
            weighted(r) / max((d.capacity for d in allowed_donors(problem, r.ref)), default=inf)
            for r in problem.recipients
        ),
        default=0.0,
    )
    return max(even, largest)
