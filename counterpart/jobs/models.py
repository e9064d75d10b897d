from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from counterpart.core.said import said, words
from counterpart.jobs.choices import JobStatus
from counterpart.jobs.progress import step_words


def job_phrase(kind: str) -> str:
    """The stored message naming a kind of work: each app defines one for each of its jobs'
    dotted paths in its phrases module (`define("job:" + path, _("Run the matching"))`)."""
    return f"job:{kind}"


FINISHED = (JobStatus.DONE, JobStatus.FAILED)


class Job(models.Model):
    """Work that runs on the queue, as someone's: what it is, how far it got, what came of it.

    The work itself writes through services, each all-or-nothing: a job that fails or is killed
    leaves nothing half-written, and runs again from the start."""

    kind = models.CharField(_("kind"), max_length=60)
    params = models.JSONField(_("parameters"), default=dict)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    max_attempts = models.PositiveSmallIntegerField(_("attempts allowed"), default=3)
    done = models.PositiveBigIntegerField(default=0)
    total = models.PositiveBigIntegerField(default=0)
    step = models.CharField(_("step"), max_length=200, blank=True)
    result = models.JSONField(_("result"), null=True, blank=True)
    # The address of the request that started it: where the links it mails point (core/site.py).
    origin = models.CharField(max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "heartbeat_at"])]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")

    def __str__(self) -> str:
        return f"{self.name} #{self.pk} ({self.get_status_display()})"

    @property
    def name(self) -> str:
        """What the work is, in the reader's language ("Run the matching")."""
        return words(said(job_phrase(self.kind)))

    @property
    def step_name(self) -> str:
        """The step the work is at, in the reader's language (jobs.progress.step_words)."""
        return step_words(self.step)

    @property
    def percent(self) -> int | None:
        return round(100 * self.done / self.total) if self.total else None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED
