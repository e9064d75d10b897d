"""The inbox, the scorecard and one's notifications through the API."""

import pytest

from counterpart.accounts.services import api_token_create
from tests import factories as f


def bearer(user) -> dict:
    _token, raw = api_token_create(actor=user, name="t")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_the_inbox_and_notifications_by_api(client, world):
    f.EntryFactory(pairing=world.beijing_hotan_city, kind="2", sector="12230", amount_minor=900)
    f.EntryFactory(pairing=world.beijing_hotan_city, kind="3", sector="12230", amount_minor=900)
    hotan = bearer(world.user("hotan_team"))
    items = client.get("/api/inbox", **hotan).json()
    assert [(i["kind"], i["count"]) for i in items] == [("receipts", 1)]
    assert client.get("/api/inbox", **bearer(world.user("beijing_team"))).json() == []
    assert client.get("/api/inbox").json() == []  # the public has nothing waiting
    told = client.get("/api/notifications?unread=true", **hotan).json()
    assert told["count"] == 1 and "confirm that it arrived" in told["items"][0]["text"]
    done = client.post("/api/notifications/read", {}, content_type="application/json", **hotan)
    assert done.json() == {"read": 1}
    answer = client.put(
        "/api/notifications/preferences",
        {"choices": {"receipt_waiting": "daily"}},
        content_type="application/json",
        **hotan,
    )
    assert answer.json()["receipt_waiting"] == "daily"
    refused = client.put(
        "/api/notifications/preferences",
        {"choices": {"receipt_waiting": "hourly"}},
        content_type="application/json",
        **hotan,
    )
    assert refused.status_code == 422
    assert client.get("/api/notifications/preferences").status_code == 403


@pytest.mark.parametrize(
    ("key", "status"),
    [("office", 200), ("beijing_team", 200), ("hotan_team", 403), ("professional", 403)],
)
def test_the_scorecard_by_api(client, world, key, status):
    answer = client.get("/api/scorecard?year=2021", **bearer(world.user(key)))
    assert answer.status_code == status
    if key == "beijing_team":
        assert [row["donor"] for row in answer.json()] == ["Beijing"]
        assert len(answer.json()[0]["quarters"]) == 4
