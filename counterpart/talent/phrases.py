"""People who serve: kinds of stored message (core/said.py)."""

from django.utils.translation import gettext_lazy as _

from counterpart.core.said import define

POST = define("talent.post", _("%(post)s · %(institution)s"))
REVIEW_RUN = define("talent.review_run", _("Review the run"))

# The names of its work on the queue (jobs.selectors.job_name).
define("job:counterpart.talent.jobs.match_run", _("Run the matching"))
define("job:counterpart.talent.jobs.export_run_list", _("Export a list of a match run"))

# The steps of a match run and of an export of talent lists (jobs.models.Job.step_name).
define("job-step:rank", _("ranking the applicants"))
define("job-step:match", _("matching"))
define("job-step:lists", _("reading the lists"))
define("job-step:file", _("writing the file"))
define("job-step:kept", _("keeping the file"))
