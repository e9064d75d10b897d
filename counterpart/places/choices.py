"""The levels of places and the kinds of organization."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionLevel(models.TextChoices):
    COUNTRY = "country", _("Country")
    PROVINCE = "province", _("Province-level region")
    PREFECTURE = "prefecture", _("Prefecture or prefecture-level city")
    COUNTY = "county", _("County or county-level city")
    TOWNSHIP = "township", _("Township")
    CORPS = "corps", _("Corps")
    DIVISION = "division", _("Corps division")
    REGIMENT = "regiment", _("Corps regiment")


class OrganizationKind(models.TextChoices):
    PROVINCE = "province", _("Province")
    MUNICIPALITY = "municipality", _("Municipality")
    CITY = "city", _("City")
    LOCAL_GOVERNMENT = "local_government", _("Local government office")
    CENTRAL_AGENCY = "central_agency", _("Central agency")
    STATE_ENTERPRISE = "state_enterprise", _("State enterprise")
    HOSPITAL = "hospital", _("Hospital")
    SCHOOL = "school", _("School")
    UNIVERSITY = "university", _("University")
    COMPANY = "company", _("Company")
    NGO = "ngo", _("Non-governmental organization")
