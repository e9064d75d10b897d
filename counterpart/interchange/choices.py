"""Where an import stands, the licences of open data, and how IATI values are mapped."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    CHECKING = "checking", _("Being checked")
    REFUSED = "refused", _("Has problems")
    READY = "ready", _("Checked; ready to import")
    IMPORTING = "importing", _("Being imported")
    IMPORTED = "imported", _("Imported")


class Licence(models.TextChoices):
    CC_BY = "CC-BY-4.0", _("Creative Commons Attribution 4.0")
    CC0 = "CC0-1.0", _("Creative Commons Zero (public domain)")
    ODC_BY = "ODC-By-1.0", _("Open Data Commons Attribution")
    OGL_CN = "other-open", _("Another open licence (named on the page)")


class MappingKind(models.TextChoices):
    ORGANIZATION = "organization", _("Organization")
    PLACE = "place", _("Place")
