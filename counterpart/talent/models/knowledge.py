"""Knowledge that stays: mentorships of local staff (by role) and trainings (counted)."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from counterpart.core.choices import Specialty
from counterpart.core.models import NamesNoOne
from counterpart.talent.choices import LocalRole
from counterpart.talent.models.people import Professional


class Mentorship(NamesNoOne):
    """An experienced person mentors a local staff member of the receiving institution."""

    institution = models.ForeignKey(
        "places.Organization",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="mentorships",
    )
    mentor = models.ForeignKey(
        Professional,
        verbose_name=_("mentor (a professional sent)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mentorships",
    )
    local_mentor_role = models.CharField(
        _("or a local senior, by role"), max_length=20, choices=LocalRole.choices, blank=True
    )
    mentee_role = models.CharField(_("mentee, by role"), max_length=20, choices=LocalRole.choices)
    mentee_field = models.CharField(
        _("mentee's field"), max_length=40, choices=Specialty.choices, blank=True
    )
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    goals = models.TextField(_("goals"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(mentor__isnull=False) | ~Q(local_mentor_role=""),
                name="mentorship_has_mentor",
            ),
        ]
        verbose_name = _("mentorship")
        verbose_name_plural = _("mentorships")

    def __str__(self) -> str:
        role = self.get_mentee_role_display()
        return f"{role} · {self.get_mentee_field_display()}" if self.mentee_field else str(role)


class MentorshipMeeting(NamesNoOne):
    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("held on"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    topic = models.CharField(_("topic"), max_length=300, blank=True)

    class Meta:
        ordering = ["held_on", "id"]
        verbose_name = _("mentorship meeting")
        verbose_name_plural = _("mentorship meetings")

    def __str__(self) -> str:
        return f"{self.mentorship_id} {self.held_on:%Y-%m-%d}"


class Training(NamesNoOne):
    """A course or workshop at a receiving institution; attendees are counted, not listed."""

    institution = models.ForeignKey(
        "places.Organization",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="trainings",
    )
    trainer = models.ForeignKey(
        Professional,
        verbose_name=_("given by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="trainings",
    )
    topic = models.CharField(_("topic"), max_length=300)
    held_on = models.DateField(_("held on"))
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=1)
    attendees = models.PositiveIntegerField(_("attendees"))
    local_staff_trained = models.PositiveIntegerField(
        _("of whom local staff"), help_text=_("Counted in “local staff trained”.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(local_staff_trained__lte=F("attendees")),
                name="trained_within_attendees",
            ),
        ]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")

    def __str__(self) -> str:
        return self.topic
