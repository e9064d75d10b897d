"""Mentorships and trainings: recorded by the right people, counted and never listed."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from counterpart.talent import selectors, services
from counterpart.talent.models import Training


def test_a_placed_professional_mentors_and_the_meetings_add_up(world, talent):
    me = world.user("professional")
    mentorship = services.mentorship_create(
        actor=me,
        institution=talent.hospital,
        mentor=talent.yu,
        mentee_role="young_doctor",
        mentee_field="paediatrics",
        started_on=datetime.date(2030, 9, 15),
        goals="Run the children's ward alone.",
    )
    for day in (1, 8):
        services.mentorship_meeting_add(
            actor=me, mentorship=mentorship, held_on=datetime.date(2030, 10, day), hours=Decimal(2)
        )
    seen = selectors.mentorship_list(actor=world.user("hotan_team")).get()
    assert (seen.meeting_count, seen.meeting_hours) == (2, Decimal(4))
    assert not selectors.mentorship_list(actor=world.user("guangdong_team")).exists()
    with pytest.raises(ValidationError) as error:
        services.mentorship_meeting_add(
            actor=me, mentorship=mentorship, held_on=datetime.date(2030, 1, 1), hours=Decimal(1)
        )
    assert "held_on" in error.value.message_dict


def test_a_mentorship_needs_a_mentor(world, talent):
    with pytest.raises(ValidationError) as error:
        services.mentorship_create(
            actor=world.user("hotan_team"),
            institution=talent.hospital,
            mentee_role="nurse",
            started_on=datetime.date(2030, 9, 15),
        )
    assert "mentor" in error.value.message_dict
    with pytest.raises(ValidationError) as error:  # a role is chosen, never written
        services.mentorship_create(
            actor=world.user("hotan_team"),
            institution=talent.hospital,
            local_mentor_role="senior_doctor",
            mentee_role="Wang Xiaoming, young nurse",
            started_on=datetime.date(2030, 9, 15),
        )
    assert "mentee_role" in error.value.message_dict


def test_trainings_count_local_staff_and_refuse_impossible_counts(world, talent):
    hotan = world.user("hotan_team")
    services.training_record(
        actor=hotan,
        institution=talent.hospital,
        topic="Neonatal resuscitation",
        held_on=datetime.date(2030, 11, 2),
        hours=Decimal(6),
        attendees=30,
        local_staff_trained=26,
        trainer=talent.yu,
    )
    assert selectors.staff_trained_total(actor=world.user("auditor")) == 26
    with pytest.raises(ValidationError) as error:
        services.training_record(
            actor=hotan,
            institution=talent.hospital,
            topic="x",
            held_on=datetime.date(2030, 11, 2),
            hours=Decimal(1),
            attendees=3,
            local_staff_trained=4,
        )
    assert "local_staff_trained" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        services.training_record(
            actor=world.user("guangdong_team"),
            institution=talent.hospital,
            topic="x",
            held_on=datetime.date(2030, 11, 2),
            hours=Decimal(1),
            attendees=3,
            local_staff_trained=2,
        )
    assert Training.objects.count() == 1
