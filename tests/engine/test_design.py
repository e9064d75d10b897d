"""Pairing design (engine/design.py) against every assignment of small instances, and its
properties on larger ones: each recipient paired once, every constraint held, no worse than
the current design where that one is allowed, nor than the greedy one."""

import itertools
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counterpart.engine.design import (
    NEAR_OPTIMUM,
    Donor,
    Infeasible,
    Problem,
    Recipient,
    changes,
    check,
    fewer_changes,
    greedy,
    improved,
    lower_bound,
    objective,
    solve,
    violations,
)


@st.composite
def problems(draw, most_donors=3, most_recipients=6):
    donors = [
        Donor(
            f"d{i}",
            capacity=draw(st.integers(1, 100)) * 1e6,
            min_recipients=draw(st.integers(0, 2)),
            max_recipients=draw(st.none() | st.integers(1, 4)),
        )
        for i in range(draw(st.integers(1, most_donors)))
    ]
    recipients = [
        Recipient(
            f"r{j}",
            population=draw(st.integers(1, 10_000)),
            weight=draw(st.sampled_from([1.0, 0.5, 2.0])),
            group=draw(st.sampled_from("ab" if j % 2 else "bc")),
        )
        for j in range(draw(st.integers(1, most_recipients)))
    ]
    pairs = [(d.ref, r.ref) for d in donors for r in recipients]
    forbidden = set(draw(st.lists(st.sampled_from(pairs), max_size=len(pairs) // 2)))
    fixed = {}
    for donor, recipient in draw(st.lists(st.sampled_from(pairs), max_size=2)):
        if (donor, recipient) not in forbidden:
            fixed.setdefault(recipient, donor)
    current = {r.ref: draw(st.sampled_from(donors)).ref for r in recipients}
    return Problem(
        donors=donors,
        recipients=recipients,
        fixed={(donor, recipient) for recipient, donor in fixed.items()},
        forbidden=forbidden,
        max_groups_per_donor=draw(st.none() | st.integers(1, 2)),
        current=current,
    )


def best_by_enumeration(problem: Problem):
    """The least largest load, then the fewest changes near it, over every assignment."""
    refs = [r.ref for r in problem.recipients]
    feasible = []
    for donors in itertools.product([d.ref for d in problem.donors], repeat=len(refs)):
        assignment = dict(zip(refs, donors, strict=True))
        if not violations(problem, assignment):
            feasible.append(assignment)
    if not feasible:
        return None
    least = min(objective(problem, a) for a in feasible)
    near = [a for a in feasible if objective(problem, a) <= least * (1 + NEAR_OPTIMUM)]
    return least, min(changes(problem, a) for a in near)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_the_design_is_the_best_of_every_assignment(problem):
    best = best_by_enumeration(problem)
    if best is None:
        with pytest.raises(Infeasible):
            solve(problem, time_limit=10)
        return
    design = solve(problem, time_limit=10)
    assert violations(problem, design.assignment) == []
    assert design.proven_optimal and design.gap == 0
    assert lower_bound(problem) <= best[0] * (1 + 1e-12)  # what the gap is measured against
    assert design.objective == pytest.approx(best[0], rel=1e-7)
    assert design.changes == best[1]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(most_donors=8, most_recipients=30))
def test_a_design_holds_every_constraint_and_is_no_worse_than_the_current_or_greedy(problem):
    try:
        check(problem)
    except Infeasible:
        return
    start = greedy(problem)
    try:
        design = solve(problem, time_limit=20)
    except Infeasible:
        assert start is None  # the greedy way found none either
        return
    assert violations(problem, design.assignment) == []
    assert sorted(design.assignment) == sorted(r.ref for r in problem.recipients)
    if not violations(problem, problem.current):
        assert design.objective <= objective(problem, problem.current) * (1 + 1e-9)
    if start is not None:
        assert design.objective <= objective(problem, start) * (1 + 1e-9)
        better = improved(problem, start)  # the solver's first design: as valid, no worse
        assert violations(problem, better) == []
        assert objective(problem, better) <= objective(problem, start)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(most_donors=6, most_recipients=20))
def test_sending_recipients_home_keeps_the_design_valid_and_never_adds_a_change(problem):
    try:
        check(problem)
    except Infeasible:
        return
    start = greedy(problem)
    if start is None:
        return
    home = fewer_changes(problem, start, seconds=5)
    assert violations(problem, home) == []
    assert changes(problem, home) <= changes(problem, start)
    assert objective(problem, home) <= objective(problem, start) * (1 + 1e-6) + 1e-15


def test_a_recipient_goes_home_when_its_donor_can_take_it_within_the_largest_load():
    """A design that moved the big place and one small one: exchanging the big place for both
    small ones brings the big one home within the same largest load (1.0); the other small
    place cannot follow (its donor would carry 1.4)."""
    problem = Problem(
        donors=[Donor("a", 100.0), Donor("b", 100.0)],
        recipients=[Recipient("big", 100), Recipient("s1", 40), Recipient("s2", 40)],
        current={"big": "a", "s1": "a", "s2": "b"},
    )
    start = {"big": "b", "s1": "a", "s2": "a"}  # largest load 1.0 (b), 0.8 (a)
    home = fewer_changes(problem, start, seconds=5)
    assert changes(problem, start) == 2
    assert home == {"big": "a", "s1": "b", "s2": "b"} and changes(problem, home) == 1


def test_among_equal_designs_the_current_pairings_stay():
    """Two donors of equal capacity and two equal recipients: either way is optimal; the one
    in force is kept."""
    problem = Problem(
        donors=[Donor("beijing", 100e6), Donor("shanghai", 100e6)],
        recipients=[Recipient("hotan", 1000), Recipient("kashgar", 1000)],
        current={"hotan": "shanghai", "kashgar": "beijing"},
    )
    design = solve(problem)
    assert design.assignment == {"hotan": "shanghai", "kashgar": "beijing"}
    assert design.changes == 0


@pytest.mark.parametrize(
    ("change", "code", "named"),
    [
        (lambda p: p.forbidden.update({("a", "x"), ("b", "x")}), "no_donor", "x"),
        (lambda p: p.fixed.update({("a", "x"), ("b", "x")}), "fixed_twice", "x"),
        (lambda p: (p.fixed.add(("a", "x")), p.forbidden.add(("a", "x"))), "fixed_forbidden", "a"),
        (lambda p: p.fixed.add(("a", "nowhere")), "unknown_pair", "nowhere"),
        (lambda p: p.donors.append(Donor("c", 1e6, min_recipients=5)), "minimums", "5"),
        (lambda p: p.donors.append(Donor("c", 0, min_recipients=1)), "no_capacity", "c"),
        (lambda p: p.donors.append(Donor("c", 1e6, 3, 2)), "min_above_max", "c"),
    ],
)
def test_input_no_design_can_meet_is_refused_naming_the_constraint(change, code, named):
    problem = Problem(
        donors=[Donor("a", 1e6), Donor("b", 2e6)],
        recipients=[Recipient("x", 10), Recipient("y", 20)],
    )
    change(problem)
    with pytest.raises(Infeasible) as refused:
        solve(problem)
    assert refused.value.code == code and named in str(refused.value.params)


def test_greedy_takes_the_largest_first_to_the_donor_it_leaves_least_loaded():
    rng = random.Random(4)
    donors = [Donor(f"d{i}", rng.randint(1, 9) * 1e6) for i in range(4)]
    recipients = [Recipient(f"r{j}", rng.randint(100, 999)) for j in range(12)]
    problem = Problem(donors=donors, recipients=recipients)
    start = greedy(problem)
    assert violations(problem, start) == []
    assert solve(problem).objective <= objective(problem, start)


def test_past_the_solvers_reach_moves_and_swaps_have_the_time_and_say_how_far_they_may_be(
    monkeypatch,
):
    """A programme with more pairs than `LARGE` is searched by moves and swaps alone: a valid
    design, no worse than greedy, not called optimal, its gap against the even spread."""
    from counterpart.engine.design import solver

    monkeypatch.setattr(solver, "LARGE", 10)
    rng = random.Random(7)
    donors = [Donor(f"d{i}", rng.randint(1, 9) * 1e6) for i in range(5)]
    recipients = [Recipient(f"r{j}", rng.randint(100, 999), group=f"g{j % 4}") for j in range(20)]
    problem = Problem(donors=donors, recipients=recipients, max_groups_per_donor=2)
    found = solve(problem, time_limit=1)
    assert violations(problem, found.assignment) == []
    assert found.objective <= objective(problem, greedy(problem))
    assert not found.proven_optimal
    assert found.gap == pytest.approx(1 - lower_bound(problem) / found.objective)


def test_the_first_descent_is_kept_even_when_no_kick_betters_it():
    """One donor loaded with everything, another empty: the first descent moves recipients
    over; with no kick allowed, that descent's design is still what comes back."""
    problem = Problem(
        donors=[Donor("a", 1e6), Donor("b", 1e6)],
        recipients=[Recipient(f"r{j}", 100) for j in range(6)],
    )
    piled = {f"r{j}": "a" for j in range(6)}
    assert objective(problem, improved(problem, piled, patience=0)) == pytest.approx(3e-4)
