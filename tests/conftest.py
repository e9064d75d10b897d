import datetime
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.utils import translation
from django_tasks_db.management.commands import db_worker

from counterpart.accounts.choices import Role
from tests import factories

pytest_plugins = ["tests.talent.fixtures", "tests.browser"]

# The tests that walk the whole demo as every role take a minute or more each: run first, so
# that they do not end the run on one process while the other waits (`--dist worksteal` gives
# the other process the short tests queued behind them).
LONG_FIRST = ("tests/walks/", "tests/test_permission_matrix.py")


# What a test needs to touch the database: a test with none of these runs the same everywhere.
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
}


def _uses_the_database(item) -> bool:
    return bool(item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(item.fixturenames))


def pytest_collection_modifyitems(config, items):
    def order(item) -> int:
        long = [item.nodeid.startswith(path) for path in LONG_FIRST]
        return long.index(True) if True in long else len(LONG_FIRST)

    items.sort(key=order)
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        # The PostgreSQL run repeats what depends on the database; the SQLite run has the rest.
        elsewhere = [item for item in items if not _uses_the_database(item)]
        config.hook.pytest_deselected(items=elsewhere)
        items[:] = [item for item in items if _uses_the_database(item)]


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


PASSWORD = "pw-for-tests-1"  # every user of the world signs in with it


@pytest.fixture(autouse=True)
def each_test_starts_in_english():
    """A request in another language leaves it active in the thread (LocaleMiddleware does not
    reset it): a test that asked in Uyghur must not leave the next one reading Uyghur names."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def worker_keeps_the_test_connection(monkeypatch):
    """The queue's worker drops stale connections between tasks, as Django does between
    requests; inside a test's transaction that would drop the test's own (on PostgreSQL)."""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)


@pytest.fixture
def world(db) -> World:
    return build_world()


def build_world() -> World:
    f = factories
    china = f.RegionFactory(level="country", name="China")
    xinjiang = f.RegionFactory(level="province", parent=china, name="Xinjiang")
    hotan = f.RegionFactory(level="prefecture", parent=xinjiang, name="Hotan Prefecture")
    hotan_city = f.RegionFactory(level="county", parent=hotan, name="Hotan City")
    hotan_county = f.RegionFactory(level="county", parent=hotan, name="Hotan County")
    kashgar = f.RegionFactory(level="prefecture", parent=xinjiang, name="Kashgar Prefecture")
    shufu = f.RegionFactory(level="county", parent=kashgar, name="Shufu County")
    jiashi = f.RegionFactory(level="county", parent=kashgar, name="Jiashi County")
    beijing_region = f.RegionFactory(level="province", parent=china, name="Beijing")
    guangdong_region = f.RegionFactory(level="province", parent=china, name="Guangdong")
    beijing = f.OrganizationFactory(region_=beijing_region, kind="municipality", name="Beijing")
    guangdong = f.OrganizationFactory(region_=guangdong_region, name="Guangdong")
    shenzhen = f.OrganizationFactory(
        region_=guangdong_region, kind="city", parent=guangdong, name="Shenzhen"
    )
    office_org = f.OrganizationFactory(region_=xinjiang, kind="local_government", name="Office")
    hotan_office = f.OrganizationFactory(
        region_=hotan, kind="local_government", name="Hotan Office"
    )
    round_ = f.PairingRoundFactory(year=2010)
    users = {
        "office": f.UserFactory(
            organization_=office_org, role=Role.PROGRAMME_OFFICE, username="office"
        ),
        "auditor": f.UserFactory(organization_=office_org, role=Role.AUDITOR, username="auditor"),
        "beijing_team": f.UserFactory(organization_=beijing, role=Role.DONOR_TEAM, username="bj"),
        "guangdong_team": f.UserFactory(
            organization_=guangdong, role=Role.DONOR_TEAM, username="gd"
        ),
        "hotan_team": f.UserFactory(
            organization_=hotan_office, role=Role.RECIPIENT_TEAM, username="hotan"
        ),
        "professional": f.UserFactory(
            organization_=beijing, role=Role.PROFESSIONAL, username="pro"
        ),
        "nobody": f.UserFactory(username="nobody"),
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
        beijing_hotan_city=f.PairingFactory(round_=round_, donor=beijing, recipient=hotan_city),
        beijing_draft=f.PairingFactory(
            round_=round_, donor=beijing, recipient=hotan_county, is_published=False
        ),
        guangdong_shufu=f.PairingFactory(round_=round_, donor=guangdong, recipient=shufu),
        guangdong_draft=f.PairingFactory(
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
