"""Choices several apps share: what a professional or a hospital practises, and the working
languages of a post or a school class."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Specialty(models.TextChoices):
    PAEDIATRICS = "paediatrics", _("Paediatrics")
    OPHTHALMOLOGY = "ophthalmology", _("Ophthalmology")
    CARDIOLOGY = "cardiology", _("Cardiology")
    ORTHOPAEDICS = "orthopaedics", _("Orthopaedics")
    GENERAL_SURGERY = "general_surgery", _("General surgery")
    INTERNAL_MEDICINE = "internal_medicine", _("Internal medicine")
    OBSTETRICS = "obstetrics", _("Obstetrics and gynaecology")
    ANAESTHESIOLOGY = "anaesthesiology", _("Anaesthesiology")
    NURSING = "nursing", _("Nursing")
    HOSPITAL_MANAGEMENT = "hospital_management", _("Hospital management")
    LANGUAGE_TEACHING = "language_teaching", _("Language teaching")
    MATHEMATICS_TEACHING = "mathematics_teaching", _("Mathematics teaching")
    SCIENCE_TEACHING = "science_teaching", _("Science teaching")
    VOCATIONAL_TEACHING = "vocational_teaching", _("Vocational teaching")
    CIVIL_ENGINEERING = "civil_engineering", _("Civil engineering")
    AGRICULTURE = "agriculture", _("Agriculture")
    INFORMATION_TECHNOLOGY = "information_technology", _("Information technology")
    FINANCE = "finance", _("Finance")
    PUBLIC_ADMINISTRATION = "public_administration", _("Public administration")


class Language(models.TextChoices):
    """Working languages (what a post needs), not anyone's origin."""

    MANDARIN = "zh", _("Mandarin Chinese")
    UYGHUR = "ug", _("Uyghur")
    KAZAKH = "kk", _("Kazakh")
    RUSSIAN = "ru", _("Russian")
    ENGLISH = "en", _("English")
