"""The kinds, seniorities, terms and statuses of professionals, posts, runs and placements."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Optimal(models.TextChoices):
    APPLICANT = "applicant", _("Best for the professionals")
    POST = "post", _("Best for the institutions")


class MatchRunStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    PUBLISHED = "published", _("Published")
    DISCARDED = "discarded", _("Discarded")


class PlacementStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    EXTENDED = "extended", _("Extended")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ExtensionStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class Seniority(models.IntegerChoices):
    JUNIOR = 1, _("Junior")
    INTERMEDIATE = 2, _("Intermediate")
    SENIOR = 3, _("Senior (associate chief, associate professor)")
    CHIEF = 4, _("Chief (chief physician, professor)")


class Term(models.IntegerChoices):
    SIX = 6, _("6 months")
    TWELVE = 12, _("1 year")
    EIGHTEEN = 18, _("18 months")
    THIRTY_SIX = 36, _("3 years")


class ProfessionalKind(models.TextChoices):
    OFFICIAL = "official", _("Official")
    PROFESSIONAL = "professional", _("Professional")


class PostStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class LocalRole(models.TextChoices):
    """What a local staff member is, never who: mentorships name roles, not people."""

    YOUNG_TEACHER = "young_teacher", _("Young teacher")
    TEACHER = "teacher", _("Teacher")
    SENIOR_TEACHER = "senior_teacher", _("Senior teacher")
    YOUNG_DOCTOR = "young_doctor", _("Young doctor")
    DOCTOR = "doctor", _("Doctor")
    SENIOR_DOCTOR = "senior_doctor", _("Senior doctor")
    NURSE = "nurse", _("Nurse")
    ENGINEER = "engineer", _("Engineer")
    TECHNICIAN = "technician", _("Technician")
    OFFICIAL = "official", _("Official")
    MANAGER = "manager", _("Manager")
    OTHER_STAFF = "other_staff", _("Other local staff")
