"""The dashboard's headline figures, its tile map and its warnings: what a reader sees first."""

import datetime
import re

import pytest

from counterpart.funding.by_place import stale_rate_count
from counterpart.funding.selectors import Filters
from counterpart.places import services as places
from counterpart.places.tiles import wrapped
from counterpart.portal.tile_map import map_units, tile_map
from tests import factories as f


@pytest.fixture
def money(world):
    """Beijing → Hotan City: ¥700 published on health, ¥300 unpublished on industry;
    Guangdong → Shufu (Kashgar): ¥500 on industry."""
    published = f.ProjectFactory(pairing=world.beijing_hotan_city, sectors={"12230": 100})
    draft = f.ProjectFactory(
        pairing=world.beijing_hotan_city, sectors={"32130": 100}, is_published=False
    )
    shufu = f.ProjectFactory(pairing=world.guangdong_shufu, sectors={"32130": 100})
    f.EntryFactory(pairing=world.beijing_hotan_city, project=published, amount_minor=70_000)
    f.EntryFactory(pairing=world.beijing_hotan_city, project=draft, amount_minor=30_000)
    f.EntryFactory(pairing=world.guangdong_shufu, project=shufu, amount_minor=50_000)


def values(actor, figure, **filters):
    drawn = tile_map(actor=actor, filters=Filters(**filters), figure=figure)
    return {tile.region.name_en: tile.value for tile in drawn.tiles}


def test_the_map_has_a_tile_for_each_prefecture_of_the_recipient_province(world, money):
    units = map_units(world.user("office"))
    assert {u.name_en for u in units} == {"Hotan Prefecture", "Kashgar Prefecture"}


def test_tiles_sum_their_subtree_in_the_readers_scope(world, money, anonymous):
    office = values(world.user("office"), "committed")
    assert office == {"Hotan Prefecture": 100_000, "Kashgar Prefecture": 50_000}
    public = values(anonymous, "committed")
    assert public["Hotan Prefecture"] == 70_000  # the unpublished project is not the public's


def test_the_wellbeing_share_of_a_place(world, money):
    shares = values(world.user("office"), "wellbeing")
    assert shares == {"Hotan Prefecture": 70.0, "Kashgar Prefecture": 0.0}


def test_funds_per_head_divide_by_the_latest_census_and_an_unknown_population_is_no_data(
    world, money
):
    office = world.user("office")
    places.population_record(
        actor=office, region=world.hotan, year=2010, people=50, source="test census"
    )
    places.population_record(
        actor=office, region=world.hotan, year=2020, people=100, source="test census"
    )
    drawn = tile_map(actor=office, filters=Filters(), figure="per_head")
    by_name = {tile.region.name_en: tile for tile in drawn.tiles}
    assert by_name["Hotan Prefecture"].value == 10.0  # ¥1,000 over 100 residents (2020)
    assert by_name["Kashgar Prefecture"].value is None  # never zero
    assert by_name["Kashgar Prefecture"].shown == "no data"
    assert "2020" in drawn.note


def test_a_census_count_is_the_offices_to_record(world):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        places.population_record(
            actor=world.user("hotan_team"), region=world.hotan, year=2020, people=9, source="x"
        )


def test_the_dashboard_opens_on_headline_figures_then_the_map_and_draws_no_boundary(
    client, world, money
):
    client.force_login(world.user("office"))
    html = client.get("/dashboard/").content.decode()
    headline, map_, first_chart = (
        html.index('class="stats headline"'),
        html.index('class="card tile-map"'),
        html.index("<canvas"),
    )
    assert headline < map_ < first_chart
    assert "Disbursement rate" in html and "Places filled" in html
    svg = html[html.index('<svg class="tiles"') : html.index("</svg>", map_)]
    assert "<rect" in svg
    assert not re.search(r"<(path|line|polyline|polygon)\b", svg)  # no boundary drawn
    assert f"/regions/{world.hotan.pk}/" in svg  # a tile leads to its place


def test_the_map_figure_is_chosen_and_a_bad_choice_falls_back(client, world, money):
    client.force_login(world.user("office"))
    assert client.get("/dashboard/", {"map": "consultations"}).context["map"].figure == (
        "consultations"
    )
    for bad in ["x" * 10_000, "%ED%A0%80", "2**63", "true", ""]:  # the second: a lone surrogate
        response = client.get(f"/dashboard/?map={bad}")
        assert response.status_code == 200
        assert response.context["map"].figure == "committed"


def test_an_entry_converted_at_a_rate_older_than_a_month_is_flagged(client, world):
    f.ExchangeRateFactory(valid_on=datetime.date(2020, 1, 1), rate="7")
    f.EntryFactory(
        pairing=world.beijing_hotan_city,
        currency="USD",
        sector="12230",
        amount_minor=1_000,
        value_date=datetime.date(2020, 6, 1),
    )
    office = world.user("office")
    assert stale_rate_count(actor=office, filters=Filters()) == 1
    others = world.user("guangdong_team")  # a public figure: others' totals convert it too
    assert stale_rate_count(actor=others, filters=Filters()) == 1
    assert stale_rate_count(actor=others, filters=Filters(donor=world.guangdong)) == 0
    client.force_login(office)
    assert "old rate" in client.get("/dashboard/").content.decode()
    f.EntryFactory(
        pairing=world.beijing_hotan_city,
        currency="USD",
        sector="12230",
        amount_minor=1_000,
        value_date=datetime.date(2020, 1, 20),
    )
    assert stale_rate_count(actor=office, filters=Filters()) == 1  # 19 days old: fine


def test_names_wrap_in_three_lines_at_most():
    assert wrapped("Hotan Prefecture") == ["Hotan", "Prefecture"]
    assert len(wrapped("Kizilsu Kirghiz Autonomous Prefecture of a very long name")) == 3
    assert wrapped("克孜勒苏柯尔克孜自治州") == ["克孜勒苏柯尔", "克孜自治州"]
