"""The IATI file as an importable kind: read and applied through `Reader`, with no template
(the standard is its shape) and a mapping step instead."""

from django.utils.translation import gettext_lazy

from counterpart.accounts import permissions
from counterpart.interchange.iati import missing
from counterpart.interchange.iati.parse import parse
from counterpart.interchange.iati.reader import Reader
from counterpart.interchange.kinds.base import Context, Errors
from counterpart.pairings import selectors as pairings


def read(data: bytes, context: Context, errors: Errors, progress) -> dict:
    """Apply the file's activities (each all or nothing; the caller keeps or rolls back the
    whole); returns the summary, with what needs mapping."""
    document = parse(data, errors, context)
    if document is None:
        return {}
    reader = Reader(context, errors)
    activities = document.getroot().findall("iati-activity")
    made = missing.make(reader, activities) if context.create_missing else {}
    for done, activity in enumerate(activities, start=1):
        reader.activity(activity)
        progress(done, len(activities), "activities")
    reader.rate_problems()
    return {
        "created": reader.counts["activities"],
        "activities": len(activities),
        "transactions": reader.counts["transactions"],
        "skipped": sorted(set(reader.skipped)),
        "made": made,
        "notes": context.notes,
        "unmapped": {
            "organization": reader.unmapped.organizations,
            "place": reader.unmapped.places,
        },
    }


class IatiKind:
    """The IATI file as an importable kind: no template, a mapping step instead."""

    slug = "iati"
    title = gettext_lazy("IATI activities")
    description = gettext_lazy(
        "An iati-activities file (versions 2.01 to 2.03), this programme's or another "
        "publisher's: "
        "activities become projects, with their budgets, results and transactions."
    )
    columns: list = []
    row_key: tuple = ()
    keeps_history = True
    creates_missing = True  # the office may have what the file names made from it

    @staticmethod
    def may_import(actor) -> bool:
        """Whoever runs a pairing, and the office (which may map or make what is missing)."""
        return (
            permissions.can_manage_programme(actor)
            or pairings.pairings_run_by(actor=actor).exists()
        )

    def run(self, data: bytes, context: Context, errors: Errors, progress) -> tuple[int, dict]:
        summary = read(data, context, errors, progress)
        return summary.get("activities", 0), summary


IATI = IatiKind()
