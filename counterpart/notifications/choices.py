"""How a person hears of each kind of notification."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    NOW = "now", _("At once, by e-mail")
    DAILY = "daily", _("In a daily digest")
    OFF = "off", _("Off")
