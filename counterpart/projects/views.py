from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.core import exports
from counterpart.core.forms import show_service_errors
from counterpart.core.listing import listed
from counterpart.core.lookups import chosen
from counterpart.core.widgets import options_response
from counterpart.engine.money import format_minor, parse_major
from counterpart.pairings.selectors import pairings_run_by
from counterpart.places import selectors as places
from counterpart.projects import selectors, services
from counterpart.projects.exports import PERIODS, PROJECTS
from counterpart.projects.filters import ProjectFilter
from counterpart.projects.forms import (
    DocumentForm,
    IndicatorForm,
    MilestoneDoneForm,
    MilestoneForm,
    PeriodForm,
    PlaceForm,
    ProjectCreateForm,
    ProjectEditForm,
    ProjectFieldsForm,
    ResultForm,
    SectorSplitForm,
)
from counterpart.reporting import selectors as reporting


def project_list_view(request):
    """The projects the visitor may see, by status and donor."""
    actor = request.user
    page = listed(request, selectors.project_list(actor=actor).order_by("title_en"), ProjectFilter)
    if exports.wanted(request):
        return exports.export_response(request, page.rows, PROJECTS, name="projects")
    return render(
        request,
        "projects/list.html",
        {
            "page": page,
            "can_create": actor.is_authenticated and pairings_run_by(actor=actor).exists(),
        },
    )


def _budget_minor(form) -> int | None:
    """The budget field in minor units, or None with the error on the form."""
    text = form.cleaned_data.get("budget") or "0"
    try:
        return parse_major(text, form.cleaned_data["currency"])
    except ValueError as error:
        form.add_error("budget", str(error))
        return None


def _field_choices(actor, pairing=None, pairings=None) -> dict:
    """The places a project may be in: within the chosen pairing's recipient (or the
    recipients of the pairings the actor runs), never the country or a donor's province."""
    return {"regions": _places_within(actor, [pairing] if pairing else pairings or [])}


def _places_within(actor, chosen_pairings):
    recipients = [pairing.recipient for pairing in chosen_pairings]
    return (
        places.region_list(actor=actor).filter(permissions.subtree_q(recipients)).order_by("path")
    )


@login_required
def project_place_options_view(request):
    """htmx: the places within the recipient of the pairing just chosen on the project form."""
    actor = request.user
    pairing = chosen(pairings_run_by(actor=actor), request.GET.get("pairing"))
    rows = _places_within(actor, [pairing] if pairing else [])
    return options_response(
        request, rows, lambda r: f"{r.name} · {r.get_level_display()}", limit=None
    )


@login_required
def project_create_view(request):
    actor = request.user
    pairings = pairings_run_by(actor=actor)
    permissions.require(pairings.exists())
    asked = chosen(pairings, request.POST.get("pairing"))
    form = ProjectCreateForm(
        request.POST or None,
        pairings=pairings,
        sectors=selectors.sector_list(actor=actor),
        initial={"currency": "CNY"},
        **_field_choices(actor, pairing=asked, pairings=pairings),
    )
    if request.method == "POST" and form.is_valid():
        budget_minor, split = _budget_minor(form), form.sector_split()
        if budget_minor is not None and form.is_valid():
            data = {
                k: v for k, v in form.cleaned_data.items() if k in ProjectFieldsForm.base_fields
            }
            data.pop("budget")
            try:
                project = services.project_create(
                    actor=actor,
                    pairing=form.cleaned_data["pairing"],
                    code=form.cleaned_data["code"],
                    budget_minor=budget_minor,
                    sectors=split or None,
                    **data,
                )
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("Project created."))
                return redirect("projects:detail", pk=project.pk)
    return render(request, "projects/form.html", {"form": form, "title": _("New project")})


@login_required
def project_edit_view(request, pk: int):
    actor = request.user
    project = selectors.project_get(actor=actor, pk=pk)
    permissions.require(permissions.can_act_for_donor(actor, project.pairing.donor))
    initial = {
        name: getattr(project, name)
        for name in ProjectFieldsForm.base_fields
        if name not in {"budget", "region"}
    }
    initial |= {
        "region": project.region_id,
        "budget": format_minor(project.budget_minor, project.currency, symbol=False),
        "version": project.version,
    }
    form = ProjectEditForm(
        request.POST or None, initial=initial, **_field_choices(actor, project.pairing)
    )
    if request.method == "POST" and form.is_valid():
        budget_minor = _budget_minor(form)
        if budget_minor is not None:
            data = dict(form.cleaned_data)
            version = data.pop("version")
            data.pop("budget")
            changes = {k: v for k, v in data.items() if v != getattr(project, k)}
            if budget_minor != project.budget_minor:
                changes["budget_minor"] = budget_minor
            try:
                services.project_update(
                    actor=actor, project=project, expected_version=version, **changes
                )
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("Project saved."))
                return redirect("projects:detail", pk=project.pk)
    return render(
        request,
        "projects/form.html",
        {"form": form, "title": _("Edit project"), "project": project},
    )


# The detail page's forms: the value of the `action` button that sends each.
ACTIONS = (
    "sectors",
    "place",
    "milestone",
    "milestone_done",
    "document",
    "result",
    "indicator",
    "period",
)


def project_detail_view(request, pk: int):
    """A project: its facts, sectors, milestones, documents, money and results; its runners
    change them here, and the recipient team of its place reports actuals. The public sees
    published projects, without their entries."""
    actor = request.user
    project = selectors.project_get(actor=actor, pk=pk)
    can_run = permissions.can_act_for_donor(actor, project.pairing.donor)
    can_report = can_run or permissions.serves_region(actor, project.region)
    action = request.POST.get("action")
    if action not in ACTIONS:
        action = None
    forms = _detail_forms(actor, project, can_run=can_run, action=action, data=request.POST)
    internal = can_report or permissions.reads_everything(actor)
    if action is not None:
        permissions.require(can_run or (action == "period" and can_report))
        done = _act(request, actor, project, action, forms)
        if done:
            return redirect("projects:detail", pk=project.pk)
    if exports.wanted(request):  # the project's result periods, as the page shows them
        periods = selectors.periods_of(project=project, include_unapproved=internal)
        return exports.export_response(request, periods, PERIODS, name=f"results-{project.code}")
    return render(
        request,
        "projects/detail.html",
        {
            "project": project,
            "sectors": project.sectors.select_related("sector"),
            "places": project.places.select_related("region"),
            "milestones": project.milestones.all(),
            "documents": project.documents.all(),
            "budgets": project.budgets.all(),
            "results": selectors.results_of(actor=actor, project=project),
            # The ledger sits above projects: its page fragment shows this project's money.
            "shows_money": can_report or permissions.reads_everything(actor),
            "can_run": can_run,
            "can_report": can_report,
            "internal": internal,
            "review": reporting.review_of(project),
            "forms": forms,
        },
    )


def _offer_to_replace(form, data) -> None:
    """The period is recorded already: show what is there, and let the next save replace it
    (unless someone changes it again meanwhile)."""
    period = selectors.period_of(indicator=data["indicator"], period_start=data["period_start"])
    if period is not None:
        form.data = form.data.copy()
        form.data[form.add_prefix("version")] = period.version
        form.add_error(None, _("Save again to replace what is recorded for this period."))


def _detail_forms(actor, project, *, can_run: bool, action: str | None, data) -> dict:
    """The detail page's forms; the one `action` names is bound to the posted `data`."""

    def posted(name):
        return data if name == action else None

    def ids(name):  # the forms share field names; their ids must still be unique on the page
        return f"{name}-%s"

    split_initial = {}
    for row, share in enumerate(project.sectors.all(), start=1):
        split_initial.update(
            {f"sector_{row}": share.sector_id, f"percentage_{row}": share.percentage}
        )
    indicators = selectors.indicator_list(actor=actor, project=project)
    return {
        "sectors": SectorSplitForm(
            posted("sectors"),
            initial=split_initial,
            sectors=selectors.sector_list(actor=actor),
            auto_id=ids("sectors"),
        ),
        "milestone": MilestoneForm(posted("milestone"), auto_id=ids("milestone")),
        "place": PlaceForm(
            posted("place"),
            regions=places.region_list(actor=actor)
            .filter(path__startswith=project.pairing.recipient.path)
            .exclude(pk=project.region_id)
            .order_by("path"),
            auto_id=ids("place"),
        ),
        "document": DocumentForm(posted("document"), auto_id=ids("document")),
        "result": ResultForm(posted("result"), auto_id=ids("result")),
        "indicator": IndicatorForm(
            posted("indicator"), results=project.results.all(), auto_id=ids("indicator")
        ),
        "period": PeriodForm(
            posted("period"), indicators=indicators, can_set_target=can_run, auto_id=ids("period")
        ),
    }


def _act(request, actor, project, action: str, forms: dict) -> bool:
    """Run one of the detail page's forms; True when it saved."""
    if action == "milestone_done":
        form = MilestoneDoneForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Give the day the milestone was completed."))
            return False
        milestone = get_object_or_404(project.milestones, pk=form.cleaned_data["milestone"])
        try:
            services.milestone_complete(
                actor=actor,
                milestone=milestone,
                expected_version=form.cleaned_data["version"],
                completed_on=form.cleaned_data["completed_on"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return False
        messages.success(request, _("Milestone completed."))
        return True
    form = forms[action]
    if not form.is_valid():
        return False
    data = form.cleaned_data
    try:
        if action == "sectors":
            split = form.sector_split()
            if not form.is_valid():
                return False
            services.project_sectors_set(
                actor=actor, project=project, expected_version=data["version"], sectors=split
            )
        elif action == "milestone":
            services.milestone_add(actor=actor, project=project, **data)
        elif action == "place":
            services.project_place_add(actor=actor, project=project, **data)
        elif action == "document":
            services.document_add(actor=actor, project=project, **data)
        elif action == "result":
            services.result_create(actor=actor, project=project, **data)
        elif action == "indicator":
            services.indicator_create(actor=actor, **data)
        elif action == "period":
            version = data.pop("version")
            services.indicator_period_record(actor=actor, expected_version=version, **data)
    except ValidationError as error:
        show_service_errors(form, error)
        if action == "period" and "version" in error.message_dict:
            _offer_to_replace(form, data)
        return False
    messages.success(request, _("Saved."))
    return True


def sector_options_view(request):
    """The DAC sectors whose code starts with `q` or whose name (in any language) holds it."""
    query = request.GET.get("q", "").strip()[:100]
    found = selectors.sector_list(actor=request.user)
    if query:
        found = found.filter(
            Q(code__startswith=query)
            | Q(name_en__icontains=query)
            | Q(name_zh__icontains=query)
            | Q(name_ug__icontains=query)
        )
    return options_response(request, found, lambda s: f"{s.code} · {s.name}")
