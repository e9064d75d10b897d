"""Uyghur: right to left, its own font, every string translated, places by their Uyghur names."""

import pytest
from django.utils import translation

from counterpart.core.models import in_language
from counterpart.places import services
from tests import factories as f


def test_a_text_falls_back_from_uyghur_to_chinese_then_english():
    with translation.override("ug"):
        assert in_language("Hotan", "和田", "خوتەن") == "خوتەن"
        assert in_language("Hotan", "和田", "") == "和田"
        assert in_language("Hotan", "", "") == "Hotan"
    with translation.override("zh-hans"):
        assert in_language("Hotan", "和田", "خوتەن") == "和田"
        assert in_language("Hotan", "", "خوتەن") == "Hotan"
    with translation.override("en"):
        assert in_language("", "和田", "خوتەن") == "和田"  # a title written in Chinese only


@pytest.mark.django_db
def test_pages_in_uyghur_run_right_to_left_with_their_font_and_words(client):
    client.cookies["django_language"] = "ug"
    html = client.get("/").content.decode()
    assert '<html lang="ug" dir="rtl">' in html
    assert "vendor/noto-sans-arabic/400.css" in html
    assert "ئومۇمىي كۆرۈنۈش" in html  # "Overview"
    assert ">Overview<" not in html
    client.cookies["django_language"] = "en"
    assert '<html lang="en" dir="ltr">' in client.get("/").content.decode()


def test_a_place_has_a_uyghur_name_that_uyghur_pages_show(client, world):
    office = world.user("office")
    hotan = services.region_update(
        actor=office, region=world.hotan, expected_version=world.hotan.version, name_ug="خوتەن"
    )
    with translation.override("ug"):
        assert hotan.name == "خوتەن"
    client.cookies["django_language"] = "ug"
    assert "خوتەن" in client.get(f"/regions/{hotan.pk}/").content.decode()
    organization = f.OrganizationFactory(region_=hotan, name="Hotan Office Two")
    services.organization_update(
        actor=office,
        organization=organization,
        expected_version=organization.version,
        name_ug="خوتەن ئىشخانىسى",
    )
    organization.refresh_from_db()
    assert organization.name_ug == "خوتەن ئىشخانىسى"


def test_a_team_may_not_rename_its_organization(world):
    from django.core.exceptions import PermissionDenied, ValidationError

    team = world.user("beijing_team")
    with pytest.raises((PermissionDenied, ValidationError)):
        services.organization_update(
            actor=team,
            organization=world.beijing,
            expected_version=world.beijing.version,
            name_ug="بېيجىڭ",
        )
