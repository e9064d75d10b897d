"""Exchanges' kinds of stored message (core/said.py)."""

from django.utils.translation import gettext_lazy as _

from counterpart.core.said import define

EVENT = define("exchanges.event", _("%(event)s · %(date)s"))
