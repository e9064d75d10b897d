import datetime

import pytest

from counterpart.accounts.choices import Role
from counterpart.projects import services as projects
from counterpart.reporting import services as reporting
from tests import factories as f


@pytest.fixture
def chain(world, indicator):
    """The 2010 round reviewed under "new records" (after the project was set up): Hotan City's
    county team reports, the prefecture's team approves, then the office."""
    county_office = f.OrganizationFactory(
        region_=world.hotan_city, kind="local_government", name="Hotan City Office"
    )
    world.users["county_team"] = f.UserFactory(
        organization_=county_office, role=Role.RECIPIENT_TEAM, username="county"
    )
    world.users["kashgar_team"] = f.UserFactory(
        organization_=f.OrganizationFactory(
            region_=world.kashgar, kind="local_government", name="Kashgar Office"
        ),
        role=Role.RECIPIENT_TEAM,
        username="kashgar",
    )
    reporting.reporting_rules_set(
        actor=world.user("office"),
        round=world.round,
        review_mode="new",
        levels=[("recipient_team", "prefecture"), ("programme_office", "")],
    )
    return world


@pytest.fixture
def indicator(world):
    """A standard "people lifted out of poverty" indicator of a Beijing project in Hotan City."""
    office = world.user("office")
    project = f.ProjectFactory(pairing=world.beijing_hotan_city, title_en="Hotan City housing")
    result = projects.result_create(actor=office, project=project, kind="2", title_en="Homes")
    return projects.indicator_create(
        actor=office, result=result, title_en="People out of poverty", standard="out_of_poverty"
    )


def report(actor, indicator, actual, *, start=datetime.date(2021, 1, 1), **more):
    return projects.indicator_period_record(
        actor=actor,
        indicator=indicator,
        period_start=start,
        period_end=datetime.date(start.year, start.month + 2, 28),
        actual=actual,
        **more,
    )
