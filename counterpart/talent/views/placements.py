"""Placements: terms, extensions, withdrawal, monthly load, and an institution's timeline."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.core import exports
from counterpart.core.forms import show_service_errors
from counterpart.core.listing import listed
from counterpart.core.pagination import page_of
from counterpart.places import selectors as places
from counterpart.talent import exports as talent_exports
from counterpart.talent import selectors, services
from counterpart.talent.filters import PlacementFilter
from counterpart.talent.forms import (
    ExtensionDecisionForm,
    ExtensionRequestForm,
    WithdrawForm,
    WorkLoadForm,
)

EPOCH = datetime.date(1970, 1, 1)


@login_required
def placement_list_view(request):
    actor = request.user
    today = timezone.localdate()
    placements = selectors.placement_list(actor=actor).order_by("-start_date")
    page = listed(request, placements, PlacementFilter)
    if exports.wanted(request):
        columns = talent_exports.placements(actor)
        return exports.export_response(request, page.rows, columns, name="placements")
    ending = selectors.ending_without_successor(actor=actor, today=today)
    return render(
        request,
        "talent/placements.html",
        {
            "page": page,
            "placements": page.object_list,
            "ending": page_of(request, ending, per_page=20, param="ending"),
            "today": today,
        },
    )


def _forms(data, action, placement):
    def bound(name):
        return data if action == name else None

    return {
        "extension": ExtensionRequestForm(bound("extension"), auto_id="extension-%s"),
        "workload": WorkLoadForm(bound("workload"), auto_id="workload-%s"),
        "withdraw": WithdrawForm(
            bound("withdraw"), initial={"version": placement.version}, auto_id="withdraw-%s"
        ),
    }


@login_required
def placement_detail_view(request, pk: int):
    actor = request.user
    placement = selectors.placement_get(actor=actor, pk=pk)
    for_professional = permissions.can_manage_professional(actor, placement.professional)
    for_post = permissions.can_manage_post(actor, placement.post.institution)
    today = timezone.localdate()
    action = request.POST.get("action") if request.method == "POST" else None
    forms = _forms(request.POST, action, placement)
    if action:
        done = _act(request, actor, placement, action, forms, for_professional, for_post)
        if done:
            return redirect("talent:placement", pk=placement.pk)
    return render(
        request,
        "talent/placement.html",
        {
            "placement": placement,
            "status": placement.status_on(today),
            "may_withdraw": (for_professional or for_post)
            and not placement.withdrawn
            and placement.end_date >= today,
            "successor": selectors.placement_list(actor=actor)
            .filter(predecessor=placement)
            .first(),
            "extensions": selectors.extension_list(actor=actor, placement=placement),
            "workloads": placement.workloads.all(),
            "forms": forms,
            "for_professional": for_professional,
            "for_post": for_post,
        },
    )


def _act(request, actor, placement, action, forms, for_professional, for_post) -> bool:
    if action in ("approve", "refuse"):
        permissions.require(for_post)
        decision = ExtensionDecisionForm(request.POST)
        if decision.is_valid():
            extension = get_object_or_404(
                placement.extensions, pk=decision.cleaned_data["extension"]
            )
            try:
                services.extension_decide(
                    actor=actor,
                    extension=extension,
                    approve=action == "approve",
                    note=decision.cleaned_data["note"],
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return False
            messages.success(request, _("Decided."))
            return True
        return False
    form = forms.get(action)
    if form is None:
        return False
    permissions.require(for_professional or (action == "withdraw" and for_post))
    if not form.is_valid():
        return False
    data = form.cleaned_data
    try:
        if action == "extension":
            services.extension_request(actor=actor, placement=placement, **data)
        elif action == "workload":
            services.workload_record(actor=actor, placement=placement, **data)
        else:
            services.placement_withdraw(
                actor=actor,
                placement=placement,
                expected_version=data["version"],
                reason=data["reason"],
            )
    except ValidationError as error:
        show_service_errors(form, error)
        return False
    messages.success(request, _("Saved."))
    return True


def _days(day: datetime.date) -> int:
    return (day - EPOCH).days


def _bar(actor, placement, row: int) -> dict:
    """A term as a floating bar of the timeline chart (days since 1970 on the x axis)."""
    who = selectors.professional_label(actor=actor, professional=placement.professional)
    return {
        "row": row,
        "start": _days(placement.start_date),
        "end": _days(placement.end_date) + 1,
        "label": f"{who}: {placement.start_date:%Y-%m-%d} – {placement.end_date:%Y-%m-%d}",
        "extended": placement.extended,
    }


@login_required
def timeline_view(request, pk: int):
    """The terms served at an institution, post by post, as a chart and as a table."""
    actor = request.user
    institution = places.organization_get(actor=actor, pk=pk)
    placements = list(
        selectors.placement_list(actor=actor, institution=institution)
        .filter(withdrawn=False)
        .order_by("post__title_en", "start_date")
    )
    labels = sorted({p.post.title for p in placements})
    rows = {label: n for n, label in enumerate(labels)}
    chart = {
        "labels": labels,
        "bars": [_bar(actor, p, rows[p.post.title]) for p in placements],
        "today": _days(timezone.localdate()),
    }
    return render(
        request,
        "talent/timeline.html",
        {"institution": institution, "placements": placements, "chart": chart},
    )
