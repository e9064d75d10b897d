"""Projects and results through the API: the same services, rules and permissions as the pages."""

from counterpart.audit.models import AuditEvent
from counterpart.projects.models import IndicatorPeriod, Project
from tests.api.test_api import call, token_for


def new_project(world, **overrides):
    data = {
        "pairing_id": world.beijing_hotan_city.pk,
        "code": "kunyu-hospital",
        "title_en": "Kunyu People's Hospital",
        "title_zh": "昆玉市人民医院",
        "status": "2",
        "budget_minor": 7_000_000_000,
        "sectors": {"12230": 80, "12220": 20},
    }
    return {**data, **overrides}


def test_a_donor_team_runs_a_project_from_creation_to_reported_results(client, world):
    token = token_for(world.user("beijing_team"))
    events = AuditEvent.objects.order_by("pk").values_list("pk", flat=True).last() or 0
    created = call(client, "post", "/projects", new_project(world), token=token)
    assert created.status_code == 201, created.content
    project = created.json()
    assert project["region_id"] == world.hotan_city.pk
    assert {s["sector"]: s["percentage"] for s in project["sectors"]} == {
        "12230": 80,
        "12220": 20,
    }
    base = f"/projects/{project['id']}"

    patched = call(
        client, "patch", base, {"version": project["version"], "planned_end": "2024-12-31"}, token
    )
    assert patched.status_code == 200, patched.content
    assert patched.json()["planned_end"] == "2024-12-31"
    stale = call(client, "patch", base, {"version": project["version"], "title_en": "x"}, token)
    assert stale.status_code == 422
    assert "version" in stale.json()["errors"]

    split = {"sectors": {"12230": 100}, "version": project["version"]}  # read before the patch
    stale = call(client, "put", f"{base}/sectors", split, token)
    assert stale.status_code == 422 and "version" in stale.json()["errors"]
    split["version"] = patched.json()["version"]
    resplit = call(client, "put", f"{base}/sectors", split, token)
    assert [s["sector"] for s in resplit.json()["sectors"]] == ["12230"]
    assert resplit.json()["version"] == split["version"] + 1

    milestone = call(
        client, "post", f"{base}/milestones", {"title_en": "Roof", "due_on": "2022-06-30"}, token
    ).json()
    done = call(
        client,
        "post",
        f"{base}/milestones/{milestone['id']}/complete",
        {"version": milestone["version"], "completed_on": "2022-06-20"},
        token,
    )
    assert done.json()["completed_on"] == "2022-06-20"
    document = call(
        client, "post", f"{base}/documents", {"title": "News", "url": "https://example.org/"}, token
    )
    assert document.status_code == 201

    result = call(
        client, "post", f"{base}/results", {"kind": "1", "title_en": "Beds in service"}, token
    ).json()
    indicator = call(
        client,
        "post",
        f"{base}/results/{result['id']}/indicators",
        {"title_en": "Beds", "standard": "hospital_beds", "baseline_value": "0"},
        token,
    ).json()
    period = {"period_start": "2022-01-01", "period_end": "2022-12-31", "target": "300"}
    answer = call(client, "put", f"{base}/indicators/{indicator['id']}/periods", period, token)
    assert answer.status_code == 200, answer.content

    hotan = token_for(world.user("hotan_team"))
    actual = {"period_start": "2022-01-01", "period_end": "2022-12-31", "actual": "280"}
    answer = call(client, "put", f"{base}/indicators/{indicator['id']}/periods", actual, hotan)
    assert answer.status_code == 422 and "version" in answer.json()["errors"]  # not read yet
    actual["version"] = IndicatorPeriod.objects.get().version
    answer = call(client, "put", f"{base}/indicators/{indicator['id']}/periods", actual, hotan)
    assert answer.status_code == 200, answer.content
    stored = IndicatorPeriod.objects.get()
    assert (stored.target, stored.actual) == (300, 280)
    results = call(client, "get", f"{base}/results", token=hotan).json()
    assert results[0]["indicators"][0]["periods"][0]["actual"] == "280.00"
    changes = AuditEvent.objects.filter(object_type__startswith="projects.", pk__gt=events)
    assert sorted(changes.values_list("event_type", flat=True)) == [
        "document.added",
        "indicator.created",
        "indicator_period.recorded",
        "indicator_period.updated",
        "milestone.added",
        "milestone.completed",
        "project.created",
        "project.sectors_set",
        "project.sectors_set",
        "project.updated",
        "result.created",
    ]


def test_a_recipient_team_reports_actuals_but_sets_no_targets(client, world):
    token = token_for(world.user("beijing_team"))
    project = call(client, "post", "/projects", new_project(world), token=token).json()
    base = f"/projects/{project['id']}"
    result = call(client, "post", f"{base}/results", {"kind": "1", "title_en": "R"}, token).json()
    indicator = call(
        client, "post", f"{base}/results/{result['id']}/indicators", {"title_en": "I"}, token
    ).json()
    hotan = token_for(world.user("hotan_team"))
    target = {"period_start": "2022-01-01", "period_end": "2022-12-31", "target": "10"}
    answer = call(client, "put", f"{base}/indicators/{indicator['id']}/periods", target, hotan)
    assert answer.status_code == 403
    answer = call(
        client, "post", f"{base}/milestones", {"title_en": "M", "due_on": "2022-01-01"}, hotan
    )
    assert answer.status_code == 403
    assert not IndicatorPeriod.objects.exists()


def test_another_donors_project_is_not_found_for_reading_or_writing(client, world):
    beijing = token_for(world.user("beijing_team"))
    project = call(client, "post", "/projects", new_project(world), token=beijing).json()
    base = f"/projects/{project['id']}"
    guangdong = token_for(world.user("guangdong_team"))
    assert call(client, "get", base, token=guangdong).status_code == 404
    patch = {"version": project["version"], "title_en": "Taken over"}
    assert call(client, "patch", base, patch, guangdong).status_code == 404
    milestone = {"title_en": "M", "due_on": "2022-01-01"}
    assert call(client, "post", f"{base}/milestones", milestone, guangdong).status_code == 404
    assert Project.objects.get().title_en == "Kunyu People's Hospital"
    # Nor may it create a project under a Beijing pairing it cannot see.
    draft = new_project(world, pairing_id=world.beijing_draft.pk, code="other")
    answer = call(client, "post", "/projects", draft, guangdong)
    assert answer.status_code == 422, answer.content
    assert "pairing_id" in answer.json()["errors"]
    assert Project.objects.count() == 1


def test_bad_project_input_names_the_field_and_writes_nothing(client, world):
    token = token_for(world.user("office"))
    for overrides, field in [
        ({"sectors": {"12230": 60, "12220": 30}}, "sectors"),
        ({"sectors": {"99999": 100}}, "sectors"),
        ({"region_id": 999_999}, "region_id"),
        ({"region_id": world.shufu.pk}, "region"),
        ({"pairing_id": 999_999}, "pairing_id"),
        ({"planned_start": "2022-01-01", "planned_end": "2021-01-01"}, "planned_end"),
    ]:
        response = call(client, "post", "/projects", new_project(world, **overrides), token)
        assert response.status_code == 422, (overrides, response.content)
        assert field in response.json()["errors"], response.json()
    assert not Project.objects.exists()
    assert not AuditEvent.objects.filter(event_type__startswith="project.").exists()


def test_a_donor_team_cannot_start_a_project_under_another_donors_published_pairing(client, world):
    guangdong = token_for(world.user("guangdong_team"))
    answer = call(client, "post", "/projects", new_project(world), guangdong)
    assert answer.status_code == 403
    assert not Project.objects.exists()
