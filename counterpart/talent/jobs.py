"""Talent's work on the queue."""

from django.urls import reverse

from counterpart.accounts.services import system_actor
from counterpart.core.said import said
from counterpart.jobs.services import job_file_keep
from counterpart.talent import selectors, services
from counterpart.talent.phrases import REVIEW_RUN
from counterpart.talent.selectors import review


def match_run(*, actor, progress, optimal: str) -> dict:
    """Run the matching (as `services.match_run_create`), reporting how far it got; started
    from the command line (no actor), it runs as the system."""
    run = services.match_run_create(
        actor=actor if actor is not None else system_actor(),
        optimal=optimal,
        progress=lambda step, done, total: progress(done, total, step),
    )
    return {
        "run": run.pk,
        "url": reverse("talent:run", args=[run.pk]),
        "label": said(REVIEW_RUN),
    }


def export_run_list(
    *,
    actor,
    progress,
    run_id: int,
    name: str,
    file_format: str = "csv",
    prefecture: str = "",
    specialty: str = "",
) -> dict:
    """One of a run's review lists as a file (too long to make within a page's request)."""
    run = selectors.match_run_get(actor=actor, pk=run_id)
    found = review.run_review(run)
    lists = review.review_lists(
        run, found, before=review.previous_run(run), prefecture=prefecture, specialty=specialty
    )
    progress(1, 3, "lists")
    table = review.review_table(actor, found, name, lists[name])
    progress(2, 3, "file")
    made = table.xlsx_response() if file_format == "xlsx" else table.csv_response()
    progress(3, 3, "kept")
    return job_file_keep(
        content=made.content,
        filename=f"run-{run.pk}-{name}.{file_format}",
        content_type=made["Content-Type"],
    )
