"""Where a scenario stands, and where each of its figures came from."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScenarioStatus(models.TextChoices):
    DRAFT = "draft", _("Not solved yet")
    SOLVED = "solved", _("Solved")
    FAILED = "failed", _("Cannot be solved")


class FigureOrigin(models.TextChoices):
    """Where a capacity or a population of a scenario came from."""

    REVENUE = "revenue", _("fiscal revenue × quota share")
    CENSUS = "census", _("census")
    ESTIMATE = "estimate", _("estimate: an equal share of its prefecture's census count")
    ENTERED = "entered", _("entered by the office")
    MISSING = "missing", _("no figure recorded")
