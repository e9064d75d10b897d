"""The ledger's kinds of stored message (core/said.py)."""

from django.utils.translation import gettext_lazy as _

from counterpart.core.said import define

ENTRY = define("funding.entry", _("%(kind)s · %(amount)s · %(date)s · %(donor)s → %(recipient)s"))
