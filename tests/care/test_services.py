"""Remote care: a consultation from request to referral and follow-up; who may do each step;
bad input that changes nothing; no field that could name a patient."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from counterpart.care import selectors, services
from counterpart.care.choices import ReferralStatus
from counterpart.care.models import Teleconsultation
from tests import factories as f

ASKED = timezone.make_aware(datetime.datetime(2024, 3, 4, 9, 0))


@pytest.fixture
def hospitals(world):
    class Hospitals:
        hotan = f.OrganizationFactory(
            region_=world.hotan_city, kind="hospital", name="Hotan City Hospital"
        )
        beijing = f.OrganizationFactory(
            region_=world.beijing.region, kind="hospital", parent=world.beijing, name="BJ Hospital"
        )
        guangdong = f.OrganizationFactory(
            region_=world.guangdong.region,
            kind="hospital",
            parent=world.guangdong,
            name="GD Hospital",
        )

    return Hospitals


def ask(world, hospitals, user_key="hotan_team", **fields):
    data = dict(
        requesting_institution=hospitals.hotan,
        consulting_institution=hospitals.beijing,
        specialty="cardiology",
        case_code="HTN-2024-0007",
        question="A child of 6 with a ventricular septal defect: operate here or refer?",
        requested_at=ASKED,
    )
    return services.consultation_request(actor=world.user(user_key), **{**data, **fields})


def test_from_request_to_follow_up_at_home(world, hospitals):
    consultation = ask(world, hospitals)
    beijing = world.user("beijing_team")
    consultation = services.consultation_schedule(
        actor=beijing,
        consultation=consultation,
        expected_version=consultation.version,
        scheduled_for=ASKED + datetime.timedelta(days=1),
    )
    consultation = services.consultation_hold(
        actor=beijing,
        consultation=consultation,
        expected_version=consultation.version,
        held_at=ASKED + datetime.timedelta(days=1, hours=2),
        advice="Operate; the surgery needs a paediatric cardiac centre.",
        outcome="referral",
    )
    hotan = world.user("hotan_team")
    referral = services.referral_create(
        actor=hotan,
        consultation=consultation,
        from_institution=hospitals.hotan,
        to_institution=hospitals.beijing,
        case_code=consultation.case_code,
        referred_on=datetime.date(2024, 3, 10),
    )
    referral = services.referral_treat(
        actor=beijing,
        referral=referral,
        expected_version=referral.version,
        admitted_on=datetime.date(2024, 3, 15),
        discharged_on=datetime.date(2024, 4, 2),
        treatment="Surgical repair.",
        outcome="recovered",
    )
    assert referral.status == ReferralStatus.DISCHARGED
    referral = services.referral_follow_up(
        actor=hotan,
        referral=referral,
        expected_version=referral.version,
        follow_up_on=datetime.date(2024, 5, 2),
        notes="Well; back at school.",
    )
    assert referral.status == ReferralStatus.FOLLOWED_UP
    figures = selectors.care_figures(actor=world.user("office"))
    assert figures.by_month == [("2024-03", 1, 1, 26.0)]
    assert (figures.referrals_completed, figures.follow_ups_done) == (1, 1)
    assert figures.by_specialty == [("Cardiology", 1)]
    assert figures.referrals_by_outcome == [("Recovered", 1)]


def test_each_side_does_only_its_steps(world, hospitals):
    consultation = ask(world, hospitals)
    with pytest.raises(PermissionDenied):  # the requesting side does not answer its own question
        services.consultation_hold(
            actor=world.user("hotan_team"),
            consultation=consultation,
            expected_version=consultation.version,
            held_at=ASKED,
            advice="x",
            outcome="advice",
        )
    with pytest.raises(PermissionDenied):  # another donor's team does not answer either
        services.consultation_schedule(
            actor=world.user("guangdong_team"),
            consultation=consultation,
            expected_version=consultation.version,
            scheduled_for=ASKED,
        )
    with pytest.raises(PermissionDenied):  # a donor team does not ask for a recipient hospital
        ask(world, hospitals, "beijing_team")
    for user_key in ("auditor", "nobody", "professional"):
        with pytest.raises(PermissionDenied):
            ask(world, hospitals, user_key)
    assert Teleconsultation.objects.count() == 1


def test_who_sees_which_consultations(world, hospitals):
    mine = ask(world, hospitals)
    theirs = ask(
        world, hospitals, consulting_institution=hospitals.guangdong, case_code="HTN-2024-0008"
    )

    def seen(user_key):
        return set(selectors.consultation_list(actor=world.user(user_key)))

    assert seen("office") == seen("auditor") == seen("hotan_team") == {mine, theirs}
    assert seen("beijing_team") == {mine}
    assert seen("guangdong_team") == {theirs}
    assert seen("nobody") == set()
    with pytest.raises(Http404):
        selectors.consultation_get(actor=world.user("guangdong_team"), pk=mine.pk)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"case_code": "Ali Hasan"}, "case_code"),
        ({"case_code": "653101200501011234"}, "case_code"),
        ({"question": "Patient 65310120050101123X, fever."}, "question"),
        ({"question": "ID 6531 0120 0501 0112 3X, fever."}, "question"),
        ({"question": "ID 653101-20050101-123Ｘ, fever."}, "question"),
        ({"question": "患者王小明，男，6岁，室间隔缺损"}, "question"),
        ({"question": "x" * 10_001}, "question"),
        ({"case_code": "ZHANG-2024-WEI"}, "case_code"),
        ({"specialty": "astrology"}, "specialty"),
    ],
)
def test_bad_requests_name_the_field_and_write_nothing(world, hospitals, fields, field):
    with pytest.raises(ValidationError) as error:
        ask(world, hospitals, **fields)
    assert field in error.value.message_dict
    assert not Teleconsultation.objects.exists()


def test_a_consultation_held_before_it_was_requested_is_refused(world, hospitals):
    consultation = ask(world, hospitals)
    with pytest.raises(ValidationError) as error:
        services.consultation_hold(
            actor=world.user("beijing_team"),
            consultation=consultation,
            expected_version=consultation.version,
            held_at=ASKED - datetime.timedelta(hours=1),
            advice="x",
            outcome="advice",
        )
    assert "held_at" in error.value.message_dict
    consultation.refresh_from_db()
    assert consultation.held_at is None and consultation.version == 1


def test_a_consultation_held_in_the_minute_it_was_asked_is_recorded(world, hospitals):
    """Forms give minutes: advice recorded at 09:00 on a request made at 09:00:37 is held then,
    not refused by the database (it was, with its constraint's English name as the error)."""
    asked = ASKED + datetime.timedelta(seconds=37)
    consultation = ask(world, hospitals, requested_at=asked)
    held = services.consultation_hold(
        actor=world.user("beijing_team"),
        consultation=consultation,
        expected_version=consultation.version,
        held_at=ASKED,
        advice="Operable here with the visiting team.",
        outcome="advice",
    )
    held.refresh_from_db()
    assert held.status == "held" and held.held_at == asked


def test_referral_dates_in_order_and_only_after_a_referral_advice(world, hospitals):
    consultation = ask(world, hospitals)
    with pytest.raises(ValidationError) as error:  # no advice to refer yet
        services.referral_create(
            actor=world.user("hotan_team"),
            consultation=consultation,
            from_institution=hospitals.hotan,
            to_institution=hospitals.beijing,
            case_code=consultation.case_code,
            referred_on=datetime.date(2024, 3, 10),
        )
    assert "consultation" in error.value.message_dict
    referral = services.referral_create(
        actor=world.user("hotan_team"),
        from_institution=hospitals.hotan,
        to_institution=hospitals.beijing,
        case_code="HTN-2024-0009",
        referred_on=datetime.date(2024, 3, 10),
    )
    with pytest.raises(ValidationError) as error:
        services.referral_treat(
            actor=world.user("beijing_team"),
            referral=referral,
            expected_version=referral.version,
            admitted_on=datetime.date(2024, 3, 1),
        )
    assert "admitted_on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.referral_follow_up(
            actor=world.user("hotan_team"),
            referral=referral,
            expected_version=referral.version,
            follow_up_on=datetime.date(2024, 5, 1),
            notes="x",
        )
    assert "discharged_on" in error.value.message_dict
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.REFERRED and referral.version == 1


def test_no_care_or_exchange_model_has_a_field_that_names_a_person():
    from django.apps import apps

    forbidden = (
        "name",
        "surname",
        "identity",
        "id_number",
        "id_card",
        "photo",
        "ethnic",
        "religio",
        "faith",
        "politic",
        "nationality",
    )
    for label in ("care", "exchanges"):
        for model in apps.get_app_config(label).get_models():
            for field in model._meta.get_fields():
                assert not any(word in field.name.lower() for word in forbidden), (
                    model.__name__,
                    field.name,
                )


def test_a_cancel_reason_is_checked_before_it_enters_the_log(world, hospitals):
    from counterpart.audit.models import AuditEvent

    consultation = ask(world, hospitals)
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as error:
        services.consultation_cancel(
            actor=world.user("hotan_team"),
            consultation=consultation,
            expected_version=consultation.version,
            reason="患者王小明 110101199003071234 已转院",
        )
    assert "reason" in error.value.message_dict
    consultation.refresh_from_db()
    assert consultation.status != "cancelled" and AuditEvent.objects.count() == events


def test_the_audit_log_refuses_identity_numbers_whatever_wrote_them(world):
    from django.db import transaction

    from counterpart.audit.services import audit_record

    with pytest.raises(ValidationError) as error, transaction.atomic():
        audit_record(
            actor=world.user("office"),
            event_type="test.recorded",
            obj=world.beijing,
            after={"note": "1101 0119 9003 0712 34"},
        )
    assert "note" in error.value.message_dict


def test_either_side_cancels_an_open_consultation_with_a_reason(world, hospitals):
    consultation = ask(world, hospitals)
    with pytest.raises(Http404):  # a stranger cannot even see it
        selectors.consultation_get(actor=world.user("guangdong_team"), pk=consultation.pk)
    cancelled = services.consultation_cancel(
        actor=world.user("beijing_team"),
        consultation=consultation,
        expected_version=consultation.version,
        reason="The family chose a hospital nearer home.",
    )
    assert cancelled.status == "cancelled"
    with pytest.raises(ValidationError):  # closed
        services.consultation_cancel(
            actor=world.user("hotan_team"),
            consultation=cancelled,
            expected_version=cancelled.version,
            reason="Again.",
        )
