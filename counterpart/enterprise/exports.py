"""Supports, employment reports and sales as files."""

from django.utils.translation import gettext_lazy as _

from counterpart.core.exports import Column, major

SUPPORTS = [
    Column(_("Company"), lambda s: s.company.name),
    Column(_("Donor"), lambda s: s.pairing.donor.name),
    Column(_("Kind of support"), lambda s: s.get_kind_display()),
    Column(_("Started on"), lambda s: s.started_on),
    Column(_("Project"), lambda s: s.project.code if s.project_id else ""),
]

REPORTS = [
    Column(_("Company"), lambda r: r.support.company.name),
    Column(_("Period start"), lambda r: r.period_start),
    Column(_("Period end"), lambda r: r.period_end),
    Column(_("Employees"), lambda r: r.employees),
    Column(_("Of whom formerly poor"), lambda r: r.formerly_poor),
    Column(_("Wages paid"), lambda r: major(r.wages_paid_minor, r.currency)),
    Column(_("Currency"), lambda r: r.currency),
]

SALES = [
    Column(_("Product"), lambda s: s.product),
    Column(_("Donor"), lambda s: s.pairing.donor.name),
    Column(_("Market"), lambda s: s.market_region.name),
    Column(_("Channel"), lambda s: s.get_channel_display()),
    Column(_("Period start"), lambda s: s.period_start),
    Column(_("Period end"), lambda s: s.period_end),
    Column(_("Volume"), lambda s: s.volume),
    Column(_("Unit"), lambda s: s.unit),
    Column(_("Value"), lambda s: major(s.value_minor, s.currency)),
    Column(_("Currency"), lambda s: s.currency),
    Column(_("Value in CNY"), lambda s: major(s.value_cny_minor, "CNY")),
]
