"""Reads for tele-consultations and referrals, and their figures.

Records are seen by the office and auditors and by the teams of the hospitals on either side.
Figures are counts, which anyone may see (the public included).
"""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from counterpart.accounts import permissions
from counterpart.care.choices import ConsultationOutcome, ConsultationStatus, ReferralStatus
from counterpart.care.models import Referral, Teleconsultation


def consultation_list(*, actor) -> QuerySet[Teleconsultation]:
    consultations = Teleconsultation.objects.select_related(
        "requesting_institution__region", "consulting_institution__region"
    )
    if permissions.reads_everything(actor):
        return consultations
    return consultations.filter(
        permissions.institution_scope_q(actor, "requesting_institution__")
        | permissions.institution_scope_q(actor, "consulting_institution__")
    )


def consultation_get(*, actor, pk: int) -> Teleconsultation:
    return get_object_or_404(consultation_list(actor=actor), pk=pk)


def referral_list(*, actor) -> QuerySet[Referral]:
    referrals = Referral.objects.select_related(
        "from_institution__region", "to_institution__region", "consultation"
    )
    if permissions.reads_everything(actor):
        return referrals
    return referrals.filter(
        permissions.institution_scope_q(actor, "from_institution__")
        | permissions.institution_scope_q(actor, "to_institution__")
    )


def referral_get(*, actor, pk: int) -> Referral:
    return get_object_or_404(referral_list(actor=actor), pk=pk)


def consultations_to_answer(*, actor) -> QuerySet[Teleconsultation]:
    """Consultations asked of a hospital the actor's team speaks for, not yet held: the
    inbox's (the office, which may act for any hospital, is not the one asked)."""
    return (
        Teleconsultation.objects.filter(
            permissions.institution_scope_q(actor, "consulting_institution__"),
            status__in=[ConsultationStatus.REQUESTED, ConsultationStatus.SCHEDULED],
        )
        .select_related("requesting_institution")
        .order_by("requested_at", "pk")
    )


def referrals_to_make(*, actor) -> QuerySet[Teleconsultation]:
    """Consultations of the actor's hospitals that recommended a referral not yet made."""
    return (
        Teleconsultation.objects.filter(
            permissions.institution_scope_q(actor, "requesting_institution__"),
            status=ConsultationStatus.HELD,
            outcome=ConsultationOutcome.REFERRAL,
            referrals__isnull=True,
        )
        .select_related("consulting_institution")
        .order_by("held_at", "pk")
    )


def patients_to_treat(*, actor) -> QuerySet[Referral]:
    """Patients referred to the actor's hospitals and not yet discharged."""
    return (
        Referral.objects.filter(
            permissions.institution_scope_q(actor, "to_institution__"),
            status__in=[ReferralStatus.REFERRED, ReferralStatus.ADMITTED],
        )
        .select_related("from_institution")
        .order_by("referred_on", "pk")
    )


def follow_ups_to_record(*, actor) -> QuerySet[Referral]:
    """Patients of the actor's hospitals back home after treatment, not yet seen again."""
    return (
        Referral.objects.filter(
            permissions.institution_scope_q(actor, "from_institution__"),
            status=ReferralStatus.DISCHARGED,
        )
        .select_related("to_institution")
        .order_by("discharged_on", "pk")
    )


@dataclass
class CareFigures:
    by_month: list[tuple[str, int, int, float | None]] = field(default_factory=list)
    # (month, requested, held, median hours from request to consultation)
    by_specialty: list[tuple[str, int]] = field(default_factory=list)
    referrals_by_status: list[tuple[str, int]] = field(default_factory=list)
    referrals_by_outcome: list[tuple[str, int]] = field(default_factory=list)
    referrals_completed: int = 0
    follow_ups_done: int = 0
    median_hours: float | None = None


def care_figures(*, actor, donor=None, area=None) -> CareFigures:
    """Counts over every consultation and referral, for every reader alike: care belongs to no
    pairing that could be unpublished, and counts name no one. By the consulting hospital's
    donor and the requesting hospital's place."""
    consultations = Teleconsultation.objects.exclude(status=ConsultationStatus.CANCELLED)
    referrals = Referral.objects.exclude(status=ReferralStatus.CANCELLED)
    if donor is not None:
        consultations = consultations.filter(consulting_institution__path__startswith=donor.path)
        referrals = referrals.filter(to_institution__path__startswith=donor.path)
    if area is not None:
        consultations = consultations.filter(
            requesting_institution__region__path__startswith=area.path
        )
        referrals = referrals.filter(from_institution__region__path__startswith=area.path)
    requested, held = Counter(), Counter()
    waits: dict[str, list[float]] = defaultdict(list)
    specialties = Counter()
    for consultation in consultations.only("requested_at", "held_at", "specialty"):
        month = f"{consultation.requested_at:%Y-%m}"
        requested[month] += 1
        specialties[consultation.get_specialty_display()] += 1
        if consultation.held_at:
            held[month] += 1
            waits[month].append(
                (consultation.held_at - consultation.requested_at).total_seconds() / 3600
            )
    all_waits = [hours for month_waits in waits.values() for hours in month_waits]
    treated = list(referrals.only("status", "outcome"))
    statuses = Counter(r.get_status_display() for r in treated)
    outcomes = Counter(r.get_outcome_display() for r in treated if r.outcome)
    return CareFigures(
        by_month=[
            (
                month,
                requested[month],
                held[month],
                round(statistics.median(waits[month]), 1) if waits[month] else None,
            )
            for month in sorted(requested)
        ],
        by_specialty=sorted(specialties.items(), key=lambda item: (-item[1], item[0])),
        referrals_by_status=sorted(statuses.items()),
        referrals_by_outcome=sorted(outcomes.items()),
        referrals_completed=referrals.filter(
            Q(status=ReferralStatus.DISCHARGED) | Q(status=ReferralStatus.FOLLOWED_UP)
        ).count(),
        follow_ups_done=referrals.filter(status=ReferralStatus.FOLLOWED_UP).count(),
        median_hours=round(statistics.median(all_waits), 1) if all_waits else None,
    )


def consultations_by_region(*, donor=None, area=None, year: int | None = None) -> dict[int, int]:
    """Consultations asked for (not cancelled), by the requesting hospital's place: counts."""
    consultations = Teleconsultation.objects.exclude(status=ConsultationStatus.CANCELLED)
    if donor is not None:
        consultations = consultations.filter(consulting_institution__path__startswith=donor.path)
    if area is not None:
        consultations = consultations.filter(
            requesting_institution__region__path__startswith=area.path
        )
    if year is not None:
        consultations = consultations.filter(requested_at__year=year)
    rows = consultations.values_list("requesting_institution__region").annotate(n=Count("id"))
    return dict(rows.order_by())
