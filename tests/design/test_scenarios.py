"""Design scenarios through the services and the API, on the test world: Beijing (capacity
500 yuan a year) pairs Hotan's two places, Guangdong (1,000) Kashgar's two; Hotan Prefecture
counts 1,000 people of whom Hotan City 400, Kashgar 900 with no county counted."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counterpart.design import selectors, services
from counterpart.design.choices import ScenarioStatus
from counterpart.design.comparison import comparison
from counterpart.pairings import selectors as pairings
from counterpart.pairings import services as pairing_services
from tests.api.test_api import call, token_for
from tests.design.conftest import made


def by_ref(items):
    return {item["ref"]: item for item in items}


def test_a_scenario_takes_its_figures_from_revenue_quota_and_census(figures):
    world = figures
    scenario = made(world)
    donors, places_ = by_ref(scenario.problem["donors"]), by_ref(scenario.problem["recipients"])
    assert donors[world.beijing.code]["capacity"] == 500  # 100,000 yuan of 2009 × 0.5 %
    assert donors[world.guangdong.code]["capacity"] == 1000
    assert places_[world.hotan_city.code]["population"] == 400  # its own count
    # Hotan's other place gets what its prefecture's count leaves; Kashgar's two share it
    assert (
        places_[world.hotan.children.exclude(pk=world.hotan_city.pk).get().code]["population"]
        == 600
    )
    assert places_[world.shufu.code]["population"] == 450
    origins = scenario.origins["recipients"]
    assert origins[world.hotan_city.code]["origin"] == "census"
    assert origins[world.shufu.code] == {
        "origin": "estimate",
        "year": 2010,
        "of": world.kashgar.code,
    }
    assert scenario.problem["max_groups_per_donor"] == 1  # each donor in one prefecture today
    assert len(scenario.problem["current"]) == 4


def test_solved_the_prefectures_swap_and_no_recipient_is_worse_off_than_the_lowest_today(figures):
    world = figures
    scenario = services.scenario_solve(actor=world.user("office"), scenario=made(world))
    assert scenario.status == ScenarioStatus.SOLVED
    # Beijing's 500 yuan for Hotan's 1,000 people is the lowest today (0.5 a head); with one
    # prefecture each, Beijing takes Kashgar's 900 and Guangdong Hotan's 1,000.
    assert scenario.result["objective"] == pytest.approx(1.8)
    assert scenario.result["changes"] == 4 and scenario.result["proven_optimal"]
    today, designed = comparison(scenario).sides
    assert today.lowest == pytest.approx(0.5) and today.changes == 0
    assert designed.lowest == pytest.approx(1 / 1.8) and designed.lowest > today.lowest
    assert designed.gini < today.gini


def test_a_changed_figure_is_marked_entered_and_the_solution_dropped(figures):
    world = figures
    office = world.user("office")
    scenario = services.scenario_solve(actor=office, scenario=made(world))
    problem = scenario.problem
    problem["max_groups_per_donor"] = 2
    changed = services.scenario_figures_set(
        actor=office, scenario=scenario, expected_version=scenario.version, problem=problem
    )
    assert changed.status == ScenarioStatus.DRAFT and changed.result is None
    solved = services.scenario_solve(actor=office, scenario=changed)
    # Two prefectures allowed: Hotan City moves to Guangdong alone (1,300 / 1,000)
    assert solved.result["objective"] == pytest.approx(1.3) and solved.result["changes"] == 1
    problem = solved.problem
    problem["donors"][0]["capacity"] = 400.0
    again = services.scenario_figures_set(
        actor=office, scenario=solved, expected_version=solved.version, problem=problem
    )
    assert again.origins["donors"][problem["donors"][0]["ref"]] == {"origin": "entered"}
    with pytest.raises(ValidationError):  # read at a version since moved on
        services.scenario_figures_set(
            actor=office, scenario=again, expected_version=solved.version, problem=problem
        )


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda p: p["donors"][1].update(capacity=True), "donors[1].capacity"),
        (lambda p: p["donors"][0].update(capacity=-1), "donors[0].capacity"),
        (lambda p: p["recipients"][0].update(population=2**63), "recipients[0].population"),
        (lambda p: p["recipients"][2].update(ref="\ud800"), "recipients[2].ref"),
        (lambda p: p["donors"].append({"ref": "nobody-knows", "capacity": 5}), "nobody-knows"),
        (lambda p: p.update(recipients=[]), "at least one recipient"),
        (lambda p: p.update(fixed={"a": {"b": {"c": []}}}), "fixed"),
    ],
)
def test_bad_figures_are_refused_naming_them_and_change_nothing(figures, change, named):
    world = figures
    scenario = made(world)
    problem = scenario.problem
    change(problem)
    with pytest.raises(ValidationError) as refused:
        services.scenario_figures_set(
            actor=world.user("office"),
            scenario=scenario,
            expected_version=scenario.version,
            problem=problem,
        )
    assert named in " ".join(refused.value.messages)
    scenario.refresh_from_db()
    assert scenario.version == 1 and len(scenario.problem["recipients"]) == 4


def test_figures_no_design_meets_are_kept_as_the_refusal(figures):
    world = figures
    office = world.user("office")
    scenario = made(world)
    problem = scenario.problem
    ref = problem["recipients"][0]["ref"]
    problem["forbidden"] = [[d["ref"], ref] for d in problem["donors"]]
    scenario = services.scenario_figures_set(
        actor=office, scenario=scenario, expected_version=1, problem=problem
    )
    refused = services.scenario_solve(actor=office, scenario=scenario)
    assert refused.status == ScenarioStatus.FAILED
    assert refused.refusal == {"code": "no_donor", "params": {"recipient": ref}}


def test_only_the_office_writes_and_others_read_what_is_published(figures):
    world = figures
    office = world.user("office")
    with pytest.raises(PermissionDenied):
        services.scenario_create(
            actor=world.user("beijing_team"), round=world.round, name="x", census_year=2010
        )
    scenario = made(world)
    with pytest.raises(ValidationError):  # not solved yet
        services.scenario_publish(
            actor=office, scenario=scenario, expected_version=1, published=True
        )
    assert not selectors.scenario_list(actor=world.user("hotan_team")).exists()
    solved = services.scenario_solve(actor=office, scenario=scenario)
    services.scenario_publish(
        actor=office, scenario=solved, expected_version=solved.version, published=True
    )
    assert list(selectors.scenario_list(actor=world.user("hotan_team"))) == [solved]
    services.scenario_create(actor=office, round=world.round, name="Unpublished", census_year=2010)
    assert selectors.scenario_list(actor=world.user("auditor")).count() == 2
    assert selectors.scenario_list(actor=None).count() == 1


def test_a_draft_round_holds_the_pairings_the_design_changes_for_the_office_to_approve(figures):
    world = figures
    office = world.user("office")
    scenario = made(world)
    problem = scenario.problem
    problem["max_groups_per_donor"] = 2  # Hotan City alone moves to Guangdong
    scenario = services.scenario_figures_set(
        actor=office, scenario=scenario, expected_version=1, problem=problem
    )
    solved = services.scenario_solve(actor=office, scenario=scenario)
    drafted = services.scenario_round_draft(
        actor=office,
        scenario=solved,
        expected_version=solved.version,
        year=2031,
        name_en="Round of 2031",
        starts_on=datetime.date(2031, 1, 1),
    )
    made_pairings = list(pairings.pairing_list(actor=office, round=drafted))
    # the pairings it keeps continue in their round; the one it changes waits, unpublished
    assert [(p.donor, p.recipient, p.is_published) for p in made_pairings] == [
        (world.guangdong, world.hotan_city, False)
    ]
    assert not pairings.pairing_list(actor=world.user("hotan_team"), round=drafted, published=True)
    moved = made_pairings[0]
    pairing_services.pairing_end(
        actor=office,
        pairing=world.beijing_hotan_city,
        expected_version=world.beijing_hotan_city.version,
        valid_to=datetime.date(2030, 12, 31),
    )
    pairing_services.pairing_update(
        actor=office, pairing=moved, expected_version=moved.version, is_published=True
    )
    assert pairings.pairing_list(actor=None, round=drafted).get() == moved
    solved.refresh_from_db()
    assert solved.draft_round == drafted
    with pytest.raises(ValidationError):  # the year has its round now
        services.scenario_round_draft(
            actor=office,
            scenario=solved,
            expected_version=solved.version,
            year=2031,
            name_en="Again",
            starts_on=datetime.date(2031, 1, 1),
        )


ACTIONS = st.lists(
    st.sampled_from(["solve", "publish", "unpublish", "capacity", "groups", "draft"]),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(actions=ACTIONS)
def test_in_any_order_of_actions_a_scenario_stays_coherent(figures, actions):
    """Published means solved; a result is there exactly when solved and meets the figures;
    a draft round is made once, of a solved design."""
    world = figures
    office = world.user("office")
    scenario = made(world, name="any order")
    for step, action in enumerate(actions):
        try:
            if action == "solve":
                scenario = services.scenario_solve(actor=office, scenario=scenario)
            elif action in ("publish", "unpublish"):
                scenario = services.scenario_publish(
                    actor=office,
                    scenario=scenario,
                    expected_version=scenario.version,
                    published=action == "publish",
                )
            elif action in ("capacity", "groups"):
                problem = scenario.problem
                if action == "capacity":
                    problem["donors"][0]["capacity"] *= 2
                else:
                    problem["max_groups_per_donor"] = 3 - (problem["max_groups_per_donor"] or 1)
                scenario = services.scenario_figures_set(
                    actor=office,
                    scenario=scenario,
                    expected_version=scenario.version,
                    problem=problem,
                )
            else:
                services.scenario_round_draft(
                    actor=office,
                    scenario=scenario,
                    expected_version=scenario.version,
                    year=2100 + step,
                    name_en=f"Draft {step}",
                    starts_on=datetime.date(2100 + step, 1, 1),
                )
        except ValidationError:
            pass
        scenario.refresh_from_db()
        assert not scenario.is_published or scenario.status == ScenarioStatus.SOLVED
        assert (scenario.result is not None) == (scenario.status == ScenarioStatus.SOLVED)
        if scenario.result:
            assigned = {r: d for d, r in scenario.result["assignment"]}
            assert set(assigned) == {r["ref"] for r in scenario.problem["recipients"]}
        if scenario.draft_round_id:
            assert scenario.status == ScenarioStatus.SOLVED or "draft" in actions
    # remove this example's rounds: the next starts from the same world
    scenario.delete()


def test_through_the_api_a_scenario_is_made_solved_on_the_queue_and_compared(client, figures):
    world = figures
    office = token_for(world.user("office"))
    created = call(
        client,
        "post",
        "/design/scenarios",
        {"round_id": world.round.pk, "name": "By API", "census_year": 2010},
        office,
    )
    assert created.status_code == 201, created.content
    scenario = created.json()
    problem = scenario["problem"]
    problem["donors"][0]["capacity"] = "500"
    bad = call(
        client,
        "put",
        f"/design/scenarios/{scenario['id']}/figures",
        {"version": scenario["version"], "problem": problem},
        office,
    )
    assert bad.status_code == 422 and "donors[0].capacity" in bad.content.decode()
    job = call(client, "post", f"/design/scenarios/{scenario['id']}/solve", token=office)
    assert job.status_code == 202, job.content
    call_command("worker", "--once")
    finished = call(client, "get", f"/jobs/{job.json()['id']}", token=office).json()
    assert finished["status"] == "done", finished
    compared = call(
        client, "get", f"/design/scenarios/{scenario['id']}/comparison", token=office
    ).json()
    assert [side["changes"] for side in compared["sides"]] == [0, 4]
    supports = [row["designs"][-1]["support"] for row in compared["recipients"]]
    assert supports == sorted(supports)
    hotan = token_for(world.user("hotan_team"))
    assert (
        call(client, "get", f"/design/scenarios/{scenario['id']}", token=hotan).status_code == 404
    )
    assert (
        call(client, "post", f"/design/scenarios/{scenario['id']}/solve", token=hotan).status_code
        == 404
    )


def test_weights_come_from_a_need_figure_a_county_taking_its_prefectures(figures):
    world = figures
    office = world.user("office")
    for place, value in ((world.hotan, "1.5"), (world.hotan_city, "2")):
        services.need_figure_record(
            actor=office, region=place, name="need", year=2010, value=Decimal(value), source="t"
        )
    with pytest.raises(ValidationError):
        services.need_figure_record(
            actor=office, region=world.shufu, name="need", year=2010, value=Decimal(-1), source="t"
        )
    with pytest.raises(ValidationError):  # no such figure
        services.scenario_create(
            actor=office, round=world.round, name="x", census_year=2010, need=("need", 2011)
        )
    scenario = services.scenario_create(
        actor=office, round=world.round, name="By need", census_year=2010, need=("need", 2010)
    )
    weights = {r["ref"]: r["weight"] for r in scenario.problem["recipients"]}
    county = world.hotan.children.exclude(pk=world.hotan_city.pk).get().code
    assert weights[world.hotan_city.code] == 2 and weights[county] == 1.5
    assert weights[world.shufu.code] == 1
    assert scenario.origins["recipients"][world.shufu.code]["weight"]["missing"]
    assert scenario.origins["need"] == ["need", 2010]
    # Hotan weighs 400·2 + 600·1.5 = 1,700 against Kashgar's 900: Beijing (500) takes Kashgar
    solved = services.scenario_solve(actor=office, scenario=scenario)
    assert solved.result["objective"] == pytest.approx(1.8)
