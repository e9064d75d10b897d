"""Match runs: the office runs the matching, reviews what came out, and publishes it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.audit.selectors import illustrative_among
from counterpart.core.choices import Specialty
from counterpart.core.pagination import page_of
from counterpart.core.tables import Table, download
from counterpart.jobs.services import job_start
from counterpart.talent import selectors, services
from counterpart.talent.choices import MatchRunStatus
from counterpart.talent.forms import MatchRunForm
from counterpart.talent.selectors.review import (
    COUPLE_OUTCOME,
    EXPORT_ON_QUEUE_ROWS,
    WHY,
    couple_outcomes,
    people_labels,
    previous_run,
    publication_preview,
    review_lists,
    review_table,
    run_review,
)


@login_required
def run_list_view(request):
    actor = request.user
    runs = selectors.match_run_list(actor=actor)
    form = MatchRunForm(request.POST or None)
    if request.method == "POST":
        permissions.require(permissions.is_programme_office(actor))
        if form.is_valid():
            job = job_start(
                actor=actor,
                kind="counterpart.talent.jobs.match_run",
                params={"optimal": form.cleaned_data["optimal"]},
            )
            messages.success(request, _("The matching runs on the work queue."))
            return redirect("jobs:detail", pk=job.pk)
    return render(
        request,
        "talent/runs.html",
        {
            "page": page_of(request, runs),
            "form": form,
            "can_run": permissions.is_programme_office(actor),
            "illustrative": illustrative_among("talent.professional"),
        },
    )


LISTS = ("placed", "unplaced", "empty", "couples", "blocking", "changes")


@login_required
def run_detail_view(request, pk: int):
    """A run to review: its figures, then who goes where, who is left out and why, the empty
    places, each couple's outcome, what still blocks and what changed since the run before,
    each paged, filtered and downloadable."""
    actor = request.user
    run = selectors.match_run_get(actor=actor, pk=pk)
    if request.method == "POST":
        _act_on_run(request, actor, run)
        return redirect("talent:run", pk=run.pk)
    review = run_review(run)
    prefecture = request.GET.get("prefecture", "")
    specialty = request.GET.get("specialty", "")
    before = previous_run(run)
    lists = review_lists(run, review, before=before, prefecture=prefecture, specialty=specialty)
    wanted = request.GET.get("download")
    if wanted in lists or wanted == "choices":
        fmt = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
        if wanted != "choices" and len(lists[wanted]) > EXPORT_ON_QUEUE_ROWS:
            job = job_start(
                actor=actor,
                kind="counterpart.talent.jobs.export_run_list",
                params={
                    "run_id": run.pk,
                    "name": wanted,
                    "file_format": fmt,
                    "prefecture": prefecture,
                    "specialty": specialty,
                },
            )
            messages.success(request, _("The file is made on the work queue."))
            return redirect("jobs:detail", pk=job.pk)
        tables = {"choices": _choices_table(run)}
        if wanted != "choices":
            tables[wanted] = review_table(actor, review, wanted, lists[wanted])
        return download(request, tables)
    pages = {name: page_of(request, rows, param=name) for name, rows in lists.items()}
    label = people_labels(actor, {name: page.object_list for name, page in pages.items()})
    return render(
        request,
        "talent/run.html",
        {
            "run": run,
            "stats": run.statistics,
            "choices": _choices_table(run),
            "pages": pages,
            "label": label,
            "posts": review.posts,
            "prefecture_of": review.prefecture_of,
            "why": WHY,
            "outcome": COUPLE_OUTCOME,
            "outcomes": couple_outcomes(review),
            "prefectures": sorted(set(review.prefecture_of.values())),
            "prefecture": prefecture,
            "specialties": Specialty.choices,
            "specialty": specialty,
            "before": before,
            "before_stats": before.statistics if before else None,
            "query": request.GET.urlencode(),
            "can_publish": permissions.is_programme_office(actor)
            and run.status == MatchRunStatus.PROPOSED,
            "can_withdraw": permissions.is_programme_office(actor)
            and run.status == MatchRunStatus.PUBLISHED,
        },
    )


def _act_on_run(request, actor, run) -> None:
    """Discard a proposed run, or withdraw a published one (with a reason)."""
    permissions.require(permissions.is_programme_office(actor))
    version, action = _version(request), request.POST.get("action")
    try:
        if action == "withdraw":
            services.match_run_withdraw(
                actor=actor,
                run=run,
                expected_version=version,
                reason=request.POST.get("reason", "")[:2000],
            )
            messages.success(request, _("The run is withdrawn: its placements are proposed again."))
        elif action == "discard":
            services.match_run_discard(actor=actor, run=run, expected_version=version)
            messages.success(request, _("The run is discarded."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))


def _version(request) -> int:
    """The run's version the page was made from (-1, never current, when missing or garbled)."""
    version = request.POST.get("version", "")
    return int(version) if version.isdigit() and len(version) < 10 else -1


@login_required
def run_publish_view(request, pk: int):
    """What publishing will do, and the confirmation that does it."""
    actor = request.user
    permissions.require(permissions.is_programme_office(actor))
    run = selectors.match_run_get(actor=actor, pk=pk)
    preview = publication_preview(run)
    if request.method == "POST":
        version = _version(request)
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick the box to confirm the publication."))
        else:
            try:
                placements = services.match_run_publish(
                    actor=actor,
                    run=run,
                    expected_version=version,
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request, _("Published: %(count)s placements.") % {"count": len(placements)}
                )
                return redirect("talent:run", pk=run.pk)
    return render(
        request,
        "talent/run_publish.html",
        {
            "run": run,
            "preview": preview,
            "closing": page_of(request, preview.posts_closing, param="closing"),
        },
    )


def _choices_table(run) -> Table:
    return Table(
        slug="choices",
        title=_("Placed at their n-th choice"),
        columns=[_("Choice"), _("Placed")],
        rows=[[str(n), count] for n, count in selectors.placed_by_choice(run)],
    )
