"""How what teams report is checked before it counts: each round's rules (review mode, its chain
of approval levels, reporting periods and when they close, a data freeze), the review of each
record with its history, and the reopenings of closed periods."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from counterpart.core.models import AppendOnly, CheckedText, Versioned
from counterpart.core.said import words
from counterpart.places.choices import RegionLevel
from counterpart.reporting.choices import (
    APPROVING_ROLES,
    PeriodLength,
    ReviewAction,
    ReviewMode,
    ReviewStatus,
)


class ReportingRules(Versioned, CheckedText):
    """A round's rules for reporting. A round without them reviews nothing and never closes."""

    round = models.OneToOneField(
        "pairings.PairingRound",
        verbose_name=_("round"),
        on_delete=models.CASCADE,
        related_name="reporting_rules",
    )
    review_mode = models.CharField(
        _("review"), max_length=3, choices=ReviewMode.choices, default=ReviewMode.OFF
    )
    period_length = models.CharField(
        _("reporting periods"),
        max_length=7,
        choices=PeriodLength.choices,
        default=PeriodLength.QUARTER,
    )
    closes_after_days = models.PositiveSmallIntegerField(
        _("entry closes this many days after a period ends"),
        null=True,
        blank=True,
        help_text=_("Empty: periods never close."),
    )
    freeze_before = models.DateField(
        _("data freeze"),
        null=True,
        blank=True,
        help_text=_("No ledger entry dated before this day, except where an exception allows."),
    )

    class Meta:
        verbose_name = _("reporting rules")
        verbose_name_plural = _("reporting rules")

    def __str__(self) -> str:
        return f"{self.round}"


class ApprovalLevel(models.Model):
    """One level of a round's approval chain, e.g. "the prefecture's recipient team": a record
    is in its scope when the approving team's organization holds the record's donor (donor
    teams) or its place (recipient teams, at the region level given)."""

    round = models.ForeignKey(
        "pairings.PairingRound", on_delete=models.CASCADE, related_name="approval_levels"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    role = models.CharField(_("approved by"), max_length=30, choices=APPROVING_ROLES)
    region_level = models.CharField(
        _("at the level of"),
        max_length=20,
        choices=RegionLevel.choices,
        blank=True,
        help_text=_("For recipient teams: the teams of this level of place (e.g. prefecture)."),
    )

    class Meta:
        ordering = ["round", "position"]
        constraints = [
            models.UniqueConstraint(fields=["round", "position"], name="approval_level_unique")
        ]
        verbose_name = _("approval level")
        verbose_name_plural = _("approval levels")

    def __str__(self) -> str:
        level = f" ({self.get_region_level_display()})" if self.region_level else ""
        return f"{self.position}. {self.get_role_display()}{level}"


UNSETTLED = (ReviewStatus.DRAFT, ReviewStatus.SUBMITTED, ReviewStatus.RETURNED)


class Review(models.Model):
    """Where one record stands in its round's approval chain. A record without a review counts
    as approved (it was entered with review off)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    round = models.ForeignKey(
        "pairings.PairingRound", on_delete=models.CASCADE, related_name="reviews"
    )
    donor = models.ForeignKey(
        "places.Organization", null=True, on_delete=models.CASCADE, related_name="+"
    )
    region = models.ForeignKey(
        "places.Region", null=True, on_delete=models.CASCADE, related_name="+"
    )
    # What the record is called, as a stored message put into words for each reader.
    about = models.JSONField(_("record"))
    link = models.CharField(max_length=300)  # the page where the record is reviewed
    status = models.CharField(
        _("status"), max_length=10, choices=ReviewStatus.choices, db_index=True
    )
    level = models.PositiveSmallIntegerField(_("levels approved"), default=0)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="review_unique")
        ]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return f"{self.title} · {self.get_status_display()}"

    @property
    def title(self) -> str:
        return words(self.about)

    @property
    def kind_name(self) -> str:
        """What kind of record it is ("Ledger entry"), in the reader's language."""
        model = self.content_type.model_class()
        return capfirst(model._meta.verbose_name) if model else self.content_type.model


class ReviewStep(AppendOnly):
    """One step of a record's review history, never changed."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(_("step"), max_length=10, choices=ReviewAction.choices)
    level = models.PositiveSmallIntegerField(_("level"), default=0)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(_("comment"), blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("review step")
        verbose_name_plural = _("review steps")


class PeriodReopening(models.Model):
    """The office lets one organization (or the teams of one place) enter data for a closed
    period again, until an end date."""

    round = models.ForeignKey(
        "pairings.PairingRound", on_delete=models.CASCADE, related_name="reopenings"
    )
    period_start = models.DateField(_("period start"))
    organization = models.ForeignKey(
        "places.Organization",
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    region = models.ForeignKey(
        "places.Region",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    until = models.DateField(_("open until"))
    reason = models.TextField(_("reason"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("period reopening")
        verbose_name_plural = _("period reopenings")

    def __str__(self) -> str:
        whom = self.organization or self.region or _("everyone")
        return f"{self.round} · {self.period_start} · {whom} · {self.until}"


class FreezeException(models.Model):
    """A donor whose ledger entries may still be dated before the round's data freeze."""

    round = models.ForeignKey(
        "pairings.PairingRound", on_delete=models.CASCADE, related_name="freeze_exceptions"
    )
    donor = models.ForeignKey(
        "places.Organization", verbose_name=_("donor"), on_delete=models.CASCADE, related_name="+"
    )
    until = models.DateField(_("until"))
    reason = models.TextField(_("reason"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-granted_at"]
        verbose_name = _("exception to the data freeze")
        verbose_name_plural = _("exceptions to the data freeze")

    def __str__(self) -> str:
        return f"{self.round} · {self.donor} · {self.until}"
