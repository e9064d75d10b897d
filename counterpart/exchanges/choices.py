"""The kinds of exchange between paired places."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExchangeKind(models.TextChoices):
    SUMMER_CAMP = "summer_camp", _("Summer camp")
    HOME_STAY = "home_stay", _("Home stay")
    SPORTS_CAMP = "sports_camp", _("Sports camp")
    CULTURAL_EXCHANGE = "cultural_exchange", _("Cultural exchange")
    STUDY_VISIT = "study_visit", _("Study visit")
