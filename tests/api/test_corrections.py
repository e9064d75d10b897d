"""What the office corrects (regions, rounds, quota and compliance rules, memberships) and the
places a project works in: each through its service, versioned and audited, for those who may."""

import pytest

from counterpart.accounts.models import Membership
from counterpart.audit.models import AuditEvent
from counterpart.funding import services as funding
from counterpart.pairings import services as pairings
from counterpart.projects.models import ProjectPlace
from tests import factories as f
from tests.api.test_api import call, token_for

NOT_THE_OFFICE = ["beijing_team", "hotan_team", "auditor", "professional"]


def quota_rule(world):
    return pairings.quota_rule_create(
        actor=world.user("office"), round=world.round, share_ppm=5_000, first_year=2011
    )


def compliance_rule(world):
    return funding.compliance_rule_create(
        actor=world.user("office"),
        round=world.round,
        kind="county_share",
        threshold_ppm=700_000,
        first_year=2010,
    )


# (address of the object, its current version, a change, the field that must then hold it)
CORRECTIONS = {
    "region": (
        lambda w: (f"/regions/{w.hotan_city.pk}", w.hotan_city.version),
        {"name_zh": "和田市"},
    ),
    "round": (lambda w: (f"/rounds/{w.round.pk}", w.round.version), {"name_en": "The 2010 round"}),
    "quota rule": (
        lambda w: (lambda r: (f"/quota-rules/{r.pk}", r.version))(quota_rule(w)),
        {"share_ppm": 6_000},
    ),
    "compliance rule": (
        lambda w: (lambda r: (f"/compliance-rules/{r.pk}", r.version))(compliance_rule(w)),
        {"threshold_ppm": 750_000},
    ),
}


@pytest.mark.parametrize("what", sorted(CORRECTIONS))
def test_the_office_corrects_with_the_version_it_read(client, world, what):
    target, change = CORRECTIONS[what]
    address, version = target(world)
    office = token_for(world.user("office"))
    answer = call(client, "patch", address, {"version": version, **change}, office)
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert body["version"] == version + 1
    assert all(body[field] == value for field, value in change.items())
    assert AuditEvent.objects.filter(event_type__endswith=".updated").exists()
    stale = call(client, "patch", address, {"version": version, **change}, office)
    assert stale.status_code == 422 and "version" in stale.json()["errors"]


@pytest.mark.parametrize("what", sorted(CORRECTIONS))
@pytest.mark.parametrize("user", NOT_THE_OFFICE)
def test_no_one_else_corrects(client, world, what, user):
    target, change = CORRECTIONS[what]
    address, version = target(world)
    answer = call(
        client, "patch", address, {"version": version, **change}, token_for(world.user(user))
    )
    assert answer.status_code in (403, 404)
    assert not AuditEvent.objects.filter(event_type__endswith=".updated").exists()


def test_a_round_dated_out_of_order_is_refused(client, world):
    office = token_for(world.user("office"))
    answer = call(
        client,
        "patch",
        f"/rounds/{world.round.pk}",
        {"version": world.round.version, "ends_on": "2009-12-31"},
        office,
    )
    assert answer.status_code == 422 and "ends_on" in answer.json()["errors"]


def test_a_donor_team_adds_a_place_to_its_project_and_no_one_elses(client, world):
    project = f.ProjectFactory(pairing=world.beijing_hotan_city)
    county = f.RegionFactory(parent=world.hotan_city, level="township", name="Ilchi")
    beijing = token_for(world.user("beijing_team"))
    body = {"region_id": county.pk, "latitude": "37.11", "longitude": "79.92"}
    answer = call(client, "post", f"/projects/{project.pk}/places", body, beijing)
    assert answer.status_code == 201, answer.content
    assert call(client, "post", f"/projects/{project.pk}/places", body, beijing).status_code == 422
    far = {"region_id": world.shufu.pk}
    answer = call(client, "post", f"/projects/{project.pk}/places", far, beijing)
    assert answer.status_code == 422 and "region" in answer.json()["errors"]
    odd = {"region_id": county.pk, "latitude": "95"}
    assert call(client, "post", f"/projects/{project.pk}/places", odd, beijing).status_code == 422
    guangdong = token_for(world.user("guangdong_team"))
    answer = call(client, "post", f"/projects/{project.pk}/places", body, guangdong)
    assert answer.status_code in (403, 404)
    assert ProjectPlace.objects.count() == 1
    assert AuditEvent.objects.filter(event_type="project.place_added").count() == 1


def test_the_office_grants_and_revokes_memberships(client, world):
    office = token_for(world.user("office"))
    newcomer = f.UserFactory(username="newcomer")
    body = {"user_id": newcomer.pk, "organization_id": world.guangdong.pk, "role": "donor_team"}
    answer = call(client, "post", "/memberships", body, office)
    assert answer.status_code == 201, answer.content
    membership = answer.json()["id"]
    listed = call(client, "get", f"/memberships?user_id={newcomer.pk}", token=office).json()
    assert [row["id"] for row in listed["items"]] == [membership]
    missing = {**body, "organization_id": 999_999}
    answer = call(client, "post", "/memberships", missing, office)
    assert answer.status_code == 422 and "organization_id" in answer.json()["errors"]
    for user in NOT_THE_OFFICE:
        token = token_for(world.user(user))
        assert call(client, "post", "/memberships", body, token).status_code == 403
        assert call(client, "delete", f"/memberships/{membership}", token=token).status_code == 403
    assert call(client, "delete", f"/memberships/{membership}", token=office).status_code == 204
    assert not Membership.objects.filter(user=newcomer).exists()
    assert AuditEvent.objects.filter(event_type="membership.revoked").count() == 1


def test_the_project_page_adds_a_place(client, world):
    project = f.ProjectFactory(pairing=world.beijing_hotan_city)
    client.force_login(world.user("beijing_team"))
    township = f.RegionFactory(parent=world.hotan_city, level="township", name="Gujiangbage")
    answer = client.post(f"/projects/{project.pk}/", {"action": "place", "region": township.pk})
    assert answer.status_code == 302
    assert project.places.get().region == township
