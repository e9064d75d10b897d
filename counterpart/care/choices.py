"""Where a consultation or a referral stands, and how it ended."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsultationStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class ConsultationOutcome(models.TextChoices):
    ADVICE = "advice", _("Advice given")
    REFERRAL = "referral", _("Referral recommended")


class ReferralStatus(models.TextChoices):
    REFERRED = "referred", _("Referred")
    ADMITTED = "admitted", _("Admitted")
    DISCHARGED = "discharged", _("Treated and discharged")
    FOLLOWED_UP = "followed_up", _("Followed up at home")
    CANCELLED = "cancelled", _("Cancelled")


class ReferralOutcome(models.TextChoices):
    RECOVERED = "recovered", _("Recovered")
    IMPROVED = "improved", _("Improved")
    UNCHANGED = "unchanged", _("Unchanged")
    DECEASED = "deceased", _("Deceased")
