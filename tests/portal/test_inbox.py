"""The inbox shows each kind of item to the person who acts on it, and to no one else."""

import datetime

import pytest
from django.urls import reverse

from counterpart.accounts import services as accounts
from counterpart.accounts.choices import Role
from counterpart.portal.inbox import inbox
from counterpart.projects import services as projects
from counterpart.reporting import selectors as reporting
from counterpart.reporting import services as review
from counterpart.talent import services as talent_services
from tests import factories as f

EVERYONE = [
    "office",
    "auditor",
    "beijing_team",
    "guangdong_team",
    "hotan_team",
    "professional",
    "beijing_admin",
    "hotan_professional",
]


@pytest.fixture(autouse=True)
def inside_the_chain(world):
    """Members of organizations inside the reviewed chain who take no part in it: Beijing's team
    administrator, and a professional of a hospital in Hotan City (issue 21: a professional
    there had read all of its prefecture's reviews). Their inboxes stay empty."""
    hospital = f.OrganizationFactory(region_=world.hotan_city, kind="hospital", name="HC Hospital")
    world.users["beijing_admin"] = f.UserFactory(
        organization_=world.beijing, role=Role.TEAM_ADMIN, username="bjadmin"
    )
    world.users["hotan_professional"] = f.UserFactory(
        organization_=hospital, role=Role.PROFESSIONAL, username="hcpro"
    )


def kinds(world, key, today=None) -> set[str]:
    return {item.kind for item in inbox(world.user(key), today=today)}


def who_sees(world, kind, today=None) -> set[str]:
    return {key for key in EVERYONE if kind in kinds(world, key, today)}


def test_a_disbursement_waits_for_the_receiving_places_team(world):
    f.EntryFactory(pairing=world.beijing_hotan_city, kind="2", sector="12230", amount_minor=900)
    f.EntryFactory(pairing=world.beijing_hotan_city, kind="3", sector="12230", amount_minor=900)
    assert who_sees(world, "receipts") == {"hotan_team"}


def test_a_submission_waits_at_its_level_and_a_return_goes_back(world):
    office = world.user("office")
    review.reporting_rules_set(
        actor=office,
        round=world.round,
        review_mode="new",
        levels=[("donor_team", ""), ("programme_office", "")],
    )
    colleague = f.UserFactory(organization_=world.beijing, role=Role.DONOR_TEAM)
    entry = f.EntryFactory(pairing=world.beijing_hotan_city, sector="12230")
    record = reporting.review_of(entry)
    review.review_approve(actor=colleague, review=record)
    assert who_sees(world, "approvals") == {"office"}
    review.review_return(actor=office, review=record, comment="wrong sector")
    assert who_sees(world, "approvals") == set()
    assert {"returned"} <= {i.kind for i in inbox(f.system())}  # the system submitted it
    assert who_sees(world, "returned") == set()


def test_an_extension_waits_for_the_receiving_team_and_a_term_for_its_successor(world, talent):
    office = world.user("office")
    today = datetime.date.today()
    placement = talent_services.placement_create(
        actor=office,
        professional=talent.yu,
        post=talent.paediatrics,
        start_date=today - datetime.timedelta(days=300),
        end_date=today + datetime.timedelta(days=60),
    )
    assert who_sees(world, "successors") == {"hotan_team", "beijing_team"}
    talent_services.extension_request(
        actor=world.user("professional"),
        placement=placement,
        new_end_date=today + datetime.timedelta(days=200),
        reason="to finish the training course",
    )
    assert who_sees(world, "extensions") == {"hotan_team"}


def test_missing_actuals_of_a_closed_period_wait_for_the_projects_teams(world):
    office = world.user("office")
    project = f.ProjectFactory(pairing=world.beijing_hotan_city, status="2")
    result = projects.result_create(actor=office, project=project, kind="1", title_en="Beds")
    projects.indicator_create(
        actor=office, result=result, title_en="Beds", standard="hospital_beds"
    )
    review.reporting_rules_set(actor=office, round=world.round, closes_after_days=30)
    assert who_sees(world, "periods") == {"beijing_team", "hotan_team"}
    item = next(i for i in inbox(world.user("hotan_team")) if i.kind == "periods")
    assert "1 indicators without actuals" in item.rows[0][0]


def test_pending_invitations_wait_for_those_who_sent_them(world):
    admin = f.UserFactory(organization_=world.guangdong, role=Role.TEAM_ADMIN, username="gdadmin")
    accounts.invitation_create(
        actor=world.user("office"),
        email="a@example.org",
        organization=world.beijing,
        role=Role.DONOR_TEAM,
    )
    assert who_sees(world, "invitations") == {"office", "beijing_admin"}  # who invite there
    assert "invitations" not in {i.kind for i in inbox(admin)}  # Beijing's, not Guangdong's


@pytest.mark.parametrize("key", ["beijing_team", "hotan_team"])
def test_the_home_page_and_the_navigation_show_the_inbox(client, world, key):
    f.EntryFactory(pairing=world.beijing_hotan_city, kind="2", sector="12230", amount_minor=900)
    f.EntryFactory(pairing=world.beijing_hotan_city, kind="3", sector="12230", amount_minor=900)
    client.force_login(world.user(key))
    page = client.get(reverse("home")).content.decode()
    shown = 'data-testid="inbox-count">1<' in page
    assert shown == (key == "hotan_team")
    assert "Your inbox" in page
    client.logout()
    assert "Your inbox" not in client.get(reverse("home")).content.decode()


def test_each_step_of_remote_care_waits_for_the_hospital_that_takes_it(world):
    """The consulted hospital's team answers, the asking one refers, the treating one admits
    and discharges, the asking one follows up at home; the office, which may act for any
    hospital, is not asked, nor is a professional of the asking hospital."""
    from counterpart.care import services as care

    asking = f.OrganizationFactory(region_=world.hotan_city, kind="hospital", name="HC Clinic")
    consulted = f.OrganizationFactory(
        region_=world.beijing.region, kind="hospital", parent=world.beijing, name="BJ Hospital"
    )
    hotan, beijing = world.user("hotan_team"), world.user("beijing_team")
    consultation = care.consultation_request(
        actor=hotan,
        requesting_institution=asking,
        consulting_institution=consulted,
        specialty="cardiology",
        case_code="HTN-2024-0007",
        question="Septal defect in a child of 6: operate here or refer?",
    )
    assert who_sees(world, "consultations") == {"beijing_team"}
    consultation = care.consultation_hold(
        actor=beijing,
        consultation=consultation,
        expected_version=consultation.version,
        held_at=consultation.requested_at,
        advice="Refer for closure of the defect.",
        outcome="referral",
    )
    assert who_sees(world, "consultations") == set()
    assert who_sees(world, "referrals") == {"hotan_team"}
    today = consultation.held_at.date()
    referral = care.referral_from_consultation(
        actor=hotan, consultation=consultation, referred_on=today
    )
    assert who_sees(world, "referrals") == set()
    assert who_sees(world, "treatments") == {"beijing_team"}
    referral = care.referral_treat(
        actor=beijing,
        referral=referral,
        expected_version=referral.version,
        admitted_on=today,
        discharged_on=today,
        outcome="recovered",
    )
    assert who_sees(world, "treatments") == set()
    assert who_sees(world, "follow_ups") == {"hotan_team"}
    care.referral_follow_up(
        actor=hotan,
        referral=referral,
        expected_version=referral.version,
        follow_up_on=today,
        notes="Well at home.",
    )
    assert who_sees(world, "follow_ups") == set()
