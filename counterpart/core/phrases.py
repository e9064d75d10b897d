"""Core's own kinds of stored message (core/said.py)."""

from django.utils.translation import gettext_lazy as _

from counterpart.core.said import define

# Text kept from before messages were stored as data: shown as it was written.
TEXT = define("text", _("%(text)s"))
# A record named as itself, in the reader's language when read.
RECORD = define("record", _("%(record)s"))
