"""The audit log: kinds of stored message (core/said.py)."""

from django.utils.translation import gettext_lazy as _

from counterpart.core.said import define

# The names of its work on the queue (jobs.selectors.job_name).
define("job:counterpart.audit.jobs.verify_audit_chain", _("Verify the audit chain"))
define("job:counterpart.audit.jobs.sign_checkpoint", _("Sign the audit chain's checkpoint"))
