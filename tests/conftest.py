import datetime
from dataclasses import dataclass

import pytest

from counterpart.accounts.models import Role
from tests import factories

pytest_plugins = ["tests.talent.fixtures"]


@dataclass
class World:
    """A small programme: two donors (one with a city under it), two prefectures, users of every
    role, a published pairing and a draft pairing for each donor."""

    china: object
    xinjiang: object
    hotan: object
    hotan_city: object
    kashgar: object
    shufu: object
    beijing: object
    guangdong: object
    shenzhen: object
    office_org: object
    hotan_office: object
    round: object
    beijing_hotan_city: object
    beijing_draft: object
    guangdong_shufu: object
    guangdong_draft: object
    users: dict

    def user(self, key):
        return self.users[key]


@pytest.fixture
def world(db) -> World:
    f = factories
    china = f.region(level="country", name="China")
    xinjiang = f.region(level="province", parent=china, name="Xinjiang")
    hotan = f.region(level="prefecture", parent=xinjiang, name="Hotan Prefecture")
    hotan_city = f.region(level="county", parent=hotan, name="Hotan City")
    hotan_county = f.region(level="county", parent=hotan, name="Hotan County")
    kashgar = f.region(level="prefecture", parent=xinjiang, name="Kashgar Prefecture")
    shufu = f.region(level="county", parent=kashgar, name="Shufu County")
    jiashi = f.region(level="county", parent=kashgar, name="Jiashi County")
    beijing_region = f.region(level="province", parent=china, name="Beijing")
    guangdong_region = f.region(level="province", parent=china, name="Guangdong")
    beijing = f.organization(region_=beijing_region, kind="municipality", name="Beijing")
    guangdong = f.organization(region_=guangdong_region, name="Guangdong")
    shenzhen = f.organization(
        region_=guangdong_region, kind="city", parent=guangdong, name="Shenzhen"
    )
    office_org = f.organization(region_=xinjiang, kind="local_government", name="Office")
    hotan_office = f.organization(region_=hotan, kind="local_government", name="Hotan Office")
    round_ = f.pairing_round(year=2010)
    users = {
        "office": f.user(organization_=office_org, role=Role.PROGRAMME_OFFICE, username="office"),
        "auditor": f.user(organization_=office_org, role=Role.AUDITOR, username="auditor"),
        "beijing_team": f.user(organization_=beijing, role=Role.DONOR_TEAM, username="bj"),
        "guangdong_team": f.user(organization_=guangdong, role=Role.DONOR_TEAM, username="gd"),
        "hotan_team": f.user(
            organization_=hotan_office, role=Role.RECIPIENT_TEAM, username="hotan"
        ),
        "professional": f.user(organization_=beijing, role=Role.PROFESSIONAL, username="pro"),
        "nobody": f.user(username="nobody"),
    }
    return World(
        china=china,
        xinjiang=xinjiang,
        hotan=hotan,
        hotan_city=hotan_city,
        kashgar=kashgar,
        shufu=shufu,
        beijing=beijing,
        guangdong=guangdong,
        shenzhen=shenzhen,
        office_org=office_org,
        hotan_office=hotan_office,
        round=round_,
        beijing_hotan_city=f.pairing(round_=round_, donor=beijing, recipient=hotan_city),
        beijing_draft=f.pairing(
            round_=round_, donor=beijing, recipient=hotan_county, is_published=False
        ),
        guangdong_shufu=f.pairing(round_=round_, donor=guangdong, recipient=shufu),
        guangdong_draft=f.pairing(
            round_=round_,
            donor=guangdong,
            recipient=jiashi,
            is_published=False,
            valid_from=datetime.date(2012, 1, 1),
        ),
        users=users,
    )


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()
