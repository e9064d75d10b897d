"""The pairings list as a file, with the filters on screen."""

from django.utils.translation import gettext_lazy as _

from counterpart.core.exports import Column

PAIRINGS = [
    Column(_("Donor"), lambda p: p.donor.name),
    Column(_("Recipient"), lambda p: p.recipient.name),
    Column(_("Round"), lambda p: p.round.year),
    Column(_("Part of"), lambda p: p.parent.donor.name if p.parent_id else ""),
    Column(_("Valid from"), lambda p: p.valid_from),
    Column(_("Valid to"), lambda p: p.valid_to),
    Column(_("Published"), lambda p: p.is_published),
    Column(_("Confidence"), lambda p: p.get_confidence_display()),
]
