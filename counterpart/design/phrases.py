"""Pairing design: kinds of stored message (core/said.py)."""

from django.utils.translation import gettext_lazy as _

from counterpart.core.said import define

SEE_SCENARIO = define("design.see_scenario", _("See the scenario"))

# The name of its work on the queue (jobs.selectors.job_name), and its step.
define("job:counterpart.design.jobs.solve_scenario", _("Solve a pairing design scenario"))
define("job-step:design", _("solving the design"))
