"""Pairing design's pages: the scenarios, one scenario beside the round as it is (and beside
another), its figures, and a draft round made from it. The office works here; others read
the published scenarios."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.core.forms import show_service_errors
from counterpart.core.pagination import page_of
from counterpart.core.tables import Table, download
from counterpart.design import selectors, services
from counterpart.design.choices import FigureOrigin, ScenarioStatus
from counterpart.design.comparison import Comparison, comparison, support_map
from counterpart.design.forms import DraftRoundForm, FiguresForm, NeedFigureForm, ScenarioForm
from counterpart.design.jobs import SOLVE
from counterpart.design.reading import refusal
from counterpart.engine.design import Infeasible
from counterpart.jobs.services import job_start
from counterpart.pairings import selectors as pairings
from counterpart.places import selectors as places

SEARCH_SECONDS = (10, 60, 300)  # how long the office may let a solve search


def scenarios_view(request):
    actor = request.user
    office = permissions.is_programme_office(actor)
    form = None
    if office:
        form = ScenarioForm(
            request.POST or None,
            rounds=pairings.round_list(actor=actor),
            census_years=selectors.census_years(),
            needs=selectors.need_measures(),
            initial={"census_year": 2010},
        )
        if request.method == "POST" and form.is_valid():
            try:
                scenario = services.scenario_create(actor=actor, **form.cleaned_data)
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                return redirect("design:scenario", pk=scenario.pk)
    elif request.method == "POST":
        permissions.require(False)
    return render(
        request,
        "design/scenarios.html",
        {"page": page_of(request, selectors.scenario_list(actor=actor)), "form": form},
    )


def needs_view(request):
    """The need figures recorded (public), and the office's form to record one."""
    actor = request.user
    form = None
    if permissions.is_programme_office(actor):
        form = NeedFigureForm(request.POST or None, regions=places.region_list(actor=actor))
        if request.method == "POST" and form.is_valid():
            try:
                services.need_figure_record(actor=actor, **form.cleaned_data)
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("The need figure is recorded."))
                return redirect("design:needs")
    elif request.method == "POST":
        permissions.require(False)
    return render(
        request,
        "design/needs.html",
        {"page": page_of(request, selectors.need_figure_list()), "form": form},
    )


def scenario_view(request, pk: int):
    actor = request.user
    scenario = selectors.scenario_get(actor=actor, pk=pk)
    office = permissions.is_programme_office(actor)
    if request.method == "POST":
        permissions.require(office)
        return _act(request, actor, scenario)
    others = selectors.scenario_list(actor=actor).exclude(pk=scenario.pk)
    other = others.filter(pk=_number(request.GET.get("with"))).first()
    compared = comparison(scenario, other)
    side = _number(request.GET.get("map"))
    side = side if 0 <= side < len(compared.sides) else len(compared.sides) - 1
    tables = _tables(compared)
    kept = request.GET.copy()  # what the map's own form keeps of the page's query
    kept.pop("map", None)
    made = download(request, tables)
    if made is not None:
        return made
    return render(
        request,
        "design/scenario.html",
        {
            "scenario": scenario,
            "office": office,
            "compared": compared,
            "rows": page_of(request, compared.rows, param="rows"),
            "donors": page_of(request, compared.donors, param="donors"),
            "chart": tables["support"],
            "map": support_map(compared, side),
            "map_figures": {str(i): s.label for i, s in enumerate(compared.sides)},
            "kept": kept,
            "others": others.filter(status=ScenarioStatus.SOLVED),
            "other": other,
            "refusal": refusal(Infeasible(scenario.refusal["code"], **scenario.refusal["params"]))
            if scenario.refusal
            else "",
            "origins": scenario.origins,
            "names": selectors.names_of(scenario),
            "origin_names": dict(FigureOrigin.choices),
            "draft_form": DraftRoundForm(initial={"version": scenario.version}),
            "query": request.GET.urlencode(),
            "search_seconds": SEARCH_SECONDS,
        },
    )


def _act(request, actor, scenario):
    action, version = request.POST.get("action"), _number(request.POST.get("version"))
    try:
        if action == "solve":
            seconds = _number(request.POST.get("seconds"))
            job = job_start(
                actor=actor,
                kind=SOLVE,
                params={
                    "scenario_id": scenario.pk,
                    "time_limit": seconds if seconds in SEARCH_SECONDS else SEARCH_SECONDS[1],
                },
            )
            messages.success(request, _("The design is solved on the work queue."))
            return redirect("jobs:detail", pk=job.pk)
        if action in ("publish", "unpublish"):
            services.scenario_publish(
                actor=actor,
                scenario=scenario,
                expected_version=version,
                published=action == "publish",
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("design:scenario", pk=scenario.pk)


@login_required
def figures_view(request, pk: int):
    actor = request.user
    scenario = selectors.scenario_get(actor=actor, pk=pk)
    permissions.require(permissions.is_programme_office(actor))
    donors = selectors.donor_candidates()
    names = {o.code: str(o) for o in donors} | selectors.names_of(scenario)
    form = FiguresForm(
        request.POST or None,
        scenario=scenario,
        names=names,
        candidates=[(o.code, str(o)) for o in donors],
        initial={"version": scenario.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.scenario_figures_set(
                actor=actor,
                scenario=scenario,
                expected_version=form.cleaned_data["version"],
                problem=form.changed_problem(),
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("The figures are saved; solve the scenario again."))
            return redirect("design:scenario", pk=scenario.pk)
    return render(request, "design/figures.html", {"scenario": scenario, "form": form})


@login_required
def round_view(request, pk: int):
    """Make a draft round of a solved scenario: its pairings, unpublished, to approve."""
    actor = request.user
    scenario = selectors.scenario_get(actor=actor, pk=pk)
    permissions.require(permissions.is_programme_office(actor))
    form = DraftRoundForm(request.POST or None, initial={"version": scenario.version})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            made = services.scenario_round_draft(
                actor=actor, scenario=scenario, expected_version=data.pop("version"), **data
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The round is drafted: review its pairings and publish each one."),
            )
            return redirect(f"{reverse('pairings:list')}?round={made.pk}")
    return render(request, "design/round.html", {"scenario": scenario, "form": form})


def _number(value) -> int:
    return int(value) if isinstance(value, str) and value.isdigit() and len(value) < 10 else -1


def _tables(compared: Comparison) -> dict[str, Table]:
    """The comparison as tables: support per weighted resident by place (the chart, sorted),
    every recipient's donor under each design, and each donor's load."""
    sides = compared.sides
    support = Table(
        slug="support",
        title=_("Yuan a year per weighted resident"),
        columns=[_("Place"), *[side.label for side in sides]],
        rows=[
            [str(row.place), *[_rounded(cell[1]) for cell in row.cells]] for row in compared.rows
        ],
    )
    recipients = Table(
        slug="recipients",
        title=_("Recipients under each design"),
        columns=[
            _("Place"),
            _("Prefecture"),
            _("Population"),
            _("Need weight"),
            *[f"{side.label}: {label}" for side in sides for label in (_("donor"), _("yuan"))],
        ],
        rows=[
            [
                str(row.place),
                row.group,
                row.population,
                row.weight,
                *[v for donor, value in row.cells for v in (str(donor or "—"), _rounded(value))],
            ]
            for row in compared.rows
        ],
        chart_kind="table",
    )
    donors = Table(
        slug="donors",
        title=_("Each donor's load"),
        columns=[
            _("Donor"),
            _("Capacity (yuan a year)"),
            *[
                f"{side.label}: {label}"
                for side in sides
                for label in (_("recipients"), _("weighted residents"))
            ],
        ],
        rows=[
            [
                str(row.donor),
                round(row.capacity, 2),
                *[v for cell in row.cells for v in (cell[0], round(cell[1]))],
            ]
            for row in compared.donors
        ],
        chart_kind="table",
    )
    return {"support": support, "recipients": recipients, "donors": donors}


def _rounded(value: float | None):
    return None if value is None else round(value, 2)
