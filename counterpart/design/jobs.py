"""Pairing design's work on the queue."""

from django.urls import reverse

from counterpart.core.said import said
from counterpart.design import selectors, services
from counterpart.design.phrases import SEE_SCENARIO

SOLVE = "counterpart.design.jobs.solve_scenario"  # this module's job, as the queue names it


def solve_scenario(*, actor, progress, scenario_id: int, time_limit: float = 60.0) -> dict:
    """Solve a scenario (as `services.scenario_solve`), then point to it."""
    scenario = services.scenario_solve(
        actor=actor,
        scenario=selectors.scenario_get(actor=actor, pk=scenario_id),
        time_limit=time_limit,
        progress=progress,
    )
    return {
        "scenario": scenario.pk,
        "url": reverse("design:scenario", args=[scenario.pk]),
        "label": said(SEE_SCENARIO),
    }
