"""Notifications: kinds of stored message (core/said.py)."""

from django.utils.translation import gettext_lazy as _

from counterpart.core.said import define

# The names of its work on the queue (jobs.selectors.job_name).
define("job:counterpart.notifications.jobs.send_notification", _("E-mail a notification"))
define("job:counterpart.notifications.jobs.send_digests", _("E-mail the daily digests"))
