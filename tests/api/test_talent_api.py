"""People who serve through the API: the same rules, scoping and privacy as the pages."""

from django.core.management import call_command

from counterpart.audit.models import AuditEvent
from counterpart.talent.models import Couple, MatchRun, Placement, Preference, Professional
from tests.api.test_api import call, token_for


def signup(world, **overrides):
    data = {
        "organization_id": world.beijing.pk,
        "name": "Invented Person",
        "specialty": "paediatrics",
        "seniority": 3,
        "languages": ["zh"],
        "available_from": "2030-01-01",
        "term_months": 12,
        "for_me": True,
    }
    return {**data, **overrides}


def test_a_professional_signs_up_ranks_and_is_placed_by_the_office(client, world, talent):
    me = token_for(world.user("nobody"))  # no role: may not sign up
    assert call(client, "post", "/professionals", signup(world), me).status_code == 403
    Professional.objects.filter(pk=talent.yu.pk).update(user=None)  # free the demo account
    me = token_for(world.user("professional"))
    created = call(client, "post", "/professionals", signup(world), me)
    assert created.status_code == 201, created.content
    mine = created.json()["id"]
    ranked = call(
        client,
        "put",
        f"/professionals/{mine}/preferences",
        {"post_ids": [talent.paediatrics.pk]},
        me,
    )
    assert ranked.json() == [talent.paediatrics.pk]

    office = token_for(world.user("office"))
    job = call(client, "post", "/match-runs", {"optimal": "applicant"}, office)
    assert job.status_code == 202, job.content
    assert (
        call(client, "get", f"/jobs/{job.json()['id']}", token=office).json()["status"] == "queued"
    )
    call_command("worker", "--once")
    finished = call(client, "get", f"/jobs/{job.json()['id']}", token=office).json()
    assert finished["status"] == "done"
    run = call(client, "get", f"/match-runs/{finished['result']['run']}", token=office)
    assert run.json()["result"] == [[mine, talent.paediatrics.pk]]
    assert call(client, "post", "/match-runs", {}, me).status_code == 403
    assert call(client, "get", f"/jobs/{job.json()['id']}", token=me).status_code == 404
    published = call(
        client,
        "post",
        f"/match-runs/{run.json()['id']}/publish",
        {"version": run.json()["version"]},
        office,
    )
    assert published.status_code == 200, published.content
    placement = published.json()[0]
    assert placement["professional"] == "Invented Person"

    hotan = token_for(world.user("hotan_team"))
    seen = call(client, "get", f"/placements/{placement['id']}", token=hotan).json()
    assert seen["professional"] == f"Applicant {mine}"  # the receiving team: no name
    assert call(client, "get", f"/professionals/{mine}", token=hotan).status_code == 404
    guangdong = token_for(world.user("guangdong_team"))
    assert call(client, "get", f"/placements/{placement['id']}", token=guangdong).status_code == 404

    asked = call(
        client,
        "post",
        f"/placements/{placement['id']}/extensions",
        {"new_end_date": "2032-02-28", "reason": "Training the new paediatric team."},
        me,
    )
    assert asked.status_code == 201, asked.content
    decided = call(
        client,
        "post",
        f"/placements/{placement['id']}/extensions/{asked.json()['id']}/decision",
        {"approve": True},
        hotan,
    )
    assert decided.json()["status"] == "approved"
    assert Placement.objects.get().end_date.isoformat() == "2032-02-28"


def test_bad_rankings_name_the_field_and_change_nothing(client, world, talent):
    token = token_for(world.user("professional"))
    answer = call(
        client,
        "put",
        f"/professionals/{talent.yu.pk}/preferences",
        {"post_ids": [talent.paediatrics.pk, 999_999]},
        token,
    )
    assert answer.status_code == 422 and "post_ids" in answer.json()["errors"]
    answer = call(
        client,
        "put",
        f"/professionals/{talent.yu.pk}/preferences",
        {"post_ids": [talent.paediatrics.pk, talent.paediatrics.pk]},
        token,
    )
    assert answer.status_code == 422 and "posts" in answer.json()["errors"]
    assert not Preference.objects.exists()
    hotan = token_for(world.user("hotan_team"))
    answer = call(
        client,
        "put",
        f"/posts/{talent.paediatrics.pk}/ranking",
        {"professional_ids": [talent.li.pk], "version": talent.paediatrics.version},
        hotan,
    )
    assert answer.status_code == 422 and "professional_ids" in answer.json()["errors"]
    assert not MatchRun.objects.exists()


def test_the_receiving_team_posts_and_ranks_through_the_api(client, world, talent):
    hotan = token_for(world.user("hotan_team"))
    created = call(
        client,
        "post",
        "/posts",
        {
            "institution_id": talent.hospital.pk,
            "title_en": "Nurses",
            "specialty": "nursing",
            "places": 2,
            "term_months": 6,
            "start_date": "2031-03-01",
        },
        hotan,
    )
    assert created.status_code == 201, created.content
    beijing = token_for(world.user("beijing_team"))
    other = call(
        client,
        "post",
        "/posts",
        {
            "institution_id": talent.hospital.pk,
            "title_en": "Nurses",
            "specialty": "nursing",
            "term_months": 6,
            "start_date": "2031-03-01",
        },
        beijing,
    )
    assert other.status_code == 403
    answer = call(client, "get", f"/posts/{talent.paediatrics.pk}/applicants", token=beijing)
    assert answer.status_code == 403


def test_a_couple_is_recorded_and_dissolved_by_their_donor_team_only(client, world, talent):
    beijing = token_for(world.user("beijing_team"))
    body = {"first_id": talent.yu.pk, "second_id": talent.li.pk}
    created = call(client, "post", "/couples", body, beijing)
    assert created.status_code == 201, created.content
    couple = created.json()["id"]
    guangdong = token_for(world.user("guangdong_team"))
    assert call(client, "delete", f"/couples/{couple}", token=guangdong).status_code == 404
    assert call(client, "delete", f"/couples/{couple}", token=beijing).status_code == 204
    assert not Couple.objects.exists()
    assert AuditEvent.objects.filter(event_type="couple.dissolved").count() == 1
