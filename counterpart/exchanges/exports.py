"""Exchange events as a file: participants counted by side and age band."""

from django.utils.translation import gettext_lazy as _

from counterpart.core.exports import Column

EVENTS = [
    Column(_("Title"), lambda e: e.title),
    Column(_("Kind"), lambda e: e.get_kind_display()),
    Column(_("Donor"), lambda e: e.pairing.donor.name),
    Column(_("Host place"), lambda e: e.host_region.name),
    Column(_("Visitors' place"), lambda e: e.visiting_region.name),
    Column(_("Starts on"), lambda e: e.starts_on),
    Column(_("Ends on"), lambda e: e.ends_on),
    Column(_("Host side, under 12"), lambda e: e.host_children),
    Column(_("Host side, 12 to 17"), lambda e: e.host_teenagers),
    Column(_("Host side, 18 and over"), lambda e: e.host_adults),
    Column(_("Visitors, under 12"), lambda e: e.visiting_children),
    Column(_("Visitors, 12 to 17"), lambda e: e.visiting_teenagers),
    Column(_("Visitors, 18 and over"), lambda e: e.visiting_adults),
]
