"""The categories, statuses and results of projects, and how results are measured."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    """What the programme counts a sector as. The first seven are people's wellbeing."""

    HEALTH = "health", _("Health")
    EDUCATION = "education", _("Education")
    EMPLOYMENT = "employment", _("Employment")
    HOUSING = "housing", _("Housing")
    ROADS = "roads", _("Roads")
    WATER = "water", _("Water")
    SOCIAL_PROTECTION = "social_protection", _("Social protection")
    INDUSTRY = "industry", _("Industry")
    INFRASTRUCTURE = "infrastructure", _("Infrastructure")
    GOVERNANCE = "governance", _("Governance")
    OTHER = "other", _("Other")


class ActivityStatus(models.TextChoices):
    """IATI activity status (the codes are IATI's)."""

    PIPELINE = "1", _("Pipeline")
    IMPLEMENTATION = "2", _("Implementation")
    FINALISATION = "3", _("Finalisation")
    CLOSED = "4", _("Closed")
    CANCELLED = "5", _("Cancelled")
    SUSPENDED = "6", _("Suspended")


class ResultKind(models.TextChoices):
    """IATI result types."""

    OUTPUT = "1", _("Output")
    OUTCOME = "2", _("Outcome")
    IMPACT = "3", _("Impact")


class Standard(models.TextChoices):
    """Indicators every project reports the same way, so that they add up across the programme."""

    OUT_OF_POVERTY = "out_of_poverty", _("People lifted out of poverty")
    JOBS = "jobs", _("Jobs created")
    JOBS_FORMERLY_POOR = "jobs_formerly_poor", _("Jobs created, of which for formerly poor people")
    HOSPITAL_BEDS = "hospital_beds", _("Hospital beds")
    STUDENTS = "students", _("Students served")
    STAFF_TRAINED = "staff_trained", _("Local staff trained")


class Measure(models.TextChoices):
    """IATI indicator measures."""

    UNIT = "1", _("Unit")
    PERCENTAGE = "2", _("Percentage")
