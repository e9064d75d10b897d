"""Knowledge that stays: mentorships of local staff and trainings, counted, never listed."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.audit.services import audit_record
from counterpart.audit.snapshot import snapshot
from counterpart.core.rules import counts_not_negative, dates_in_order
from counterpart.core.service import service
from counterpart.talent.models import Mentorship, MentorshipMeeting, Professional, Training


def _may_record_at(actor, institution, professional: Professional | None) -> bool:
    """The institution's recipient team or the office; or the professional sent there (and
    their donor team) for what that professional does."""
    if permissions.can_manage_post(actor, institution):
        return True
    return professional is not None and permissions.can_manage_professional(actor, professional)


@service
def mentorship_create(
    *,
    actor,
    institution,
    mentee_role: str,
    started_on: datetime.date,
    mentee_field: str = "",
    mentor: Professional | None = None,
    local_mentor_role: str = "",
    goals: str = "",
    ended_on: datetime.date | None = None,
) -> Mentorship:
    permissions.require(_may_record_at(actor, institution, mentor))
    mentorship = Mentorship(
        institution=institution,
        mentor=mentor,
        local_mentor_role=local_mentor_role,
        mentee_role=mentee_role,
        mentee_field=mentee_field,
        started_on=started_on,
        ended_on=ended_on,
        goals=goals,
    )
    errors = {}  # checked before the model's, whose constraint errors name no field
    if mentor is None and not local_mentor_role:
        errors["mentor"] = _("Choose the mentor, or the role of the local senior who mentors.")
    errors.update(dates_in_order(started_on, ended_on, end_field="ended_on"))
    if errors:
        raise ValidationError(errors)
    mentorship.full_clean()
    mentorship.save()
    audit_record(
        actor=actor, event_type="mentorship.created", obj=mentorship, after=snapshot(mentorship)
    )
    return mentorship


@service
def mentorship_meeting_add(
    *, actor, mentorship: Mentorship, held_on: datetime.date, hours: Decimal, topic: str = ""
) -> MentorshipMeeting:
    permissions.require(_may_record_at(actor, mentorship.institution, mentorship.mentor))
    errors = {}
    if held_on < mentorship.started_on or (mentorship.ended_on and held_on > mentorship.ended_on):
        errors["held_on"] = _("The meeting falls outside the mentorship.")
    if hours <= 0 or hours > 24:
        errors["hours"] = _("A meeting lasts more than 0 and at most 24 hours.")
    if errors:
        raise ValidationError(errors)
    meeting = MentorshipMeeting(mentorship=mentorship, held_on=held_on, hours=hours, topic=topic)
    meeting.full_clean()
    meeting.save()
    audit_record(
        actor=actor, event_type="mentorship.meeting_added", obj=mentorship, after=snapshot(meeting)
    )
    return meeting


@service
def training_record(
    *,
    actor,
    institution,
    topic: str,
    held_on: datetime.date,
    hours: Decimal,
    attendees: int,
    local_staff_trained: int,
    trainer: Professional | None = None,
) -> Training:
    permissions.require(_may_record_at(actor, institution, trainer))
    errors = counts_not_negative(attendees=attendees, local_staff_trained=local_staff_trained)
    if not errors and local_staff_trained > attendees:
        errors["local_staff_trained"] = _("More local staff than attendees.")
    if hours <= 0:
        errors["hours"] = _("A training lasts more than 0 hours.")
    if errors:
        raise ValidationError(errors)
    training = Training(
        institution=institution,
        trainer=trainer,
        topic=topic,
        held_on=held_on,
        hours=hours,
        attendees=attendees,
        local_staff_trained=local_staff_trained,
    )
    training.full_clean()
    training.save()
    audit_record(
        actor=actor, event_type="training.recorded", obj=training, after=snapshot(training)
    )
    return training
