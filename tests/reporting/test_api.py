"""Reviews and reporting rules through the API."""

import datetime

import pytest

from counterpart.accounts import services as accounts
from counterpart.reporting import selectors
from tests.reporting.conftest import report


def bearer(user) -> dict:
    _token, raw = accounts.api_token_create(actor=user, name="t")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def post(client, path, body, user):
    return client.post(path, body, content_type="application/json", **bearer(user))


def test_a_review_goes_through_the_chain_by_api(client, chain, indicator):
    county, prefecture, office = (chain.user(k) for k in ("county_team", "hotan_team", "office"))
    review = selectors.review_of(report(county, indicator, 9))
    answer = post(client, f"/api/reviews/{review.pk}/submit", {"comment": ""}, county)
    assert answer.status_code == 200 and answer.json()["status"] == "submitted"
    waiting = client.get("/api/reviews?show=waiting", **bearer(prefecture)).json()
    assert [r["id"] for r in waiting["items"]] == [review.pk]
    assert waiting["items"][0]["record_type"] == "projects.indicatorperiod"
    assert client.get("/api/reviews", **bearer(office)).json()["count"] == 0
    refused = post(client, f"/api/reviews/{review.pk}/approve", {}, chain.user("kashgar_team"))
    assert refused.status_code == 404  # Kashgar's team does not even see it
    assert post(client, f"/api/reviews/{review.pk}/return", {}, prefecture).status_code == 422
    assert post(client, f"/api/reviews/{review.pk}/approve", {}, prefecture).status_code == 200
    done = post(client, f"/api/reviews/{review.pk}/approve", {"comment": "ok"}, office).json()
    assert done["status"] == "approved" and [s["action"] for s in done["steps"]][-1] == "approved"
    assert post(client, f"/api/reviews/{review.pk}/dance", {}, office).status_code == 422


def test_the_office_sets_rules_and_reopens_by_api(client, world):
    office = world.user("office")
    path = f"/api/rounds/{world.round.pk}/reporting-rules"
    body = {
        "review_mode": "new",
        "closes_after_days": 45,
        "levels": [{"role": "donor_team"}, {"role": "programme_office"}],
    }
    answer = client.patch(path, body, content_type="application/json", **bearer(office))
    assert answer.status_code == 200, answer.content
    rules = answer.json()
    assert [level["role"] for level in rules["levels"]] == ["donor_team", "programme_office"]
    assert rules["periods"][0]["label"] == "2010 Q1" and rules["periods"][0]["closed"]
    stale = client.patch(
        path,
        {"version": 99, "review_mode": "off"},
        content_type="application/json",
        **bearer(office),
    )
    assert stale.status_code == 422 and "version" in stale.json()["errors"]
    reopening = post(
        client,
        f"/api/rounds/{world.round.pk}/reopenings",
        {
            "period_start": "2021-01-01",
            "until": (datetime.date.today() + datetime.timedelta(days=3)).isoformat(),
            "reason": "late survey",
            "organization_id": world.beijing.pk,
        },
        office,
    )
    assert reopening.status_code == 201
    listed = client.get(f"/api/rounds/{world.round.pk}/reopenings", **bearer(office)).json()
    assert listed["count"] == 1


@pytest.mark.parametrize(
    "body",
    [
        {"closes_after_days": True},
        {"closes_after_days": -1},
        {"closes_after_days": 2**63},
        {"freeze_before": 20200101},
        {"review_mode": "sometimes"},
        {"levels": [{"role": "\ud800"}]},
        {"review_mode": "new", "levels": []},
    ],
)
def test_bad_rules_are_refused_naming_the_field(client, world, body):
    answer = client.patch(
        f"/api/rounds/{world.round.pk}/reporting-rules",
        body,
        content_type="application/json",
        **bearer(world.user("office")),
    )
    assert answer.status_code == 422
    assert selectors.rules_of(world.round).pk is None


@pytest.mark.parametrize("user_key", ["beijing_team", "hotan_team", "professional"])
def test_rules_are_the_offices(client, world, user_key):
    path = f"/api/rounds/{world.round.pk}/reporting-rules"
    auth = bearer(world.user(user_key))
    assert client.get(path, **auth).status_code == 403
    answer = client.patch(path, {"review_mode": "all"}, content_type="application/json", **auth)
    assert answer.status_code == 403
    assert client.get(path).status_code == 403  # the public
