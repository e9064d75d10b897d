"""The kinds of support to an enterprise, and where its goods are sold."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SupportKind(models.TextChoices):
    CAPITAL = "capital", _("Capital")
    TECHNICAL = "technical", _("Technical")
    MARKET_ACCESS = "market_access", _("Market access")


class SalesChannel(models.TextChoices):
    LIVESTREAM = "livestream", _("Livestream")
    E_COMMERCE = "e_commerce", _("E-commerce")
    TRADE_FAIR = "trade_fair", _("Trade fair")
    RETAIL = "retail", _("Shops and supermarkets")
    PROCUREMENT = "procurement", _("Canteens and public procurement")
