"""Tele-consultations between a recipient hospital and a donor hospital, and referrals for
treatment. Patients appear only as pseudonymous case codes (house rule 7): no name, identity
number or photo has a field here."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from counterpart.care.choices import (
    ConsultationOutcome,
    ConsultationStatus,
    ReferralOutcome,
    ReferralStatus,
)
from counterpart.core.choices import Specialty
from counterpart.core.models import NamesNoOne, Versioned


class Teleconsultation(Versioned, NamesNoOne):
    requesting_institution = models.ForeignKey(
        "places.Organization",
        verbose_name=_("requesting hospital"),
        on_delete=models.PROTECT,
        related_name="consultations_requested",
    )
    consulting_institution = models.ForeignKey(
        "places.Organization",
        verbose_name=_("consulting hospital"),
        on_delete=models.PROTECT,
        related_name="consultations_given",
    )
    specialty = models.CharField(_("specialty"), max_length=40, choices=Specialty.choices)
    case_code = models.CharField(
        _("case code"),
        max_length=30,
        help_text=_("Pseudonymous, e.g. KSG-2017-0042; never a name."),
    )
    question = models.TextField(_("question"))
    requested_at = models.DateTimeField(_("requested at"))
    scheduled_for = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    held_at = models.DateTimeField(_("held at"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ConsultationStatus.choices,
        default=ConsultationStatus.REQUESTED,
    )
    advice = models.TextField(_("advice"), blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=ConsultationOutcome.choices, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(held_at__isnull=True) | Q(held_at__gte=models.F("requested_at")),
                name="consultation_held_after_request",
            ),
        ]
        verbose_name = _("tele-consultation")
        verbose_name_plural = _("tele-consultations")

    def __str__(self) -> str:
        return f"{self.case_code} · {self.get_specialty_display()}"


class Referral(Versioned, NamesNoOne):
    """A patient sent from a recipient hospital to a donor hospital for treatment."""

    consultation = models.ForeignKey(
        Teleconsultation,
        verbose_name=_("tele-consultation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="referrals",
    )
    from_institution = models.ForeignKey(
        "places.Organization",
        verbose_name=_("referring hospital"),
        on_delete=models.PROTECT,
        related_name="referrals_sent",
    )
    to_institution = models.ForeignKey(
        "places.Organization",
        verbose_name=_("treating hospital"),
        on_delete=models.PROTECT,
        related_name="referrals_received",
    )
    case_code = models.CharField(_("case code"), max_length=30)
    referred_on = models.DateField(_("referred on"))
    admitted_on = models.DateField(_("admitted on"), null=True, blank=True)
    discharged_on = models.DateField(_("discharged on"), null=True, blank=True)
    treatment = models.TextField(_("treatment"), blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=ReferralOutcome.choices, blank=True
    )
    follow_up_on = models.DateField(_("followed up on"), null=True, blank=True)
    follow_up_notes = models.TextField(_("follow-up notes"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ReferralStatus.choices, default=ReferralStatus.REFERRED
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-referred_on", "-id"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")

    def __str__(self) -> str:
        return f"{self.case_code} → {self.to_institution}"
