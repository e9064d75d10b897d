"""Writes for tele-consultations and referrals (house rules 1, 2, 7, 8).

The requesting hospital's side asks and follows up at home; the consulting (or treating)
hospital's side schedules, advises, admits and discharges.
"""

import copy
import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.audit.services import audit_record, tracked_update
from counterpart.audit.snapshot import snapshot
from counterpart.care.choices import (
    ConsultationOutcome,
    ConsultationStatus,
    ReferralOutcome,
    ReferralStatus,
)
from counterpart.care.models import Referral, Teleconsultation
from counterpart.core.arguments import UNSET, given
from counterpart.core.rules import FREE_TEXT_CHARS, personal_data_in, text_too_long
from counterpart.core.service import service
from counterpart.engine.privacy import CASE_CODE_EXAMPLE, is_case_code


def _check_private(*, case_code: str | None = None, **texts: str) -> None:
    """A case code that is a code, and free text that names and identifies no one."""
    errors = {}
    if case_code is not None and not is_case_code(case_code):
        errors["case_code"] = _(
            "Use a pseudonymous case code such as %(example)s: letters for the place, the year "
            "and a serial number, never a name or an identity number."
        ) % {"example": CASE_CODE_EXAMPLE}
    errors.update(text_too_long(**{f: (t, FREE_TEXT_CHARS) for f, t in texts.items()}))
    errors.update(personal_data_in(**texts))
    if errors:
        raise ValidationError(errors)


@service
def consultation_request(
    *,
    actor,
    requesting_institution,
    consulting_institution,
    specialty: str,
    case_code: str,
    question: str,
    requested_at: datetime.datetime | None = None,
) -> Teleconsultation:
    permissions.require(permissions.speaks_for_institution(actor, requesting_institution))
    _check_private(case_code=case_code, question=question)
    if requesting_institution.pk == consulting_institution.pk:
        raise ValidationError({"consulting_institution": _("A hospital does not consult itself.")})
    consultation = Teleconsultation(
        requesting_institution=requesting_institution,
        consulting_institution=consulting_institution,
        specialty=specialty,
        case_code=case_code,
        question=question,
        requested_at=requested_at or timezone.now(),
    )
    consultation.full_clean()
    consultation.save()
    audit_record(
        actor=actor,
        event_type="consultation.requested",
        obj=consultation,
        after=snapshot(consultation),
    )
    return consultation


def _to_the_minute(moment: datetime.datetime) -> datetime.datetime:
    """Times are entered to the minute: one in the minute of the request is not before it."""
    return moment.replace(second=0, microsecond=0)


def _require_consulting_side(actor, consultation: Teleconsultation) -> None:
    permissions.require(
        permissions.speaks_for_institution(actor, consultation.consulting_institution)
    )


def _require_open(consultation: Teleconsultation) -> None:
    if consultation.status in (ConsultationStatus.HELD, ConsultationStatus.CANCELLED):
        raise ValidationError(
            {
                "status": _("This consultation is %(status)s already.")
                % {"status": consultation.get_status_display()}
            }
        )


@service
def consultation_schedule(
    *, actor, consultation: Teleconsultation, expected_version: int, scheduled_for
) -> Teleconsultation:
    _require_consulting_side(actor, consultation)
    _require_open(consultation)
    if scheduled_for < _to_the_minute(consultation.requested_at):
        raise ValidationError(
            {"scheduled_for": _("A consultation cannot be scheduled before it was requested.")}
        )
    return tracked_update(
        actor=actor,
        instance=consultation,
        expected_version=expected_version,
        changes={"scheduled_for": scheduled_for, "status": ConsultationStatus.SCHEDULED},
        allowed={"scheduled_for", "status"},
        event_type="consultation.scheduled",
    )


@service
def consultation_hold(
    *,
    actor,
    consultation: Teleconsultation,
    expected_version: int,
    held_at: datetime.datetime,
    advice: str,
    outcome: str,
) -> Teleconsultation:
    """Record that the consultation took place, with the advice and what should follow."""
    _require_consulting_side(actor, consultation)
    _require_open(consultation)
    errors = {}
    if held_at < _to_the_minute(consultation.requested_at):
        errors["held_at"] = _("A consultation cannot be held before it was requested.")
    elif held_at > timezone.now():
        errors["held_at"] = _("A consultation cannot be held in the future.")
    if outcome not in ConsultationOutcome.values:
        errors["outcome"] = _("Choose advice given or referral recommended.")
    if not advice.strip():
        errors["advice"] = _("Write the advice given.")
    if errors:
        raise ValidationError(errors)
    _check_private(advice=advice)
    return tracked_update(
        actor=actor,
        instance=consultation,
        expected_version=expected_version,
        changes={
            "held_at": max(held_at, consultation.requested_at),  # the minute it was asked in
            "advice": advice,
            "outcome": outcome,
            "status": ConsultationStatus.HELD,
        },
        allowed={"held_at", "advice", "outcome", "status"},
        event_type="consultation.held",
    )


@service
def consultation_cancel(
    *, actor, consultation: Teleconsultation, expected_version: int, reason: str
) -> Teleconsultation:
    permissions.require(
        permissions.speaks_for_institution(actor, consultation.requesting_institution)
        or permissions.speaks_for_institution(actor, consultation.consulting_institution)
    )
    _require_open(consultation)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the consultation is cancelled.")})
    _check_private(reason=reason)
    return tracked_update(
        actor=actor,
        instance=consultation,
        expected_version=expected_version,
        changes={"status": ConsultationStatus.CANCELLED},
        allowed={"status"},
        event_type="consultation.cancelled",
        reason=reason,
    )


@service
def referral_create(
    *,
    actor,
    from_institution,
    to_institution,
    case_code: str,
    referred_on: datetime.date,
    consultation: Teleconsultation | None = None,
    treatment: str = "",
) -> Referral:
    """Refer a patient for treatment, after a consultation that recommended it or directly."""
    permissions.require(permissions.speaks_for_institution(actor, from_institution))
    _check_private(case_code=case_code, treatment=treatment)
    errors = {}
    if consultation is not None:
        if consultation.outcome != ConsultationOutcome.REFERRAL:
            errors["consultation"] = _("This consultation did not recommend a referral.")
        elif consultation.case_code != case_code:
            errors["case_code"] = _("The case code differs from the consultation's.")
        elif consultation.held_at and referred_on < consultation.held_at.date():
            errors["referred_on"] = _("The referral is dated before the consultation.")
    if from_institution.pk == to_institution.pk:
        errors["to_institution"] = _("A hospital does not refer to itself.")
    if referred_on > timezone.localdate():
        errors["referred_on"] = _("A referral cannot be dated in the future.")
    if errors:
        raise ValidationError(errors)
    referral = Referral(
        consultation=consultation,
        from_institution=from_institution,
        to_institution=to_institution,
        case_code=case_code,
        referred_on=referred_on,
        treatment=treatment,
    )
    referral.full_clean()
    referral.save()
    audit_record(actor=actor, event_type="referral.created", obj=referral, after=snapshot(referral))
    return referral


@service
def referral_from_consultation(
    *, actor, consultation: Teleconsultation, referred_on: datetime.date, treatment: str = ""
) -> Referral:
    """The referral a consultation recommended: from the hospital that asked to the one that
    advised, for the same case."""
    return referral_create(
        actor=actor,
        consultation=consultation,
        from_institution=consultation.requesting_institution,
        to_institution=consultation.consulting_institution,
        case_code=consultation.case_code,
        referred_on=referred_on,
        treatment=treatment,
    )


def _check_order(referral: Referral) -> None:
    steps = [
        ("referred_on", referral.referred_on),
        ("admitted_on", referral.admitted_on),
        ("discharged_on", referral.discharged_on),
        ("follow_up_on", referral.follow_up_on),
    ]
    last = None
    for field, day in steps:
        if day is None:
            continue
        if last is not None and day < last:
            raise ValidationError({field: _("This date is before the step that comes first.")})
        if day > timezone.localdate():
            raise ValidationError({field: _("This date is in the future.")})
        last = day
    if referral.discharged_on and not referral.admitted_on:
        raise ValidationError({"admitted_on": _("Give the day of admission first.")})
    if referral.follow_up_on and not referral.discharged_on:
        raise ValidationError({"discharged_on": _("A follow-up at home comes after discharge.")})


def _with(referral: Referral, **changes) -> Referral:
    """The referral as it would be after `changes`, to check before anything is written."""
    candidate = copy.copy(referral)
    for field, value in changes.items():
        setattr(candidate, field, value)
    return candidate


def _status_of(referral: Referral) -> str:
    if referral.follow_up_on:
        return ReferralStatus.FOLLOWED_UP
    if referral.discharged_on:
        return ReferralStatus.DISCHARGED
    if referral.admitted_on:
        return ReferralStatus.ADMITTED
    return ReferralStatus.REFERRED


@service
def referral_treat(
    *,
    actor,
    referral: Referral,
    expected_version: int,
    admitted_on: datetime.date | None = UNSET,
    discharged_on: datetime.date | None = UNSET,
    treatment: str = UNSET,
    outcome: str = UNSET,
) -> Referral:
    """The treating hospital records admission, treatment, discharge and outcome."""
    permissions.require(permissions.speaks_for_institution(actor, referral.to_institution))
    changes = given(
        admitted_on=admitted_on, discharged_on=discharged_on, treatment=treatment, outcome=outcome
    )
    _check_private(**{k: v for k, v in changes.items() if k == "treatment"})
    if "outcome" in changes and changes["outcome"] not in ReferralOutcome.values:
        raise ValidationError({"outcome": _("Choose an outcome from the list.")})
    current = _with(referral, **changes)
    _check_order(current)
    changes["status"] = _status_of(current)
    return tracked_update(
        actor=actor,
        instance=referral,
        expected_version=expected_version,
        changes=changes,
        allowed={"admitted_on", "discharged_on", "treatment", "outcome", "status"},
        event_type="referral.treated",
    )


@service
def referral_follow_up(
    *, actor, referral: Referral, expected_version: int, follow_up_on: datetime.date, notes: str
) -> Referral:
    """The referring side sees the patient again at home."""
    permissions.require(permissions.speaks_for_institution(actor, referral.from_institution))
    _check_private(follow_up_notes=notes)
    current = _with(referral, follow_up_on=follow_up_on)
    _check_order(current)
    return tracked_update(
        actor=actor,
        instance=referral,
        expected_version=expected_version,
        changes={
            "follow_up_on": follow_up_on,
            "follow_up_notes": notes,
            "status": ReferralStatus.FOLLOWED_UP,
        },
        allowed={"follow_up_on", "follow_up_notes", "status"},
        event_type="referral.followed_up",
    )
