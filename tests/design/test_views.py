"""The design pages as the office and a recipient team use them, on the test world (figures
as in test_scenarios.py)."""

import pytest
from django.urls import reverse

from counterpart.design import selectors, services
from counterpart.design.choices import ScenarioStatus
from tests.design.conftest import made


@pytest.fixture
def office(client, figures):
    client.force_login(figures.user("office"))
    return client


def form_of(response) -> dict:
    """What the page's form would send as it stands (its fields' initial values)."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        data[name] = "" if value is None else value
    return data


def test_the_office_makes_a_scenario_changes_a_figure_and_solves_it_on_the_queue(
    office,
    figures,
):
    world = figures
    page = office.get(reverse("design:scenarios"))
    assert page.status_code == 200
    sent = office.post(
        reverse("design:scenarios"),
        {"name": "From the page", "round": world.round.pk, "census_year": 2010, "need": ""},
    )
    scenario = selectors.scenario_list(actor=world.user("office")).get(name="From the page")
    assert sent.status_code == 302 and sent["Location"].endswith(f"/design/{scenario.pk}/")

    page = office.get(reverse("design:figures", args=[scenario.pk]))
    data = form_of(page)
    data[f"capacity:{world.beijing.code}"] = "250"
    data[f"weight:{world.shufu.code}"] = "2"
    saved = office.post(reverse("design:figures", args=[scenario.pk]), data)
    assert saved.status_code == 302, saved.context["form"].errors if saved.context else saved
    scenario.refresh_from_db()
    donors = {d["ref"]: d for d in scenario.problem["donors"]}
    assert donors[world.beijing.code]["capacity"] == 250
    assert scenario.origins["donors"][world.beijing.code] == {"origin": "entered"}
    weights = {r["ref"]: r["weight"] for r in scenario.problem["recipients"]}
    assert weights[world.shufu.code] == 2 and weights[world.hotan_city.code] == 1

    data["weight:" + world.shufu.code] = "-1"  # refused, naming the field; nothing changes
    refused = office.post(reverse("design:figures", args=[scenario.pk]), data)
    assert refused.status_code == 200
    assert f"weight:{world.shufu.code}" in refused.context["form"].errors

    queued = office.post(
        reverse("design:scenario", args=[scenario.pk]), {"action": "solve", "seconds": "10"}
    )
    assert "/jobs/" in queued["Location"]


def test_a_solved_scenario_reads_side_by_side_downloads_and_becomes_a_draft_round(
    office,
    figures,
):
    world = figures
    solved = services.scenario_solve(actor=world.user("office"), scenario=made(world))
    page = office.get(reverse("design:scenario", args=[solved.pk]))
    assert page.status_code == 200
    assert [side.changes for side in page.context["compared"].sides] == [0, 4]
    assert page.context["map"].tiles  # the two prefectures
    sheet = office.get(reverse("design:scenario", args=[solved.pk]), {"download": "recipients"})
    assert sheet.status_code == 200 and sheet.content.decode("utf-8-sig").count("\n") == 5
    drafted = office.post(
        reverse("design:round", args=[solved.pk]),
        {
            "version": solved.version,
            "year": 2030,
            "name_en": "Round of 2030",
            "starts_on": "2030-01-01",
        },
    )
    assert drafted.status_code == 302 and "round=" in drafted["Location"]
    solved.refresh_from_db()
    assert solved.draft_round.year == 2030 and solved.status == ScenarioStatus.SOLVED


def test_a_recipient_team_reads_a_published_scenario_and_changes_nothing(
    client,
    figures,
):
    world = figures
    office = world.user("office")
    solved = services.scenario_solve(actor=office, scenario=made(world))
    client.force_login(world.user("hotan_team"))
    assert client.get(reverse("design:scenario", args=[solved.pk])).status_code == 404
    services.scenario_publish(
        actor=office, scenario=solved, expected_version=solved.version, published=True
    )
    assert client.get(reverse("design:scenario", args=[solved.pk])).status_code == 200
    assert client.get(reverse("design:figures", args=[solved.pk])).status_code == 403
    assert (
        client.post(reverse("design:scenario", args=[solved.pk]), {"action": "solve"}).status_code
        == 403
    )
