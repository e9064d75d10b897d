"""The ledger list as a file."""

from django.utils.translation import gettext_lazy as _

from counterpart.core.exports import Column, major
from counterpart.funding.choices import BASE_CURRENCY

LEDGER = [
    Column(_("Value date"), lambda t: t.value_date),
    Column(_("Type"), lambda t: t.get_kind_display()),
    Column(_("Donor"), lambda t: t.pairing.donor.name),
    Column(_("Recipient place"), lambda t: t.pairing.recipient.name),
    Column(_("Receiving place"), lambda t: t.region.name),
    Column(_("Project"), lambda t: t.project.code if t.project_id else ""),
    Column(_("Sector"), lambda t: t.sector_id or ""),
    Column(_("Amount"), lambda t: major(t.amount_minor, t.currency_id)),
    Column(_("Currency"), lambda t: t.currency_id),
    Column(_("Amount in CNY"), lambda t: major(t.base_amount_minor, BASE_CURRENCY)),
    Column(_("Reference"), lambda t: t.reference),
    Column(_("Description"), lambda t: t.description),
    Column(_("Reverses entry"), lambda t: t.reverses_id),
    Column(_("Recorded"), lambda t: t.recorded_at),
]
