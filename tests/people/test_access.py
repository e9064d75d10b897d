"""Access, given and taken: roles, suspension (tokens stop at once), password reset by e-mail,
signed-in browsers, API tokens with an expiry, and the second factor."""

import datetime
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from counterpart.accounts import services
from counterpart.accounts.choices import Role
from counterpart.accounts.models import ApiToken, Membership
from counterpart.audit.models import AuditEvent
from tests import factories as f
from tests.conftest import PASSWORD


@pytest.fixture(autouse=True)
def clear_throttle(db):
    cache.clear()


@pytest.fixture
def beijing_admin(world):
    return f.UserFactory(organization_=world.beijing, role=Role.TEAM_ADMIN, username="bjadmin")


def sign_in(client, username, password=PASSWORD, **extra):
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password, **extra}
    )


def api(client, method, path, raw_token, **kwargs):
    return getattr(client, method)(
        path, HTTP_AUTHORIZATION=f"Bearer {raw_token}", content_type="application/json", **kwargs
    )


def test_a_suspended_persons_token_and_browsers_stop_at_once(client, world):
    team = world.user("beijing_team")
    _token, raw = services.api_token_create(actor=team, name="script")
    browser = Client()
    assert sign_in(browser, "bj").status_code == 302
    assert api(client, "get", "/api/projects", raw).status_code == 200

    client.force_login(world.user("office"))
    response = client.post(
        reverse("people:suspension", args=[team.pk]), {"reason": "left the team"}
    )
    assert response.status_code == 302
    client.logout()
    assert api(client, "get", "/api/projects", raw).status_code == 401
    assert browser.get(reverse("accounts:account")).status_code == 302  # to sign-in
    assert sign_in(browser, "bj").status_code == 200  # refused
    event = AuditEvent.objects.get(event_type="user.suspended")
    assert event.reason == "left the team" and event.after["tokens_revoked"] == [raw[3:11]]

    team.refresh_from_db()
    services.user_reactivate(actor=world.user("office"), user=team, reason="back")
    assert sign_in(browser, "bj").status_code == 302
    assert api(client, "get", "/api/projects", raw).status_code == 401  # a new token is needed


def test_suspension_needs_a_reason_and_is_not_for_oneself(client, world):
    office, team = world.user("office"), world.user("guangdong_team")
    client.force_login(office)
    client.post(reverse("people:suspension", args=[team.pk]), {"reason": " "})
    team.refresh_from_db()
    assert team.is_active
    with pytest.raises(ValidationError, match="yourself"):
        services.user_suspend(actor=office, user=office, reason="test")


def test_a_team_administrator_manages_its_own_people_only(client, world, beijing_admin):
    client.force_login(beijing_admin)
    listed = client.get(reverse("people:list")).context["page"].object_list
    assert {u.username for u in listed} == {"bj", "pro", "bjadmin"}
    assert (
        client.get(reverse("people:person", args=[world.user("guangdong_team").pk])).status_code
        == 404
    )

    team = world.user("beijing_team")
    response = client.post(
        reverse("people:person", args=[team.pk]),
        {"organization": world.beijing.pk, "role": Role.TEAM_ADMIN},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=team, role=Role.DONOR_TEAM)
    assert client.post(reverse("people:revoke", args=[membership.pk])).status_code == 302
    assert list(Membership.objects.filter(user=team).values_list("role", flat=True)) == [
        Role.TEAM_ADMIN
    ]
    # Taking away someone's last role here sends the administrator back to the list.
    last = Membership.objects.get(user=team)
    response = client.post(reverse("people:revoke", args=[last.pk]))
    assert response["Location"] == reverse("people:list")
    services.membership_grant(
        actor=world.user("office"), user=team, organization=world.beijing, role=Role.DONOR_TEAM
    )
    response = client.post(
        reverse("people:person", args=[team.pk]),
        {"organization": world.beijing.pk, "role": Role.PROGRAMME_OFFICE},
    )
    assert response.context["form"].errors["role"]

    # Someone who also acts for Guangdong is the office's to suspend, not Beijing's.
    services.membership_grant(
        actor=world.user("office"), user=team, organization=world.guangdong, role=Role.DONOR_TEAM
    )
    page = client.get(reverse("people:person", args=[team.pk]))
    assert not page.context["can_suspend"]
    assert [m.organization for m in page.context["memberships"]] == [world.beijing]
    client.post(reverse("people:suspension", args=[team.pk]), {"reason": "no"})
    team.refresh_from_db()
    assert team.is_active


def test_password_reset_by_mail_works_once_and_revokes_tokens(client, world):
    user = f.UserFactory(username="amina", email="amina@example.org")
    _token, raw = services.api_token_create(actor=user, name="script")
    response = client.post(reverse("accounts:password_reset"), {"email": "AMINA@example.org"})
    assert response.status_code == 302
    client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    call_command("worker", "--once")
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    path = re.search(r"/accounts/password/reset/\S+/", mail.outbox[0].body).group(0)
    form_page = client.get(path, follow=True)
    assert form_page.context["validlink"]
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a-new-long-pass-7", "new_password2": "a-new-long-pass-7"},
    )
    assert done.status_code == 302
    assert sign_in(Client(), "amina", "a-new-long-pass-7").status_code == 302
    assert api(Client(), "get", "/api/projects", raw).status_code == 401
    assert not client.get(path, follow=True).context["validlink"]  # used once


def test_one_browser_signs_another_out(world):
    first, second = Client(), Client()
    assert sign_in(first, "bj").status_code == 302
    assert sign_in(second, "bj").status_code == 302
    sessions = first.get(reverse("accounts:account")).context["sessions"]
    assert len(sessions) == 2
    other = next(s for s in sessions if s.session_key != first.session.session_key)
    assert first.post(reverse("accounts:session_end", args=[other.pk])).status_code == 302
    assert second.get(reverse("accounts:account")).status_code == 302
    assert first.get(reverse("accounts:account")).status_code == 200
    third = Client()  # nobody ends someone else's session
    sign_in(third, "gd")
    mine = first.get(reverse("accounts:account")).context["sessions"][0]
    assert third.post(reverse("accounts:session_end", args=[mine.pk])).status_code == 404


def test_a_token_expires_and_its_expiry_is_bounded(client, world):
    user = world.user("beijing_team")
    client.force_login(user)
    today = timezone.localdate()
    for bad in (today, today + datetime.timedelta(days=400)):
        response = client.post(
            reverse("accounts:account"), {"name": "t", "expires_on": bad.isoformat()}
        )
        assert response.context["form"].errors["expires_on"]
    token, raw = services.api_token_create(
        actor=user, name="t", expires_on=today + datetime.timedelta(days=1)
    )
    assert api(Client(), "get", "/api/projects", raw).status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now())
    assert api(Client(), "get", "/api/projects", raw).status_code == 401


def code_for(device: TOTPDevice, *, later: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, drift=later):06d}"


def test_a_second_factor_is_set_up_and_then_asked_at_sign_in(client, world):
    client.force_login(world.user("beijing_team"))
    client.post(reverse("accounts:two_factor"), {"action": "start"})
    device = TOTPDevice.objects.get(user=world.user("beijing_team"))
    assert not device.confirmed
    wrong = client.post(reverse("accounts:two_factor"), {"code": "000000"})
    assert wrong.context["form"].errors["code"]
    client.post(reverse("accounts:two_factor"), {"code": code_for(device)})
    device.refresh_from_db()
    assert device.confirmed

    browser = Client()
    refused = sign_in(browser, "bj")
    assert refused.status_code == 200 and refused.context["form"].errors
    device.refresh_from_db()
    assert sign_in(browser, "bj", code=code_for(device, later=1)).status_code == 302
    assert browser.get(reverse("accounts:account")).status_code == 200


def test_a_required_second_factor_holds_every_page_until_given(client, world, settings):
    settings.REQUIRE_TWO_FACTOR = ["programme_office", "auditor"]
    browser = Client()
    assert sign_in(browser, "office").status_code == 302
    response = browser.get(reverse("projects:list"))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:two_factor")
    assert browser.get(reverse("accounts:two_factor")).status_code == 200
    sign_in(Client(), "bj")  # a donor team is not held
    team = Client()
    sign_in(team, "bj")
    assert team.get(reverse("projects:list")).status_code == 200
    browser.post(reverse("accounts:two_factor"), {"action": "start"})
    device = TOTPDevice.objects.get(user=world.user("office"))
    browser.post(reverse("accounts:two_factor"), {"code": code_for(device)})
    assert browser.get(reverse("projects:list")).status_code == 200
