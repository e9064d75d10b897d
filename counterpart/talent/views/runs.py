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
from counterpart.talent.forms import MatchRunForm
from counterpart.talent.models import MatchRunStatus, Post, Professional
from counterpart.talent.selectors.review import (
    WHY,
    previous_run,
    publication_preview,
    run_changes,
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
            "illustrative": illustrative_among(Professional),
        },
    )


LISTS = ("placed", "unplaced", "empty", "split", "changes")


@login_required
def run_detail_view(request, pk: int):
    """A run to review: its figures, then who goes where, who is left out and why, the empty
    places, the couples split and what changed since the run before, each paged, filtered and
    downloadable."""
    actor = request.user
    run = selectors.match_run_get(actor=actor, pk=pk)
    if request.method == "POST":
        _act_on_run(request, actor, run)
        return redirect("talent:run", pk=run.pk)
    review = run_review(run)
    prefectures = sorted(set(review.prefecture_of.values()))
    prefecture = request.GET.get("prefecture", "")
    specialty = request.GET.get("specialty", "")

    def shown(post_id) -> bool:
        post = review.posts.get(post_id)
        return (not prefecture or review.prefecture_of.get(post_id) == prefecture) and (
            not specialty or (post is not None and post.specialty == specialty)
        )

    before = previous_run(run)
    lists = {
        "placed": [row for row in review.placed if shown(row[1])],
        "unplaced": review.unplaced,
        "empty": [row for row in review.empty if not prefecture or row[0] == prefecture],
        "split": review.split,
        "changes": run_changes(run, before) if before else [],
    }
    missing = {post for _p, was, _now in lists["changes"] for post in [was]} - set(review.posts)
    review.posts.update(Post.objects.select_related("institution").in_bulk(list(missing - {None})))
    wanted = request.GET.get("download")
    if wanted:
        tables = {name: _table(name, rows, actor, review) for name, rows in lists.items()}
        tables["choices"] = _choices_table(run)
        file = download(request, tables)
        if file is not None:
            return file
    pages = {name: page_of(request, rows, param=name) for name, rows in lists.items()}
    label = _labels(actor, {name: page.object_list for name, page in pages.items()})
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
            "prefectures": prefectures,
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


# Where each list's rows hold a professional's id.
PEOPLE_AT = {"placed": (0,), "unplaced": (0,), "empty": (), "split": (0, 2), "changes": (0,)}


def _labels(actor, rows_by_list: dict[str, list]) -> dict[int, str]:
    """The names (or applicant numbers) of the professionals in these rows, for this actor."""
    ids = {row[at] for name, rows in rows_by_list.items() for row in rows for at in PEOPLE_AT[name]}
    found = selectors.professional_list(actor=actor).in_bulk(list(ids))
    return {
        pk: selectors.professional_label(actor=actor, professional=professional)
        for pk, professional in found.items()
    }


def _table(name: str, rows: list, actor, review) -> Table:
    label = _labels(actor, {name: rows})

    def post(post_id):
        found = review.posts.get(post_id)
        return f"{found} · {found.institution}" if found else "—"

    if name == "placed":
        columns = [_("Who"), _("Post"), _("Prefecture"), _("Choice")]
        body = [[label.get(p, p), post(q), review.prefecture_of.get(q, "—"), n] for p, q, n in rows]
    elif name == "unplaced":
        columns = [_("Who"), _("Why")]
        body = [[label.get(p, p), str(WHY[why])] for p, why in rows]
    elif name == "empty":
        columns = [_("Prefecture"), _("Specialty"), _("Empty places")]
        body = [list(row) for row in rows]
    elif name == "split":
        columns = [_("Who"), _("Post"), _("Partner"), _("Partner's post")]
        body = [[label.get(a, a), post(pa), label.get(b, b), post(pb)] for a, pa, b, pb in rows]
    else:
        columns = [_("Who"), _("Before"), _("Now")]
        body = [[label.get(p, p), post(q0), post(q1)] for p, q0, q1 in rows]
    return Table(slug=name, title=name, columns=[str(c) for c in columns], rows=body)


def _choices_table(run) -> Table:
    return Table(
        slug="choices",
        title=_("Placed at their n-th choice"),
        columns=[_("Choice"), _("Placed")],
        rows=[[str(n), count] for n, count in selectors.placed_by_choice(run)],
    )
