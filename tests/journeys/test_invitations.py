"""The office invites a recipient team's new member, and Beijing's team administrator one of
its own: the e-mail's link opens on the host and port actually serving, the person chooses a
username and a password and is signed in with the role given."""

import re

from playwright.sync_api import expect

from tests.journeys.conftest import field


def invite(page, served, t, *, email: str, organization: str, role: str) -> None:
    page.goto("/people/")
    page.get_by_role("link", name=t("Invite a person")).click()
    field(page, t("E-mail")).fill(email)
    organization_id = served.row("places_organization", code=organization)["id"]
    field(page, t("Organization")).select_option(str(organization_id))
    field(page, t("Role")).select_option(role)
    page.get_by_role("button", name=t("Send the invitation")).click()
    expect(page.get_by_text(email).first).to_be_visible()  # listed among those not yet in


def accept(served, person, t, *, email: str, username: str):
    message = served.wait_for_email(email)
    body = message.get_payload(decode=True).decode()
    link = re.search(r"https?://\S+/accounts/invitations/\S+/", body).group(0)
    assert link.startswith(served.url + "/"), link  # the host and port that serve
    page = person(None)
    page.goto(link)
    field(page, t("Username")).fill(username)
    field(page, t("Password")).fill("a-long-passphrase-42")
    page.get_by_role("button", name=t("Create my account")).click()
    page.wait_for_url("**/")
    page.goto("/accounts/")
    return page


def test_the_office_and_a_team_administrator_invite_people(served, person, t):
    office = person("office")
    invite(
        office,
        served,
        t,
        email="amina.tursun@example.org",
        organization="653200-government",
        role="recipient_team",
    )
    amina = accept(served, person, t, email="amina.tursun@example.org", username="amina")
    roles = amina.locator("dd ul").first
    expect(roles).to_contain_text(t("Recipient team"), ignore_case=True)
    expect(roles).to_contain_text(served.name("places_organization", code="653200-government"))

    admin = person("beijing-admin")
    invite(admin, served, t, email="li.hua@example.org", organization="beijing", role="donor_team")
    colleague = accept(served, person, t, email="li.hua@example.org", username="lihua")
    expect(colleague.locator("dd ul").first).to_contain_text(t("Donor team"))
