"""What a page says and where it leads after a record is saved that a round may review."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from counterpart.reporting.choices import ReviewStatus
from counterpart.reporting.selectors import review_of


def after_saving(request, record, *, done: str, then: str, **arguments) -> HttpResponseRedirect:
    """`done` and on to `then`, unless the record waits as a draft: it counts for nothing until
    approved, so the person is led to its review, where it is submitted."""
    review = review_of(record)
    if review is None or review.status != ReviewStatus.DRAFT:
        messages.success(request, done)
        return redirect(then, **arguments)
    messages.success(request, _("Saved as a draft. It counts once approved: submit it for review."))
    return redirect("reporting:review", pk=review.pk)
