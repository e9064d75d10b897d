from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from counterpart.audit.models import AuditEvent
from counterpart.places import selectors, services
from counterpart.places.models import Region
from tests import factories as f
from tests.api.test_api import call, token_for


def test_a_subtree_is_found_by_its_path(world):
    within = selectors.region_list(actor=world.user("nobody"), within=world.hotan)
    assert set(within) == {world.hotan, world.hotan_city, *world.hotan.children.all()}


def test_moving_a_region_moves_its_descendants(world):
    office = world.user("office")
    township = f.RegionFactory(level="township", parent=world.hotan_city)
    services.region_update(
        actor=office,
        region=world.hotan_city,
        expected_version=world.hotan_city.version,
        parent=world.kashgar,
    )
    township.refresh_from_db()
    assert township.is_within(world.kashgar)
    assert not township.is_within(world.hotan)


def test_a_region_cannot_sit_under_its_own_descendant(world):
    with pytest.raises(ValidationError) as error:
        services.region_update(
            actor=world.user("office"),
            region=world.hotan,
            expected_version=world.hotan.version,
            parent=world.hotan_city,
        )
    assert "parent" in error.value.message_dict


def test_a_county_cannot_hold_a_prefecture(world):
    before = Region.objects.count()
    with pytest.raises(ValidationError) as error:
        services.region_create(
            actor=world.user("office"),
            code="X1",
            name_en="Odd",
            level="prefecture",
            parent=world.hotan_city,
        )
    assert "level" in error.value.message_dict
    assert Region.objects.count() == before


def test_a_duplicate_code_names_the_field_and_writes_nothing(world):
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as error:
        services.region_create(
            actor=world.user("office"),
            code=world.hotan.code,
            name_en="Again",
            level="prefecture",
            parent=world.xinjiang,
        )
    assert "code" in error.value.message_dict
    assert AuditEvent.objects.count() == events


def test_a_donor_team_edits_its_own_profile_with_one_audit_event(world):
    team = world.user("beijing_team")
    before = AuditEvent.objects.count()
    updated = services.organization_update(
        actor=team,
        organization=world.beijing,
        expected_version=world.beijing.version,
        description_en="Front-line command in Hotan.",
        website="https://example.org",
    )
    assert updated.version == world.beijing.version + 1
    events = AuditEvent.objects.filter(
        object_type="places.organization", object_id=str(world.beijing.pk)
    )
    assert AuditEvent.objects.count() == before + 1
    event = events.first()
    assert event.actor == team
    assert event.before["description_en"] == ""
    assert event.after["description_en"] == "Front-line command in Hotan."


def test_a_donor_team_cannot_rename_its_organization(world):
    with pytest.raises(ValidationError) as error:
        services.organization_update(
            actor=world.user("beijing_team"),
            organization=world.beijing,
            expected_version=world.beijing.version,
            name_en="Peking",
        )
    assert "name_en" in error.value.message_dict


def test_a_donor_team_cannot_edit_another_organization(world):
    with pytest.raises(PermissionDenied):
        services.organization_update(
            actor=world.user("beijing_team"),
            organization=world.guangdong,
            expected_version=world.guangdong.version,
            description_en="not ours",
        )
    world.guangdong.refresh_from_db()
    assert world.guangdong.description_en == ""


def test_a_stale_edit_is_refused_and_the_newer_one_kept(world):
    team, office = world.user("beijing_team"), world.user("office")
    read_version = world.beijing.version
    services.organization_update(
        actor=office,
        organization=world.beijing,
        expected_version=read_version,
        description_en="first",
    )
    with pytest.raises(ValidationError) as error:
        services.organization_update(
            actor=team,
            organization=world.beijing,
            expected_version=read_version,
            description_en="second",
        )
    assert "version" in error.value.message_dict
    world.beijing.refresh_from_db()
    assert world.beijing.description_en == "first"


def test_bad_email_names_the_field(world):
    with pytest.raises(ValidationError) as error:
        services.organization_update(
            actor=world.user("beijing_team"),
            organization=world.beijing,
            expected_version=world.beijing.version,
            contact_email="not an address",
        )
    assert "contact_email" in error.value.message_dict


def test_a_region_given_no_level_is_refused_naming_it(world):
    region = world.hotan_city
    response = call(
        Client(),
        "patch",
        f"/regions/{region.pk}",
        {"version": region.version, "level": None},
        token=token_for(world.user("office")),
    )
    assert response.status_code == 422 and "level" in response.json()["errors"]
    assert Region.objects.get(pk=region.pk).version == region.version


def test_a_region_cannot_be_raised_above_its_parent(world):
    with pytest.raises(ValidationError) as error:
        services.region_update(
            actor=world.user("office"),
            region=world.hotan_city,
            expected_version=world.hotan_city.version,
            level="prefecture",
        )
    assert "level" in error.value.message_dict


def test_a_place_that_can_be_assisted_comes_with_its_government(world):
    """A prefecture, a county or a corps division is made with its government (the pairing's
    other side in the open data); a township or a province is not."""
    office = world.user("office")
    made = {
        level: services.region_create(
            actor=office,
            code=code,
            name_en=name,
            name_zh=name_zh,
            level=level,
            parent=parent,
        )
        for level, code, name, name_zh, parent in (
            ("prefecture", "653100", "Kashgar Prefecture", "喀什地区", world.xinjiang),
            ("county", "653121", "Shufu County", "疏附县", None),
            ("township", "653121100", "Tuokelaike", "托克拉克乡", None),
        )
    }
    governments = {
        organization.region.level: (organization.name_en, organization.name_zh)
        for organization in selectors.organization_list(actor=office, kind="local_government")
        if organization.region in made.values()
    }
    assert governments == {
        "prefecture": ("Kashgar Prefecture Administrative Office", "喀什地区行政公署"),
        "county": ("Shufu County People's Government", "疏附县人民政府"),
    }


def test_a_place_of_china_is_made_at_the_seat_of_its_government(world):
    """A GB/T 2260 code brings its listed seat (places/data/centres.csv); a code not listed has
    no point, never a guessed one; a point given (a corps division's city's) is kept."""
    office = world.user("office")

    def made(code, **extra):
        return services.region_create(
            actor=office, code=code, name_en=code, level="county", parent=world.xinjiang, **extra
        )

    shufu = made("653121")
    assert (float(shufu.latitude), float(shufu.longitude)) == pytest.approx((39.38, 75.86), abs=0.1)
    assert (made("not-a-code").latitude, made("not-a-code-2").longitude) == (None, None)
    given = made("xpcc-1-test", centre=(Decimal("40.54765"), Decimal("81.28053")))
    given.refresh_from_db()
    assert (given.latitude, given.longitude) == (Decimal("40.54765"), Decimal("81.28053"))
