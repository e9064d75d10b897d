"""Bad input answers 4xx naming the field, and changes nothing: text no database can store,
bodies too large, loose numbers and dates, text longer than its field, dates that are not."""

import json

import pytest

from counterpart.audit.models import AuditEvent
from counterpart.funding.models import ReceiptConfirmation, Transaction
from tests import factories as f
from tests.api.test_api import call, token_for
from tests.factories import PASSWORD

LONE = "\ud800"  # valid in JSON ("\\ud800"), not in UTF-8


def raw(client, method, path, text, token):
    return getattr(client, method)(
        f"/api{path}",
        data=text,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


def entry(world, **fields):
    return {
        "kind": "2",
        "pairing_id": world.beijing_hotan_city.pk,
        "amount_minor": 100_000,
        "currency": "CNY",
        "value_date": "2020-06-01",
        "sector": "12230",
        **fields,
    }


# (method, address, body, the field named): ten write endpoints of eight apps, and a nested one.
WRITES = [
    ("post", "/transactions", lambda w: entry(w, description=LONE), "description"),
    (
        "post",
        "/projects",
        lambda w: {"pairing_id": w.beijing_hotan_city.pk, "code": "x", "title_en": LONE},
        "title_en",
    ),
    (
        "patch",
        lambda w: f"/organizations/{w.beijing.pk}",
        lambda w: {"version": 1, "description_en": LONE},
        "description_en",
    ),
    ("post", "/professionals", lambda w: {"organization_id": w.beijing.pk, "name": LONE}, "name"),
    ("post", "/posts", lambda w: {"institution_id": w.beijing.pk, "title_en": LONE}, "title_en"),
    ("post", "/exchange-events", lambda w: {"title_en": LONE}, "title_en"),
    ("post", "/consultations", lambda w: {"question": LONE}, "question"),
    ("post", "/mentorships", lambda w: {"goals": LONE}, "goals"),
    ("post", "/product-sales", lambda w: {"product": LONE}, "product"),
    ("post", "/pairings", lambda w: {"notes": LONE}, "notes"),
    ("post", "/trainings", lambda w: {"topic": "ok", "rows": [{"deep": LONE}]}, "rows.0.deep"),
]


@pytest.mark.parametrize(("method", "path", "body", "field"), WRITES)
def test_a_lone_surrogate_is_refused_naming_the_field(client, world, method, path, body, field):
    token = token_for(world.user("office"))
    events = AuditEvent.objects.count()
    address = path(world) if callable(path) else path
    answer = raw(client, method, address, json.dumps(body(world)), token)
    assert answer.status_code == 422, answer.content
    assert list(answer.json()["errors"]) == [field]
    assert AuditEvent.objects.count() == events


def test_a_body_over_the_limit_is_refused(client, world, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    token = token_for(world.user("office"))
    answer = raw(
        client, "post", "/transactions", json.dumps(entry(world, description="x" * 20_000)), token
    )
    assert answer.status_code == 413
    assert "10,000" in answer.json()["errors"]["__all__"][0]
    assert not Transaction.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"amount_minor": True}, "amount_minor"),
        ({"amount_minor": "100"}, "amount_minor"),
        ({"amount_minor": 1.0}, "amount_minor"),
        ({"amount_minor": 2**63}, "amount_minor"),
        ({"value_date": 1577836800}, "value_date"),
        ({"value_date": "2020-13-45"}, "value_date"),
        ({"description": "x" * 501}, "description"),
        ({"reason": "x" * 2001}, "reason"),
    ],
)
def test_loose_or_impossible_values_are_refused(client, world, fields, field):
    token = token_for(world.user("office"))
    answer = call(client, "post", "/transactions", entry(world, **fields), token)
    assert answer.status_code == 422, answer.content
    assert field in json.dumps(answer.json()), answer.json()
    assert not Transaction.objects.exists()


def test_text_longer_than_its_field_is_refused(client, world):
    token = token_for(world.user("beijing_team"))
    recorded = f.EntryFactory(
        pairing=world.beijing_hotan_city, kind="3", amount_minor=100, sector="12230", reason="x"
    )
    answer = call(
        client, "post", f"/transactions/{recorded.pk}/reverse", {"reason": "x" * 100_000}, token
    )
    assert answer.status_code == 422 and "reason" in answer.json()["errors"]
    hotan = token_for(world.user("hotan_team"))
    receipt = {"received_on": "2020-06-02", "note": "x" * 100_000}
    answer = call(client, "post", f"/transactions/{recorded.pk}/receipt", receipt, hotan)
    assert answer.status_code == 422 and "note" in answer.json()["errors"]
    assert not ReceiptConfirmation.objects.exists()
    assert Transaction.objects.count() == 1


def test_a_date_that_is_not_one_is_named_on_the_audit_page_and_in_the_api(client, world):
    client.force_login(world.user("auditor"))
    page = client.get("/audit/?date_from=2020-13-45")
    assert page.status_code == 200
    assert "From" in page.content.decode() and "valid date" in page.content.decode()
    answer = client.get("/api/audit/events?date_from=2020-13-45")
    assert answer.status_code == 422


@pytest.mark.parametrize("ids", [[2**63], [-(2**64)], [1, 2**70]])
def test_an_id_beyond_64_bits_is_refused_not_a_server_error(client, world, ids):
    client.login(username="office", password=PASSWORD)
    response = client.post("/api/notifications/read", {"ids": ids}, content_type="application/json")
    assert response.status_code == 422
    assert "ids" in str(response.json())


@pytest.mark.parametrize("signed_in", [True, False])
@pytest.mark.parametrize("method, path", [("post", "/transactions"), ("post", "/trainings")])
def test_json_nested_deeper_than_any_record_is_refused_before_it_is_parsed(
    client, world, signed_in, method, path
):
    token = token_for(world.user("office")) if signed_in else "none"
    events = AuditEvent.objects.count()
    deep = '{"topic": "ok", "rows": ' + "[" * 5000 + "]" * 5000 + "}"
    answer = raw(client, method, path, deep, token)
    assert answer.status_code == 400, answer.content
    assert "32" in answer.json()["errors"]["__all__"][0]
    assert AuditEvent.objects.count() == events


def test_brackets_inside_text_are_not_nesting(client, world):
    token = token_for(world.user("office"))
    answer = raw(
        client,
        "post",
        "/transactions",
        json.dumps(entry(world, description="[" * 100 + '\\"{' * 50)),
        token,
    )
    assert answer.status_code == 201, answer.content
