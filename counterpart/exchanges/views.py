"""People to people: exchange events and class-to-class pen pals, with their figures."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.core import exports
from counterpart.core.forms import show_service_errors
from counterpart.core.listing import listed
from counterpart.core.pagination import page_of
from counterpart.core.tables import download
from counterpart.exchanges import selectors, services
from counterpart.exchanges.exports import EVENTS
from counterpart.exchanges.figures import exchange_tables
from counterpart.exchanges.filters import EventFilter
from counterpart.exchanges.forms import (
    ExchangeEventEditForm,
    ExchangeEventForm,
    LettersForm,
    MatchClassesForm,
    SchoolClassForm,
)
from counterpart.pairings.selectors import pairings_worked_on
from counterpart.places import selectors as places
from counterpart.reporting import selectors as reporting
from counterpart.reporting.responses import after_saving


def exchanges_view(request):
    actor = request.user
    figures = selectors.exchange_figures(actor=actor)
    tables = exchange_tables(figures)
    csv = download(request, tables)
    if csv is not None:
        return csv
    context = {"figures": figures, "tables": tables}
    if actor.is_authenticated:
        events = selectors.event_list(actor=actor).order_by("-starts_on", "-id")
        events = listed(request, events, EventFilter)
        if exports.wanted(request):
            return exports.export_response(request, events.rows, EVENTS, name="exchange-events")
        context["events"] = events
        editable = set(pairings_worked_on(actor=actor).values_list("pk", flat=True))
        context["editable"] = editable
        context["can_record"] = bool(editable)
    return render(request, "exchanges/home.html", context)


@login_required
def event_create_view(request):
    actor = request.user
    pairings = pairings_worked_on(actor=actor)
    permissions.require(pairings.exists())
    form = ExchangeEventForm(
        request.POST or None,
        pairings=pairings,
        regions=places.region_list(actor=actor).order_by("name_en"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            event = services.exchange_event_record(actor=actor, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            return after_saving(request, event, done=_("Exchange recorded."), then="exchanges:home")
    return render(request, "exchanges/form.html", {"form": form, "title": _("Record an exchange")})


@login_required
def event_edit_view(request, pk: int):
    actor = request.user
    event = selectors.event_get(actor=actor, pk=pk)
    pairings = pairings_worked_on(actor=actor)
    permissions.require(pairings.filter(pk=event.pairing_id).exists())
    fields = [name for name in ExchangeEventForm.base_fields if name != "pairing"]
    initial = {name: getattr(event, name) for name in fields}
    form = ExchangeEventEditForm(
        request.POST or None,
        initial={**initial, "version": event.version},
        regions=places.region_list(actor=actor).order_by("name_en"),
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        changes = {k: v for k, v in data.items() if v != initial[k]}
        try:
            services.exchange_event_update(
                actor=actor, event=event, expected_version=version, **changes
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Exchange saved."))
            return redirect("exchanges:home")
    return render(
        request,
        "exchanges/form.html",
        {"form": form, "title": _("Edit the exchange"), "review": reporting.review_of(event)},
    )


@login_required
def pen_pals_view(request):
    """Classes of one's schools, their pen pals, and new pen pals proposed by the matching."""
    actor = request.user
    pairings = pairings_worked_on(actor=actor)
    own_schools = places.institutions_spoken_for(actor=actor, kind="school")
    action = request.POST.get("action") if request.method == "POST" else None
    class_form = SchoolClassForm(
        request.POST if action == "class" else None, schools=own_schools, auto_id="class-%s"
    )
    match_form = MatchClassesForm(
        request.POST if action == "match" else request.GET or None,
        pairings=pairings,
        auto_id="match-%s",
    )
    if action == "class" and class_form.is_valid():
        try:
            services.school_class_register(actor=actor, **class_form.cleaned_data)
        except ValidationError as error:
            show_service_errors(class_form, error)
        else:
            messages.success(request, _("Class registered."))
            return redirect("exchanges:pen-pals")
    proposals = []
    if match_form.is_bound and match_form.is_valid():
        pairing = match_form.cleaned_data["pairing"]
        if action == "match":
            made = services.school_partnerships_match(
                actor=actor, pairing=pairing, started_on=match_form.cleaned_data["started_on"]
            )
            messages.success(
                request, _("%(count)s pen-pal partnerships started.") % {"count": len(made)}
            )
            return redirect("exchanges:pen-pals")
        proposals = selectors.proposed_partnerships(pairing=pairing)
    return render(
        request,
        "exchanges/pen_pals.html",
        {
            "classes": page_of(request, selectors.class_list(actor=actor), param="classes"),
            "partnerships": page_of(request, selectors.partnership_list(actor=actor)),
            "class_form": class_form,
            "match_form": match_form,
            "proposals": proposals,
            "can_register": own_schools.exists(),
            "can_match": pairings.exists(),
        },
    )


@login_required
def partnership_view(request, pk: int):
    actor = request.user
    partnership = selectors.partnership_get(actor=actor, pk=pk)
    form = LettersForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.letters_record(actor=actor, partnership=partnership, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Letters counted."))
            return redirect("exchanges:partnership", pk=partnership.pk)
    can_count = permissions.speaks_for_institution(
        actor, partnership.donor_class.school
    ) or permissions.speaks_for_institution(actor, partnership.recipient_class.school)
    return render(
        request,
        "exchanges/partnership.html",
        {"partnership": partnership, "form": form, "can_count": can_count},
    )
