"""The ledger through the API: the same rules and permissions as the pages."""

from counterpart.funding.models import Transaction
from tests import factories as f
from tests.api.test_api import call, token_for


def commitment(world, **overrides):
    data = {
        "kind": "2",
        "pairing_id": world.beijing_hotan_city.pk,
        "amount_minor": 7_000_000_000,
        "currency": "CNY",
        "value_date": "2020-05-01",
        "sector": "12230",
    }
    return {**data, **overrides}


def test_a_donor_team_records_reverses_and_reads_its_totals(client, world):
    token = token_for(world.user("beijing_team"))
    created = call(client, "post", "/transactions", commitment(world), token=token)
    assert created.status_code == 201, created.content
    entry = created.json()
    assert entry["base_amount_minor"] == 7_000_000_000
    totals = call(client, "get", "/totals?group=category", token=token).json()
    assert [(t["key"], t["committed_minor"]) for t in totals] == [("health", 7_000_000_000)]
    shares = {s["rule"]: s for s in call(client, "get", "/shares", token=token).json()}
    assert shares["wellbeing_share"]["share_ppm"] == 1_000_000
    reversed_ = call(
        client, "post", f"/transactions/{entry['id']}/reverse", {"reason": "typo"}, token=token
    )
    assert reversed_.status_code == 201
    assert reversed_.json()["amount_minor"] == -7_000_000_000
    totals = call(client, "get", "/totals?group=category", token=token).json()
    assert totals[0]["committed_minor"] == 0


def test_bad_input_names_the_field_and_writes_nothing(client, world):
    token = token_for(world.user("office"))
    for overrides, field in [
        ({"amount_minor": 0}, "amount_minor"),
        ({"currency": "XXX"}, "currency"),
        ({"currency": "USD"}, "value_date"),
        ({"pairing_id": 999_999}, "pairing_id"),
    ]:
        response = call(
            client, "post", "/transactions", commitment(world, **overrides), token=token
        )
        assert response.status_code == 422, overrides
        assert field in response.json()["errors"], response.json()
    assert Transaction.objects.count() == 0


def test_another_donors_entries_are_not_found_and_cannot_be_reversed(client, world):
    theirs = f.EntryFactory(pairing=world.guangdong_shufu, sector="12230")
    token = token_for(world.user("beijing_team"))
    assert call(client, "get", f"/transactions/{theirs.pk}", token=token).status_code == 404
    response = call(
        client, "post", f"/transactions/{theirs.pk}/reverse", {"reason": "x"}, token=token
    )
    assert response.status_code == 404
    forbidden = call(
        client,
        "post",
        "/transactions",
        commitment(world, pairing_id=world.guangdong_shufu.pk),
        token=token,
    )
    assert forbidden.status_code == 403
    listed = call(client, "get", "/transactions", token=token).json()
    assert listed["count"] == 0


def test_the_public_reads_totals_but_no_entries(client, world):
    f.EntryFactory(pairing=world.beijing_hotan_city, sector="12230", amount_minor=500)
    assert call(client, "get", "/transactions").json()["count"] == 0
    totals = call(client, "get", "/totals?group=year").json()
    assert [(t["key"], t["committed_minor"]) for t in totals] == [("2020", 500)]


def test_the_recipient_team_confirms_receipt(client, world):
    f.EntryFactory(pairing=world.beijing_hotan_city, sector="12230", amount_minor=900)
    paid = f.EntryFactory(
        pairing=world.beijing_hotan_city, kind="3", sector="12230", amount_minor=900
    )
    confirm = {"received_on": "2020-06-03"}
    beijing = token_for(world.user("beijing_team"))
    path = f"/transactions/{paid.pk}/receipt"
    assert call(client, "post", path, confirm, token=beijing).status_code == 403
    hotan = token_for(world.user("hotan_team"))
    assert call(client, "post", path, confirm, token=hotan).status_code == 201
    assert call(client, "post", path, confirm, token=hotan).status_code == 422
