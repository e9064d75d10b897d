"""Enterprise and markets: kinds of stored message (core/said.py)."""

from django.utils.translation import gettext_lazy as _

from counterpart.core.said import define

EMPLOYMENT = define("enterprise.employment", _("%(company)s · employment %(start)s–%(end)s"))
SALE = define("enterprise.sale", _("%(product)s · %(market)s · %(month)s"))
