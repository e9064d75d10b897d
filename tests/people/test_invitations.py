"""Invitations: the office, or a team administrator for its own organization, invites a person
by e-mail; the link works once, until it expires; everything is audited."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from counterpart.accounts import services
from counterpart.accounts.choices import Role
from counterpart.accounts.models import Invitation, Membership, User
from counterpart.audit.models import AuditEvent
from tests import factories as f


@pytest.fixture
def beijing_admin(world):
    return f.UserFactory(organization_=world.beijing, role=Role.TEAM_ADMIN, username="bjadmin")


def invite(client, **fields):
    return client.post(reverse("people:invite"), {"language": "en", **fields})


def link_in_last_mail() -> str:
    return re.search(r"http\S+/accounts/invitations/\S+/", mail.outbox[-1].body).group(0)


def test_an_invitation_mail_carries_a_link_that_works_once(client, world):
    client.force_login(world.user("office"))
    response = invite(
        client,
        email="Li.Na@Example.org ",
        display_name="Li Na",
        organization=world.hotan_office.pk,
        role=Role.RECIPIENT_TEAM,
    )
    assert response.status_code == 302
    assert mail.outbox == []  # the e-mail goes out on the queue, not in the request
    call_command("worker", "--once")
    assert [m.to for m in mail.outbox] == [["li.na@example.org"]]
    assert "Hotan Office" in mail.outbox[0].subject
    path = urlsplit(link_in_last_mail()).path

    client.logout()
    assert "li.na@example.org" in client.get(path).content.decode()
    response = client.post(path, {"username": "lina", "password": "a-long-passphrase-9"})
    assert response.status_code == 302
    user = User.objects.get(username="lina")
    assert user.email == "li.na@example.org" and user.display_name == "Li Na"
    assert Membership.objects.filter(
        user=user, organization=world.hotan_office, role=Role.RECIPIENT_TEAM
    ).exists()
    assert client.get(reverse("accounts:account")).status_code == 200  # signed in

    client.logout()
    again = client.get(path)
    assert again.status_code == 410 and "used already" in again.content.decode()
    assert not client.post(path, {"username": "other", "password": "a-long-passphrase-9"}).get(
        "Location"
    )
    assert User.objects.filter(email="li.na@example.org").count() == 1
    kinds = set(AuditEvent.objects.values_list("event_type", flat=True))
    assert {"invitation.created", "invitation.sent", "invitation.accepted"} <= kinds


@pytest.mark.parametrize("host", ["127.0.0.1:8100", "localhost:8000"])
def test_the_link_points_where_the_inviter_was_served(world, host):
    """`make run PORT=8100`: the e-mail, sent later by the queue's worker, links to port 8100."""
    client = Client(HTTP_HOST=host)
    client.force_login(world.user("office"))
    invite(
        client,
        email="amina@example.org",
        organization=world.hotan_office.pk,
        role=Role.RECIPIENT_TEAM,
    )
    call_command("worker", "--once")
    assert link_in_last_mail().startswith(f"http://{host}/accounts/invitations/")


def test_scheduled_work_and_production_link_to_the_site_url(world, settings):
    settings.SITE_URL = "https://aid.example.org"
    services.invitation_create(
        actor=world.user("office"),
        email="a@example.org",
        organization=world.beijing,
        role=Role.DONOR_TEAM,
    )
    call_command("worker", "--once")
    assert link_in_last_mail().startswith("https://aid.example.org/accounts/invitations/")
    settings.DEPLOYMENT = "production"  # never a request's Host header, which the caller chose
    client = Client(HTTP_HOST="evil.example")
    client.force_login(world.user("office"))
    invite(client, email="b@example.org", organization=world.beijing.pk, role=Role.DONOR_TEAM)
    call_command("worker", "--once")
    assert link_in_last_mail().startswith("https://aid.example.org/accounts/invitations/")


def test_work_queued_outside_a_request_links_where_the_worker_serves(world, settings):
    """`make run PORT=8100` loads the demo (no request, no SITE_URL yet), then serves: e-mails of
    the work the demo queued had linked to port 8000, the default of the loading process."""
    settings.SITE_URL = "http://127.0.0.1:8000"  # the loading command's
    services.invitation_create(
        actor=world.user("office"),
        email="a@example.org",
        organization=world.beijing,
        role=Role.DONOR_TEAM,
    )
    settings.SITE_URL = "http://127.0.0.1:8100"  # the worker's, as make run exports it
    call_command("worker", "--once")
    assert link_in_last_mail().startswith("http://127.0.0.1:8100/accounts/invitations/")


def test_an_expired_or_withdrawn_link_does_not_work(client, world):
    office = world.user("office")
    invitation = services.invitation_create(
        actor=office, email="a@example.org", organization=world.beijing, role=Role.DONOR_TEAM
    )
    call_command("worker", "--once")
    path = urlsplit(link_in_last_mail()).path
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert "expired" in client.get(path).content.decode()
    services.invitation_resend(actor=office, invitation=invitation)
    call_command("worker", "--once")
    assert client.get(path).status_code == 410  # the resent e-mail's link replaced it
    new_path = urlsplit(link_in_last_mail()).path
    assert client.get(new_path).status_code == 200
    services.invitation_withdraw(actor=office, invitation=invitation)
    assert client.get(new_path).status_code == 410


def test_a_weak_password_or_taken_username_is_refused_naming_the_field(client, world):
    services.invitation_create(
        actor=world.user("office"),
        email="b@example.org",
        organization=world.beijing,
        role=Role.DONOR_TEAM,
    )
    call_command("worker", "--once")
    path = urlsplit(link_in_last_mail()).path
    response = client.post(path, {"username": "bj", "password": "a-long-passphrase-9"})
    assert response.status_code == 200 and response.context["form"].errors["username"]
    response = client.post(path, {"username": "newbie", "password": "123"})
    assert response.context["form"].errors["password"]
    assert not User.objects.filter(username="newbie").exists()


@pytest.mark.parametrize(
    "taken",
    ["BJ", "bJ", "\u0412J", "ｂｊ"],  # the case changed, a Cyrillic Ve, full-width letters
)
def test_a_username_that_reads_as_a_taken_one_is_refused(client, world, taken):
    """ "Office" had been accepted beside "office": a second account that reads the same."""
    assert User.objects.filter(username="bj").exists()
    accounts = User.objects.count()
    services.invitation_create(
        actor=world.user("office"),
        email="b@example.org",
        organization=world.beijing,
        role="donor_team",
    )
    call_command("worker", "--once")
    path = urlsplit(link_in_last_mail()).path
    response = client.post(path, {"username": taken, "password": "a-long-passphrase-9"})
    assert response.status_code == 200 and response.context["form"].errors["username"]
    assert User.objects.count() == accounts


def test_no_second_account_on_an_e_mail_address(client, world):
    office = world.user("office")
    existing = world.user("beijing_team")
    existing.email = "team@beijing.example"
    existing.save(update_fields=["email"])
    with pytest.raises(ValidationError, match="account already"):
        services.invitation_create(
            actor=office,
            email="Team@Beijing.example",
            organization=world.beijing,
            role="donor_team",
        )
    # an invitation sent before the address had its account cannot make a second one either
    invitation = services.invitation_create(
        actor=office, email="new@beijing.example", organization=world.beijing, role="donor_team"
    )
    existing.email = "new@beijing.example"
    existing.save(update_fields=["email"])
    key = services.invitation_key_issue(actor=office, invitation=invitation)
    with pytest.raises(ValidationError) as refused:
        services.invitation_accept(key=key, username="another", password="a-long-passphrase-9")
    assert "email" in refused.value.message_dict
    assert not User.objects.filter(username="another").exists()


def test_a_team_administrator_invites_to_its_own_organization_only(client, world, beijing_admin):
    client.force_login(beijing_admin)
    form = client.get(reverse("people:invite")).context["form"]
    assert list(form.fields["organization"].queryset) == [world.beijing]
    assert Role.PROGRAMME_OFFICE not in dict(form.fields["role"].choices)
    assert (
        invite(
            client, email="c@example.org", organization=world.beijing.pk, role=Role.DONOR_TEAM
        ).status_code
        == 302
    )
    refused = invite(
        client, email="d@example.org", organization=world.guangdong.pk, role=Role.DONOR_TEAM
    )
    assert refused.status_code == 200 and refused.context["form"].errors["organization"]
    with pytest.raises(PermissionDenied):
        services.invitation_create(
            actor=beijing_admin,
            email="e@example.org",
            organization=world.beijing,
            role=Role.PROGRAMME_OFFICE,
        )
    assert list(Invitation.objects.values_list("email", flat=True)) == ["c@example.org"]


def test_a_second_pending_invitation_to_the_same_role_is_refused(world):
    office = world.user("office")
    fields = {"email": "x@example.org", "organization": world.beijing, "role": Role.DONOR_TEAM}
    services.invitation_create(actor=office, **fields)
    with pytest.raises(ValidationError, match="already invited"):
        services.invitation_create(actor=office, **{**fields, "email": " X@example.org"})


@pytest.mark.parametrize("user_key", ["beijing_team", "hotan_team", "auditor", "professional"])
def test_no_one_but_administrators_sees_or_invites(client, world, user_key):
    client.force_login(world.user(user_key))
    assert client.get(reverse("people:list")).status_code == 403
    assert client.get(reverse("people:invite")).status_code == 403
    response = invite(
        client, email="z@example.org", organization=world.beijing.pk, role=Role.DONOR_TEAM
    )
    assert response.status_code == 403 and not Invitation.objects.exists()
