"""Import and open data: kinds of stored message (core/said.py)."""

from django.utils.translation import gettext_lazy as _

from counterpart.core.said import define

SEE_CHECK = define("interchange.see_check", _("See the check"))
SEE_IMPORT = define("interchange.see_import", _("See the import"))
SEE_OPEN_DATA = define("interchange.see_open_data", _("See the open data"))

# The names of its work on the queue (jobs.selectors.job_name).
define("job:counterpart.interchange.jobs.publish_open_data", _("Publish the open data"))
define("job:counterpart.interchange.jobs.import_check", _("Check a file to import"))
define("job:counterpart.interchange.jobs.import_apply", _("Import a file"))

# The steps of a check or an import, as its job's page names them (jobs.models.Job.step_name).
define("job-step:read", _("reading the rows"))
define("job-step:rows", _("going through the rows"))
define("job-step:done", _("finished"))
define("job-step:save", _("saving"))

# What reading a file left out, kept on the file as data and put into words for each reader.
TITLE_ROW = define(
    "import.note.title_row",
    _("Row %(rows)s, above the headers, was left out as a title or a note."),
)
TITLE_ROWS = define(
    "import.note.title_rows",
    _("Rows %(rows)s, above the headers, were left out as titles or notes."),
)
TOTALS_ROW = define(
    "import.note.totals_row",
    _("A totals row (%(label)s): left out; the sums are made from the rows."),
)
OTHER_COLUMN = define(
    "import.note.other_column",
    _("Column %(letter)s (%(header)s) is not one this kind reads: left out."),
)
DEAD_LINK = define(
    "import.note.dead_link",
    _("%(id)s: the document at %(url)s is left out: its address does not work."),
)
UNREAD_ELEMENT = define(
    "import.note.unread_element",
    _(
        "%(id)s: its <%(element)s> is not as the IATI Standard says; left out, as the "
        "programme does not keep it."
    ),
)
NEGATIVE_BUDGET = define(
    "import.note.negative_budget",
    _("%(id)s: its budget for %(year)s comes to %(amount)s, below zero; left out."),
)
NEGATIVE_PLANNED = define(
    "import.note.negative_planned",
    _("%(id)s: a planned disbursement of %(amount)s, below zero, is left out."),
)
UNMATCHED_NEGATIVE = define(
    "import.note.unmatched_negative",
    _(
        "%(id)s: a transaction of %(amount)s reverses no entry of its type, amount and "
        "currency here; left out (the ledger corrects only by reversing an entry)."
    ),
)
NO_AMOUNT = define("import.note.no_amount", _("%(id)s: a transaction of no amount is left out."))
