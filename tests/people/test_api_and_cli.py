"""People and access through the API and the command line."""

import pytest
from django.core.management import CommandError, call_command

from counterpart.accounts import services
from counterpart.accounts.choices import Role
from counterpart.accounts.models import Invitation, User
from tests import factories as f


def bearer(user) -> dict:
    _token, raw = services.api_token_create(actor=user, name="t")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_the_office_lists_finds_and_suspends_people(client, world):
    auth = bearer(world.user("office"))
    listed = client.get("/api/users?q=gd", **auth).json()
    assert [u["username"] for u in listed["items"]] == ["gd"] and listed["count"] == 1
    gd = world.user("guangdong_team")
    response = client.post(
        f"/api/users/{gd.pk}/suspend", {"reason": "moved"}, content_type="application/json", **auth
    )
    assert response.status_code == 200 and response.json()["is_active"] is False
    assert [
        u["username"] for u in client.get("/api/users?active=false", **auth).json()["items"]
    ] == ["gd"]
    refused = client.post(
        f"/api/users/{gd.pk}/suspend", {"reason": "again"}, content_type="application/json", **auth
    )
    assert refused.status_code == 422 and "user" in refused.json()["errors"]


@pytest.mark.parametrize("user_key", ["beijing_team", "auditor", "hotan_team"])
def test_people_are_not_listed_to_teams(client, world, user_key):
    assert client.get("/api/users", **bearer(world.user(user_key))).status_code == 403
    assert client.get("/api/invitations", **bearer(world.user(user_key))).status_code == 403
    assert client.get("/api/users").status_code == 403  # the public


def test_a_team_administrator_sees_only_its_people_through_the_api(client, world):
    admin = f.UserFactory(organization_=world.beijing, role=Role.TEAM_ADMIN, username="bjadmin")
    auth = bearer(admin)
    names = {u["username"] for u in client.get("/api/users", **auth).json()["items"]}
    assert names == {"bj", "pro", "bjadmin"}
    gd = world.user("guangdong_team")
    assert client.get(f"/api/users/{gd.pk}", **auth).status_code == 404
    response = client.post(
        f"/api/users/{gd.pk}/suspend", {"reason": "x"}, content_type="application/json", **auth
    )
    assert response.status_code == 404 and User.objects.get(pk=gd.pk).is_active


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("organization_id", True),
        ("organization_id", 2**63),
        ("organization_id", -1),
        ("email", "x" * 300 + "@example.org"),
        ("email", "not an address"),
        ("role", "emperor"),
        ("language", "fr"),
        ("display_name", "\ud800"),
    ],
)
def test_a_bad_invitation_is_refused_naming_the_field(client, world, field, value):
    body = {"email": "a@example.org", "organization_id": world.beijing.pk, "role": "donor_team"}
    response = client.post(
        "/api/invitations",
        {**body, field: value},
        content_type="application/json",
        **bearer(world.user("office")),
    )
    assert response.status_code == 422
    assert field in str(response.json())
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("user_key", ["beijing_team", "hotan_team", "auditor", "professional"])
def test_one_who_gives_no_roles_is_refused_before_the_form_is_read(client, world, user_key):
    body = {"email": "a@example.org", "organization_id": 2_000_000_000, "role": "donor_team"}
    response = client.post(
        "/api/invitations", body, content_type="application/json", **bearer(world.user(user_key))
    )
    assert response.status_code == 403  # not a 422 telling which organizations exist
    assert not Invitation.objects.exists()


def test_invitations_through_the_api(client, world):
    auth = bearer(world.user("office"))
    body = {"email": "a@example.org", "organization_id": world.beijing.pk, "role": "donor_team"}
    made = client.post("/api/invitations", body, content_type="application/json", **auth)
    assert made.status_code == 201 and made.json()["expires_at"]
    pk = made.json()["id"]
    assert client.get("/api/invitations?pending=true", **auth).json()["count"] == 1
    assert client.post(f"/api/invitations/{pk}/resend", **auth).status_code == 202
    assert client.delete(f"/api/invitations/{pk}", **auth).status_code == 204
    assert client.get("/api/invitations?pending=true", **auth).json()["count"] == 0
    assert client.delete(f"/api/invitations/{pk}", **auth).status_code == 422


def test_the_command_line_invites_lists_and_suspends(world, capsys):
    call_command(
        "user",
        "invite",
        "New@Example.org",
        "--organization",
        world.hotan_office.code,
        "--role",
        "recipient_team",
    )
    assert Invitation.objects.get().email == "new@example.org"
    assert "worker" in capsys.readouterr().out
    call_command("user", "list", "--organization", world.beijing.code)
    listed = capsys.readouterr().out
    assert "2 people" in listed and "bj" in listed and "gd" not in listed
    call_command("user", "suspend", "gd", "--reason", "left")
    assert not User.objects.get(username="gd").is_active
    call_command("user", "list", "--suspended")
    assert "1 people" in capsys.readouterr().out
    call_command("user", "reactivate", "gd", "--reason", "")
    with pytest.raises(CommandError, match="not suspended"):
        call_command("user", "reactivate", "gd", "--reason", "")
    with pytest.raises(CommandError, match="no organization"):
        call_command("user", "invite", "a@b.org", "--organization", "nope", "--role", "donor_team")
    with pytest.raises(CommandError, match="email"):
        call_command(
            "user",
            "invite",
            "not-mail",
            "--organization",
            world.beijing.code,
            "--role",
            "donor_team",
        )
