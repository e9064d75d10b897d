"""People who serve: kinds of stored message (core/said.py)."""

from django.utils.translation import gettext_lazy as _

from counterpart.core.said import define

POST = define("talent.post", _("%(post)s · %(institution)s"))
