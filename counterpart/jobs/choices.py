"""Where a job on the queue stands."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Running")
    RETRYING = "retrying", _("Failed; will try again")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
