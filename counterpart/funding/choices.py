"""The ledger's kinds of entry and of rule, and the currency every entry is also kept in."""

from django.db import models
from django.utils.translation import gettext_lazy as _

BASE_CURRENCY = "CNY"  # every entry is also kept in this currency, at the rate of its value date


class RuleKind(models.TextChoices):
    WELLBEING_SHARE = "wellbeing_share", _("Share for people's wellbeing")
    COUNTY_SHARE = "county_share", _("Share spent at county level and below")


class TransactionKind(models.TextChoices):
    """IATI transaction types (the codes are IATI's)."""

    INCOMING_FUNDS = "1", _("Incoming funds")
    COMMITMENT = "2", _("Outgoing commitment")
    DISBURSEMENT = "3", _("Disbursement")
    EXPENDITURE = "4", _("Expenditure")
    PLEDGE = "12", _("Outgoing pledge")
