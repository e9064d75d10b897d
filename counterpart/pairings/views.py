import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.audit.changes import readable
from counterpart.audit.selectors import audit_events_for
from counterpart.core import exports
from counterpart.core.forms import show_service_errors
from counterpart.core.lookups import chosen
from counterpart.core.pagination import page_of
from counterpart.engine.money import parse_major
from counterpart.pairings import selectors, services
from counterpart.pairings.exports import PAIRINGS
from counterpart.pairings.forms import (
    FiscalRevenueForm,
    PairingCreateForm,
    PairingEditForm,
    PairingEndForm,
    PairingFieldsForm,
)
from counterpart.places import selectors as places
from counterpart.places.choices import RegionLevel


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def pairing_list_view(request):
    """Every pairing the visitor may see, filtered by round, donor and recipient area."""
    actor = request.user
    rounds = selectors.round_list(actor=actor)
    chosen_round = chosen(rounds, request.GET.get("round"))
    donor = chosen(places.organization_list(actor=actor), request.GET.get("donor"))
    area = chosen(places.region_list(actor=actor), request.GET.get("area"))
    pairings = selectors.pairing_list(actor=actor, round=chosen_round, donor=donor, recipient=area)
    if exports.wanted(request):
        return exports.export_response(request, pairings, PAIRINGS, name="pairings")
    context = {
        "page": page_of(request, pairings),
        "rounds": rounds,
        "donors": places.organization_list(actor=actor)
        .filter(pk__in=selectors.pairing_list(actor=actor, top_level=True).values("donor"))
        .order_by("name_en"),
        "areas": places.region_list(actor=actor)
        .filter(level__in=[RegionLevel.PREFECTURE, RegionLevel.CORPS])
        .order_by("name_en"),
        "filters": {"round": chosen_round, "donor": donor, "area": area},
    }
    template = "pairings/_table.html" if request.headers.get("HX-Request") else "pairings/list.html"
    return render(request, template, context)


def pairing_detail_view(request, pk: int):
    actor = request.user
    pairing = selectors.pairing_get(actor=actor, pk=pk)
    history = page_of(request, audit_events_for(actor=actor, obj=pairing), param="history")
    return render(
        request,
        "pairings/detail.html",
        {
            "pairing": pairing,
            "sub_pairings": selectors.pairing_list(actor=actor).filter(parent=pairing),
            "history": history,
            "rows": readable(history.object_list),
            "can_manage": permissions.can_manage_programme(actor),
            "today": datetime.date.today(),
        },
    )


@login_required
def pairing_create_view(request):
    actor = request.user
    permissions.require(permissions.can_manage_programme(actor))
    form = PairingCreateForm(request.POST or None, actor=actor)
    if request.method == "POST" and form.is_valid():
        try:
            pairing = services.pairing_create(actor=actor, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Pairing created."))
            return redirect("pairings:detail", pk=pairing.pk)
    return render(request, "pairings/form.html", {"form": form, "title": _("New pairing")})


@login_required
def pairing_edit_view(request, pk: int):
    actor = request.user
    pairing = selectors.pairing_get(actor=actor, pk=pk)
    permissions.require(permissions.can_manage_programme(actor))
    initial = {name: getattr(pairing, name) for name in PairingFieldsForm.base_fields}
    initial |= {"version": pairing.version, "reason": ""}
    form = PairingEditForm(request.POST or None, actor=actor, initial=initial)
    form.fields["parent"].queryset = form.fields["parent"].queryset.exclude(pk=pairing.pk)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version, reason = data.pop("version"), data.pop("reason")
        changes = {k: v for k, v in data.items() if v != initial[k]}
        try:
            services.pairing_update(
                actor=actor, pairing=pairing, expected_version=version, reason=reason, **changes
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Pairing saved."))
            return redirect("pairings:detail", pk=pairing.pk)
    return render(
        request,
        "pairings/form.html",
        {
            "form": form,
            "title": _("Edit pairing"),
            "pairing": pairing,
        },
    )


@login_required
def pairing_end_view(request, pk: int):
    actor = request.user
    pairing = selectors.pairing_get(actor=actor, pk=pk)
    permissions.require(permissions.can_manage_programme(actor))
    form = PairingEndForm(
        request.POST or None,
        initial={"version": pairing.version, "valid_to": datetime.date.today()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.pairing_end(
                actor=actor,
                pairing=pairing,
                expected_version=form.cleaned_data["version"],
                valid_to=form.cleaned_data["valid_to"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Pairing ended."))
            return redirect("pairings:detail", pk=pairing.pk)
    return render(
        request,
        "pairings/form.html",
        {
            "form": form,
            "title": _("End pairing"),
            "pairing": pairing,
        },
    )


@login_required
def quota_view(request, pk: int):
    """The round's quota per donor for a year; the office records fiscal revenue here."""
    actor = request.user
    pairing_round = selectors.round_get(actor=actor, pk=pk)
    year = _int_or_none(request.GET.get("year")) or selectors.quota_year_to_show(actor=actor)
    rows = selectors.quota_table(actor=actor, round=pairing_round, year=year)
    form = None
    if permissions.can_manage_programme(actor):
        donors = places.organization_list(actor=actor).filter(pk__in=[r.donor.pk for r in rows])
        form = FiscalRevenueForm(request.POST or None, donors=donors, initial={"year": year - 1})
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                amount_minor = parse_major(data["amount"], "CNY")
            except ValueError as error:
                form.add_error("amount", str(error))
            else:
                try:
                    services.fiscal_revenue_record(
                        actor=actor,
                        donor=data["donor"],
                        year=data["year"],
                        amount_minor=amount_minor,
                        source=data["source"],
                    )
                except ValidationError as error:
                    show_service_errors(form, error)
                else:
                    messages.success(request, _("Revenue recorded."))
                    return redirect(f"{request.path}?year={data['year'] + 1}")
    return render(
        request,
        "pairings/quota.html",
        {
            "round": pairing_round,
            "year": year,
            "rows": rows,
            "form": form,
            "rules": selectors.quota_rule_list(actor=actor, round=pairing_round)
            if permissions.reads_everything(actor)
            else [],
            "years": range(pairing_round.starts_on.year, datetime.date.today().year + 1),
        },
    )
