"""The projects list and their result periods as files."""

from django.utils.translation import gettext_lazy as _

from counterpart.core.exports import Column, major

PROJECTS = [
    Column(_("Code"), lambda p: p.code),
    Column(_("Title"), lambda p: p.title),
    Column(_("Donor"), lambda p: p.pairing.donor.name),
    Column(_("Recipient place"), lambda p: p.pairing.recipient.name),
    Column(_("Main place"), lambda p: p.region.name),
    Column(_("Status"), lambda p: p.get_status_display()),
    Column(_("Planned start"), lambda p: p.planned_start),
    Column(_("Planned end"), lambda p: p.planned_end),
    Column(_("Budget"), lambda p: major(p.budget_minor, p.currency)),
    Column(_("Currency"), lambda p: p.currency),
    Column(_("Published"), lambda p: p.is_published),
]

PERIODS = [
    Column(_("Project"), lambda q: q.indicator.result.project.code),
    Column(_("Result"), lambda q: q.indicator.result.title),
    Column(_("Indicator"), lambda q: q.indicator.title),
    Column(_("Standard indicator"), lambda q: q.indicator.get_standard_display()),
    Column(_("Period start"), lambda q: q.period_start),
    Column(_("Period end"), lambda q: q.period_end),
    Column(_("Target"), lambda q: q.target),
    Column(_("Actual"), lambda q: q.actual),
]
