from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """What the search box finds, in the order its results are grouped."""

    PROJECT = "project", _("Projects")
    ORGANIZATION = "organization", _("Organizations")
    PLACE = "place", _("Regions")
    PAIRING = "pairing", _("Pairings")
    POST = "post", _("Posts")
    PERSON = "person", _("People")
    DOCUMENT = "document", _("Documents")
