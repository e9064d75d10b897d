"""The test world with what a design needs: census counts, the donors' 2009 revenue, a quota."""

import pytest

from counterpart.design import services
from counterpart.pairings import services as pairing_services
from counterpart.places import services as places


@pytest.fixture
def figures(world):
    office = world.user("office")
    for place, people in ((world.hotan, 1000), (world.hotan_city, 400), (world.kashgar, 900)):
        places.population_record(
            actor=office, region=place, year=2010, people=people, source="test census"
        )
    for donor, yuan in ((world.beijing, 100_000), (world.guangdong, 200_000)):
        pairing_services.fiscal_revenue_record(
            actor=office, donor=donor, year=2009, amount_minor=yuan * 100, source="test"
        )
    pairing_services.quota_rule_create(
        actor=office, round=world.round, share_ppm=5000, first_year=2011
    )
    return world


def made(world, name="Equal weights"):
    return services.scenario_create(
        actor=world.user("office"), round=world.round, name=name, census_year=2010
    )
