"""Match runs and the placements (terms) they publish, with extensions and monthly load."""

import datetime

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from counterpart.core.models import NamesNoOne, Versioned
from counterpart.talent.choices import ExtensionStatus, MatchRunStatus, Optimal, PlacementStatus
from counterpart.talent.models.people import Post, Professional


class MatchRun(Versioned):
    """One run of the matching: what went in, what came out, and how good it is."""

    optimal = models.CharField(
        _("optimal for"), max_length=10, choices=Optimal.choices, default=Optimal.APPLICANT
    )
    algorithm = models.CharField(_("algorithm"), max_length=100)
    status = models.CharField(
        _("status"), max_length=10, choices=MatchRunStatus.choices, default=MatchRunStatus.PROPOSED
    )
    inputs = models.JSONField(_("inputs"))  # professionals, posts, places, both sides' lists
    result = models.JSONField(_("result"))  # [professional id, post id] pairs
    # what still blocks: [[professional id], [post id]] for a single, two of each for a couple
    blocking = models.JSONField(_("blocking pairs"), default=list, blank=True)
    statistics = models.JSONField(_("statistics"))
    created_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    audit_exclude = (
        "inputs",
        "result",
        "blocking",
    )  # kept here, never changed: the log names the change

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("match run")
        verbose_name_plural = _("match runs")

    def __str__(self) -> str:
        return _("Match run %(number)s") % {"number": self.pk}


class Placement(Versioned):
    """A professional's term at a post; the successor takes over when it ends."""

    professional = models.ForeignKey(
        Professional, on_delete=models.PROTECT, related_name="placements"
    )
    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="placements")
    match_run = models.ForeignKey(
        MatchRun, null=True, blank=True, on_delete=models.PROTECT, related_name="placements"
    )
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))
    withdrawn = models.BooleanField(_("withdrawn"), default=False)
    extended = models.BooleanField(_("extended"), default=False)
    predecessor = models.OneToOneField(
        "self",
        verbose_name=_("takes over from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="successor",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["post", "start_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="placement_in_order"
            ),
        ]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")

    def __str__(self) -> str:
        return f"{self.post} · {self.start_date:%Y-%m-%d}–{self.end_date:%Y-%m-%d}"

    def status_on(self, day: datetime.date) -> str:
        if self.withdrawn:
            return PlacementStatus.WITHDRAWN
        if day < self.start_date:
            return PlacementStatus.PLANNED
        if day > self.end_date:
            return PlacementStatus.COMPLETED
        return PlacementStatus.EXTENDED if self.extended else PlacementStatus.ACTIVE


class Extension(NamesNoOne):
    """A request to stay longer; approved by the receiving team or the programme office."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="extensions")
    new_end_date = models.DateField(_("new end date"))
    reason = models.TextField(_("reason"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ExtensionStatus.choices,
        default=ExtensionStatus.REQUESTED,
    )
    requested_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_on = models.DateField(_("requested on"), default=timezone.localdate)
    decided_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("extension")
        verbose_name_plural = _("extensions")

    def __str__(self) -> str:
        return f"{self.placement_id} → {self.new_end_date:%Y-%m-%d} ({self.status})"


class WorkLoad(NamesNoOne):
    """A month's teaching and clinical load of a placement."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="workloads")
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    teaching_hours = models.PositiveIntegerField(_("teaching hours"), default=0)
    patients_seen = models.PositiveIntegerField(_("patients seen"), default=0)
    operations = models.PositiveIntegerField(_("operations"), default=0)

    class Meta:
        ordering = ["placement", "month"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "month"], name="workload_once"),
        ]
        verbose_name = _("monthly load")
        verbose_name_plural = _("monthly loads")

    def __str__(self) -> str:
        return f"{self.placement_id} {self.month:%Y-%m}"
