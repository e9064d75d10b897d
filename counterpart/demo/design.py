"""A pairing design scenario of the 2010 round, solved and published: what anyone may read,
and where the office's journey (change a figure, solve again, compare, draft a round) starts."""

from counterpart.demo import lookup
from counterpart.design import selectors, services

SCENARIO = "The 2010 round by the 2010 census, equal weights"
DEMO_SECONDS = 5.0  # the demo loads in seconds; the office solves longer on the queue


def load_design(loader) -> None:
    actor = loader.actor
    if selectors.scenario_list(actor=actor).filter(name=SCENARIO).exists():
        return
    scenario = services.scenario_create(
        actor=actor, round=lookup.round_of(actor, 2010), name=SCENARIO, census_year=2010
    )
    scenario = services.scenario_solve(actor=actor, scenario=scenario, time_limit=DEMO_SECONDS)
    services.scenario_publish(
        actor=actor, scenario=scenario, expected_version=scenario.version, published=True
    )
    loader.mark(scenario, "illustrative")
