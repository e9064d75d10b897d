"""The roles a person may hold, and which a team administrator may give."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PROGRAMME_OFFICE = "programme_office", _("Programme office")
    DONOR_TEAM = "donor_team", _("Donor team")
    RECIPIENT_TEAM = "recipient_team", _("Recipient team")
    PROFESSIONAL = "professional", _("Professional")
    AUDITOR = "auditor", _("Auditor")
    TEAM_ADMIN = "team_admin", _("Team administrator")


# What a team administrator may give within its own organization; the office gives any role.
TEAM_GRANTABLE = (Role.DONOR_TEAM, Role.RECIPIENT_TEAM, Role.PROFESSIONAL, Role.TEAM_ADMIN)
