"""How records are reviewed, over which periods, and by whom."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from counterpart.accounts.choices import Role


class ReviewMode(models.TextChoices):
    """AMP's three validation settings."""

    OFF = "off", _("Off: what teams enter counts at once")
    NEW = "new", _("New records: what is entered from now on is approved before it counts")
    ALL = "all", _("All edits: new records and every change to an older one are approved")


class PeriodLength(models.TextChoices):
    QUARTER = "quarter", _("Quarters")
    YEAR = "year", _("Years")


# The roles that approve: an organization's team, or the office.
APPROVING_ROLES = [
    (Role.RECIPIENT_TEAM.value, Role.RECIPIENT_TEAM.label),
    (Role.DONOR_TEAM.value, Role.DONOR_TEAM.label),
    (Role.PROGRAMME_OFFICE.value, Role.PROGRAMME_OFFICE.label),
]


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    APPROVED = "approved", _("Approved")


class ReviewAction(models.TextChoices):
    OPENED = "opened", _("Entered")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned")
    REOPENED = "reopened", _("Reopened for a correction")
