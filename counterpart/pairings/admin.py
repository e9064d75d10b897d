from django.contrib import admin

from counterpart.core.admin import ReadOnlyAdmin
from counterpart.pairings.models import FiscalRevenue, Pairing, PairingRound, QuotaRule


@admin.register(PairingRound)
class PairingRoundAdmin(ReadOnlyAdmin):
    list_display = ["year", "name_en", "starts_on", "ends_on"]


@admin.register(Pairing)
class PairingAdmin(ReadOnlyAdmin):
    list_display = ["donor", "recipient", "round", "valid_from", "valid_to", "is_published"]
    list_filter = ["round", "is_published", "confidence"]


@admin.register(QuotaRule)
class QuotaRuleAdmin(ReadOnlyAdmin):
    list_display = ["round", "donor", "share_ppm", "first_year", "last_year"]


@admin.register(FiscalRevenue)
class FiscalRevenueAdmin(ReadOnlyAdmin):
    list_display = ["donor", "year", "amount_minor", "currency"]
