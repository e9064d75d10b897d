"""A tele-consultation in a real browser: the recipient hospital asks, the donor hospital
advises a referral, the patient is referred, treated and followed up; the figures move."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from counterpart.accounts.choices import Role
from counterpart.care.models import Teleconsultation
from tests import factories as f
from tests.e2e.conftest import sign_in


def test_a_consultation_from_request_to_referral(page, world):
    beijing_hospital = f.OrganizationFactory(
        region_=world.beijing.region, kind="hospital", parent=world.beijing, name="BJ Hospital"
    )
    f.UserFactory(organization_=beijing_hospital, role=Role.DONOR_TEAM, username="beijing-doctor")
    hotan_hospital = f.OrganizationFactory(
        region_=world.hotan_city, kind="hospital", name="Hotan City Hospital"
    )

    sign_in(page, "hotan")
    page.get_by_role("link", name="Remote care").click()
    before = int(page.get_by_test_id("referrals-completed").inner_text())
    page.get_by_role("link", name="Request a consultation").click()
    page.get_by_label("Requesting hospital").select_option(str(hotan_hospital.pk))
    page.get_by_label("Consulting hospital").select_option(str(beijing_hospital.pk))
    page.get_by_label("Specialty").select_option("cardiology")
    page.get_by_label("Case code").fill("Ahmet Tursun")  # a name: refused
    page.get_by_label("Question").fill("Complex congenital heart defect: where to operate?")
    page.get_by_role("button", name="Send the request").click()
    expect(page.locator("#id_case_code_error")).to_contain_text("pseudonymous case code")
    page.get_by_label("Case code").fill("HTN-2024-0301")
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_test_id("status")).to_have_text("Requested")
    consultation_url = page.url
    # It was asked two days ago, as far as the hospital in Beijing is concerned.
    asked = timezone.now() - datetime.timedelta(days=2)
    Teleconsultation.objects.filter(case_code="HTN-2024-0301").update(requested_at=asked)
    held = timezone.localtime(asked) + datetime.timedelta(hours=20)

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "beijing-doctor")
    page.goto(consultation_url)
    page.get_by_text("Record the consultation and its advice").click()
    page.get_by_label("Held at").fill(held.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Advice").fill("Operable; refer to Beijing.")
    page.get_by_label("Outcome").select_option("referral")
    page.locator("button[value=hold]").click()
    expect(page.get_by_test_id("outcome")).to_have_text("Referral recommended")

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "hotan")
    page.goto(consultation_url)
    page.get_by_label("Referred on").fill(held.date().isoformat())
    page.get_by_role("button", name="Refer", exact=True).click()
    expect(page.get_by_test_id("status")).to_have_text("Referred")
    referral_url = page.url

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "beijing-doctor")
    page.goto(referral_url)
    page.get_by_text("Record admission, treatment and discharge").click()
    page.get_by_label("Admitted on").fill(held.date().isoformat())
    page.get_by_label("Discharged on").fill(timezone.localdate().isoformat())
    page.get_by_label("Outcome").select_option("recovered")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("status")).to_have_text("Treated and discharged")

    page.get_by_role("link", name="Remote care").click()
    expect(page.get_by_test_id("referrals-completed")).to_have_text(str(before + 1))
    expect(page.locator("canvas[data-chart='chart-consultations']")).to_have_attribute(
        "data-rendered", "true"
    )
