import json

import pytest
from django.test import Client

from counterpart.accounts import services as accounts
from counterpart.audit.models import AuditEvent
from counterpart.pairings.models import Pairing


def call(client, method, path, data=None, token=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    body = json.dumps(data) if data is not None else None
    return getattr(client, method)(
        f"/api{path}", data=body, content_type="application/json", **headers
    )


def token_for(user):
    return accounts.api_token_create(actor=user, name="tests")[1]


def new_pairing(world, **overrides):
    data = {
        "round_id": world.round.pk,
        "donor_id": world.beijing.pk,
        "recipient_id": world.kashgar.pk,
        "valid_from": "2011-01-01",
    }
    data.update(overrides)
    return data


def test_the_public_lists_published_pairings_only(client, world):
    response = call(client, "get", "/pairings")
    assert response.status_code == 200
    ids = {item["id"] for item in response.json()["items"]}
    assert ids == {world.beijing_hotan_city.pk, world.guangdong_shufu.pk}


def test_filters_by_donor_and_recipient_area(client, world):
    items = call(client, "get", f"/pairings?recipient_id={world.kashgar.pk}").json()["items"]
    assert [i["recipient_name"] for i in items] == ["Shufu County"]
    items = call(client, "get", f"/pairings?donor_id={world.beijing.pk}").json()["items"]
    assert [i["donor_name"] for i in items] == ["Beijing"]


def test_an_unknown_filter_region_names_the_parameter(client, world):
    response = call(client, "get", "/pairings?recipient_id=999999")
    assert response.status_code == 422
    assert "recipient_id" in response.json()["errors"]


def test_office_creates_updates_and_ends_a_pairing_with_a_token(world):
    client = Client()
    token = token_for(world.user("office"))
    events = AuditEvent.objects.count()
    response = call(client, "post", "/pairings", new_pairing(world, source="api"), token=token)
    assert response.status_code == 201, response.content
    created = response.json()
    response = call(
        client,
        "patch",
        f"/pairings/{created['id']}",
        {"version": created["version"], "notes": "checked"},
        token=token,
    )
    assert response.json()["notes"] == "checked"
    response = call(
        client,
        "post",
        f"/pairings/{created['id']}/end",
        {"version": response.json()["version"], "valid_to": "2019-12-31"},
        token=token,
    )
    assert response.json()["valid_to"] == "2019-12-31"
    assert AuditEvent.objects.count() == events + 3


def test_session_authentication_works_too(client, world):
    client.force_login(world.user("office"))
    response = call(client, "post", "/pairings", new_pairing(world))
    assert response.status_code == 201


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"valid_to": "2010-06-01"}, "valid_to"),
        ({"recipient_id": 999999}, "recipient_id"),
        ({"donor_id": 999999}, "donor_id"),
        ({"round_id": 999999}, "round_id"),
        ({"valid_from": "2009-01-01"}, "valid_from"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(world, payload, field):
    client = Client()
    token = token_for(world.user("office"))
    count, events = Pairing.objects.count(), AuditEvent.objects.count()
    response = call(client, "post", "/pairings", new_pairing(world, **payload), token=token)
    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert (Pairing.objects.count(), AuditEvent.objects.count()) == (count, events)


def test_overlap_is_refused_through_the_api(world):
    client = Client()
    token = token_for(world.user("office"))
    response = call(
        client,
        "post",
        "/pairings",
        new_pairing(world, recipient_id=world.hotan_city.pk),
        token=token,
    )
    assert response.status_code == 422
    assert "valid_from" in response.json()["errors"]


def test_a_stale_version_is_refused(world):
    client = Client()
    token = token_for(world.user("office"))
    pairing = world.beijing_hotan_city
    response = call(
        client,
        "patch",
        f"/pairings/{pairing.pk}",
        {"version": pairing.version + 5, "notes": "x"},
        token=token,
    )
    assert response.status_code == 422
    assert "version" in response.json()["errors"]


@pytest.mark.parametrize("role", ["beijing_team", "hotan_team", "auditor", "professional"])
def test_others_cannot_change_pairings_through_the_api(world, role):
    client = Client()
    token = token_for(world.user(role))
    pairing = world.beijing_hotan_city
    assert call(client, "post", "/pairings", new_pairing(world), token=token).status_code == 403
    response = call(
        client,
        "patch",
        f"/pairings/{pairing.pk}",
        {"version": pairing.version, "notes": "x"},
        token=token,
    )
    assert response.status_code == 403
    response = call(
        client,
        "post",
        f"/pairings/{pairing.pk}/end",
        {"version": pairing.version, "valid_to": "2020-01-01"},
        token=token,
    )
    assert response.status_code == 403
    pairing.refresh_from_db()
    assert (pairing.notes, pairing.valid_to) == ("", None)


def test_the_public_cannot_write(client, world):
    """Without credentials a write is refused at once: 401, asking for them."""
    before = Pairing.objects.count()
    assert call(client, "post", "/pairings", new_pairing(world)).status_code == 401
    assert Pairing.objects.count() == before


def test_a_bad_token_is_rejected_not_treated_as_public(client, world):
    assert call(client, "get", "/pairings", token="cp_nonsense").status_code == 401


def test_a_hidden_draft_answers_404(world):
    client = Client()
    token = token_for(world.user("beijing_team"))
    assert (
        call(client, "get", f"/pairings/{world.guangdong_draft.pk}", token=token).status_code == 404
    )
    assert (
        call(client, "get", f"/pairings/{world.beijing_draft.pk}", token=token).status_code == 200
    )


def test_a_donor_team_edits_its_own_profile_not_anothers(world):
    client = Client()
    token = token_for(world.user("beijing_team"))
    response = call(
        client,
        "patch",
        f"/organizations/{world.beijing.pk}",
        {"version": world.beijing.version, "website": "https://bj.example.org"},
        token=token,
    )
    assert response.status_code == 200
    assert response.json()["website"] == "https://bj.example.org"
    response = call(
        client,
        "patch",
        f"/organizations/{world.guangdong.pk}",
        {"version": world.guangdong.version, "website": "https://x.example.org"},
        token=token,
    )
    assert response.status_code == 403
    response = call(
        client,
        "patch",
        f"/organizations/{world.beijing.pk}",
        {"version": world.beijing.version + 1, "name_en": "Peking"},
        token=token,
    )
    assert response.status_code == 422
    assert "name_en" in response.json()["errors"]


@pytest.mark.parametrize(
    "role, status", [("auditor", 200), ("office", 200), ("beijing_team", 403), ("nobody", 403)]
)
def test_the_audit_log_through_the_api(world, role, status):
    client = Client()
    response = call(client, "get", "/audit/events", token=token_for(world.user(role)))
    assert response.status_code == status


def test_quotas_through_the_api(world):
    from counterpart.pairings import services

    office = world.user("office")
    services.quota_rule_create(actor=office, round=world.round, share_ppm=5_000, first_year=2011)
    services.fiscal_revenue_record(
        actor=office, donor=world.beijing, year=2019, amount_minor=1_000_000
    )
    rows = call(
        Client(), "get", f"/rounds/{world.round.pk}/quotas?year=2020", token=token_for(office)
    ).json()
    beijing = next(r for r in rows if r["donor_id"] == world.beijing.pk)
    assert (beijing["quota_minor"], beijing["share_percent"]) == (5_000, "0.5")


def test_openapi_document_lists_the_pairing_endpoints(client, db):
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/pairings", "/api/pairings/{pairing_id}", "/api/pairings/{pairing_id}/end"} <= set(
        schema["paths"]
    )
    assert set(schema["paths"]["/api/pairings"]) == {"get", "post"}


def test_docs_page_uses_no_network(client, db):
    page = client.get("/api/docs").content.decode()
    assert "/static/ninja/" in page
    assert "cdn" not in page.lower()
