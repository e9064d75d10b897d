"""Match runs: the office runs the matching, reviews what came out, and publishes it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.audit.selectors import illustrative_among
from counterpart.core.pagination import page_of
from counterpart.core.tables import Table, download
from counterpart.jobs.services import job_start
from counterpart.talent import selectors, services
from counterpart.talent.forms import MatchRunForm
from counterpart.talent.models import MatchRunStatus, Professional


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
            "illustrative": illustrative_among(Professional),
        },
    )


@login_required
def run_detail_view(request, pk: int):
    actor = request.user
    run = selectors.match_run_get(actor=actor, pk=pk)
    if request.method == "POST":
        permissions.require(permissions.is_programme_office(actor))
        version = int(request.POST.get("version") or 0)
        try:
            if request.POST.get("action") == "publish":
                placements = services.match_run_publish(
                    actor=actor, run=run, expected_version=version
                )
                messages.success(
                    request, _("Published: %(count)s placements.") % {"count": len(placements)}
                )
            else:
                services.match_run_discard(actor=actor, run=run, expected_version=version)
                messages.success(request, _("The run is discarded."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("talent:run", pk=run.pk)
    choices = Table(
        slug="choices",
        title=_("Placed at their n-th choice"),
        columns=[_("Choice"), _("Placed")],
        rows=[[str(n), count] for n, count in selectors.placed_by_choice(run)],
    )
    csv = download(request, {"choices": choices})
    if csv is not None:
        return csv
    rows = selectors.match_run_rows(actor=actor, run=run, limit=300)
    return render(
        request,
        "talent/run.html",
        {
            "run": run,
            "stats": run.statistics,
            "rows": rows,
            "more": len(run.result) - len(rows),
            "choices": choices,
            "can_publish": permissions.is_programme_office(actor)
            and run.status == MatchRunStatus.PROPOSED,
        },
    )
