"""Accounts: kinds of stored message (core/said.py)."""

from django.utils.translation import gettext_lazy as _

from counterpart.core.said import define

# The names of its work on the queue (jobs.selectors.job_name).
define("job:counterpart.accounts.jobs.send_invitation", _("Send an invitation"))
define("job:counterpart.accounts.jobs.send_password_reset", _("Send a password reset link"))
