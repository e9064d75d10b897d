"""Pairing design scenarios of the 2010 round: one solved and published, what anyone may read;
one the office is still working on (Shenzhen's capacity cut by a fifth), not yet solved; and
an illustrative need index for the three southern prefectures, to weigh a scenario by."""

from decimal import Decimal

from counterpart.demo import lookup
from counterpart.design import selectors, services

SCENARIO = "The 2010 round by the 2010 census, equal weights"
WHAT_IF = "What if Shenzhen's revenue fell 20 %"
DEMO_SECONDS = 5.0  # the demo loads in seconds; the office solves longer on the queue


NEED = "Need index (illustrative)"
SOUTH = {"653200": "1.3", "653100": "1.3", "653000": "1.3"}  # Hotan, Kashgar, Kizilsu


def load_design(loader) -> None:
    actor = loader.actor
    if selectors.scenario_list(actor=actor).filter(name=SCENARIO).exists():
        return
    needs = [
        services.need_figure_record(
            actor=actor,
            region=lookup.region(actor, code),
            name=NEED,
            year=2010,
            value=Decimal(value),
            source="illustrative",
        )
        for code, value in SOUTH.items()
    ]
    loader.mark(needs, "illustrative")
    scenario = services.scenario_create(
        actor=actor, round=lookup.round_of(actor, 2010), name=SCENARIO, census_year=2010
    )
    scenario = services.scenario_solve(actor=actor, scenario=scenario, time_limit=DEMO_SECONDS)
    services.scenario_publish(
        actor=actor, scenario=scenario, expected_version=scenario.version, published=True
    )
    what_if = services.scenario_create(
        actor=actor, round=scenario.round, name=WHAT_IF, census_year=2010
    )
    problem = what_if.problem
    for donor in problem["donors"]:
        if donor["ref"] == "shenzhen":
            donor["capacity"] *= 0.8
    services.scenario_figures_set(
        actor=actor, scenario=what_if, expected_version=what_if.version, problem=problem
    )
    loader.mark([scenario, what_if], "illustrative")
