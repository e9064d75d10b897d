"""Projects' kinds of stored message (core/said.py)."""

from django.utils.translation import gettext_lazy as _

from counterpart.core.said import define

PERIOD = define("projects.period", _("%(project)s · %(indicator)s · %(start)s–%(end)s"))
