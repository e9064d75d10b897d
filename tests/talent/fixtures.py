"""Fixtures and helpers for tests of people who serve (loaded by tests/conftest.py)."""

import datetime
from dataclasses import dataclass

import pytest

from counterpart.accounts.choices import Role
from counterpart.talent import services
from tests import factories as f

START = datetime.date(2030, 9, 1)


@dataclass
class Talent:
    hospital: object  # Hotan City hospital (in Hotan prefecture, served by the Hotan team)
    school: object  # a school in Shufu (Kashgar), which no recipient team of the world serves
    beijing_hospital: object  # a sending hospital under Beijing
    paediatrics: object
    teaching: object
    yu: object  # a Beijing paediatrician with an account
    li: object  # another Beijing paediatrician
    wang: object  # a Guangdong paediatrician


def professional(world, organization, name, user=None, **fields):
    defaults = dict(
        specialty="paediatrics",
        seniority=3,
        languages=["zh"],
        available_from=datetime.date(2030, 1, 1),
        term_months=12,
    )
    return services.professional_register(
        actor=f.system(),
        organization=organization,
        name=name,
        user=user,
        **{**defaults, **fields},
    )


def post(institution, title="Paediatrician", **fields):
    defaults = dict(specialty="paediatrics", places=1, term_months=12, start_date=START)
    return services.post_create(
        actor=f.system(), institution=institution, title_en=title, **{**defaults, **fields}
    )


@pytest.fixture
def talent(world) -> Talent:
    hospital = f.OrganizationFactory(
        region_=world.hotan_city, kind="hospital", name="Hotan City Hospital"
    )
    school = f.OrganizationFactory(region_=world.shufu, kind="school", name="Shufu School")
    beijing_hospital = f.OrganizationFactory(
        region_=world.beijing.region, kind="hospital", parent=world.beijing, name="BJ Hospital"
    )
    return Talent(
        hospital=hospital,
        school=school,
        beijing_hospital=beijing_hospital,
        paediatrics=post(hospital),
        teaching=post(school, "Language teacher", specialty="language_teaching", places=2),
        yu=professional(world, beijing_hospital, "Yu Test", user=world.user("professional")),
        li=professional(world, world.beijing, "Li Test"),
        wang=professional(world, world.guangdong, "Wang Test"),
    )


def second_professional_user(world):
    return f.UserFactory(organization_=world.beijing, role=Role.PROFESSIONAL, username="pro2")
