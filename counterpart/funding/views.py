from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.core import exports
from counterpart.core.forms import show_service_errors
from counterpart.core.listing import listed
from counterpart.core.lookups import chosen
from counterpart.core.pagination import page_of
from counterpart.core.tables import download
from counterpart.core.widgets import options_response
from counterpart.engine.money import parse_major, parse_rate
from counterpart.funding import scorecard, selectors, services
from counterpart.funding.choices import TransactionKind
from counterpart.funding.exports import LEDGER
from counterpart.funding.filters import TransactionFilter
from counterpart.funding.forms import (
    ComplianceRuleForm,
    ExchangeRateForm,
    ReceiptForm,
    ReverseForm,
    TransactionForm,
)
from counterpart.pairings import selectors as pairings
from counterpart.places import selectors as places
from counterpart.projects import selectors as projects
from counterpart.reporting import selectors as reporting


@login_required
def transaction_list_view(request):
    actor = request.user
    if not selectors.may_see_entries(actor):
        raise PermissionDenied
    page = listed(request, selectors.transaction_list(actor=actor), TransactionFilter)
    if exports.wanted(request):
        return exports.export_response(request, page.rows, LEDGER, name="ledger")
    return render(
        request,
        "funding/list.html",
        {
            "page": page,
            "can_record": pairings.pairings_run_by(actor=actor).exists(),
        },
    )


def _transaction_form(request, actor) -> TransactionForm:
    """The record form: its projects are those of the pairing chosen (posted, or asked for by a
    "record another" link), else of every pairing the actor records for."""
    recordable = pairings.pairings_run_by(actor=actor)
    asked = chosen(recordable, (request.POST or request.GET).get("pairing"))
    kind = request.GET.get("kind")
    return TransactionForm(
        request.POST or None,
        initial={
            "currency": "CNY",
            "kind": kind if kind in TransactionKind.values else "2",
            "pairing": asked,
        },
        pairings=recordable,
        projects=_projects_of(actor, [asked] if asked else recordable),
        sectors=projects.sector_list(actor=actor),
        currencies=selectors.currency_list(actor=actor),
    )


def _entry_fields(form: TransactionForm) -> dict | None:
    """The form's data as the ledger's fields, or None with the amount's error on the form."""
    data = form.cleaned_data
    try:
        amount_minor = parse_major(data["amount"], data["currency"])
    except ValueError as error:
        form.add_error("amount", str(error))
        return None
    return {
        "kind": data["kind"],
        "pairing": data["pairing"],
        "project": data["project"],
        "amount_minor": amount_minor,
        "currency": data["currency"],
        "value_date": data["value_date"],
        "sector": data["sector"],
        "description": data["description"],
        "reason": data["reason"],
        "reference": data["reference"],
    }


@login_required
def transaction_create_view(request):
    actor = request.user
    form = _transaction_form(request, actor)
    if not form.fields["pairing"].queryset.exists():
        raise PermissionDenied
    if request.method == "POST" and form.is_valid():
        fields = _entry_fields(form)
        if fields is not None:
            try:
                entry = services.transaction_record(actor=actor, **fields)
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("Entry recorded."))
                return redirect(f"{reverse('funding:detail', args=[entry.pk])}?recorded=1")
    return render(request, "funding/form.html", {"form": form})


def _projects_of(actor, pairings):
    return projects.project_list(actor=actor).filter(pairing__in=pairings).order_by("title_en")


@login_required
def transaction_project_options_view(request):
    """htmx: the projects of the pairing just chosen on the record form."""
    actor = request.user
    pairing = chosen(pairings.pairings_run_by(actor=actor), request.GET.get("pairing"))
    rows = _projects_of(actor, [pairing] if pairing else [])
    return options_response(request, rows, str, limit=None, empty=_("No project"))


@login_required
def transaction_preview_view(request):
    """htmx: the effect of the entry being typed on its donor's shares, before it is saved."""
    actor = request.user
    form = _transaction_form(request, actor)
    context = {"form": form, "effects": None}
    if form.is_valid():
        fields = _entry_fields(form)
        if fields is not None:
            try:
                entry, categories = services.transaction_preview(actor=actor, **fields)
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                context["entry"] = entry
                context["effects"] = selectors.effect_of(
                    actor=actor, entry=entry, categories=categories
                )
    return render(request, "funding/_preview.html", context)


@login_required
def transaction_detail_view(request, pk: int):
    actor = request.user
    entry = selectors.transaction_get(actor=actor, pk=pk)
    reverse_form = ReverseForm(request.POST if "reverse" in request.POST else None)
    receipt_form = ReceiptForm(request.POST if "confirm" in request.POST else None)
    if request.method == "POST":
        try:
            if "reverse" in request.POST and reverse_form.is_valid():
                services.transaction_reverse(
                    actor=actor, transaction=entry, reason=reverse_form.cleaned_data["reason"]
                )
                messages.success(request, _("Entry reversed."))
                return redirect("funding:detail", pk=entry.pk)
            if "confirm" in request.POST and receipt_form.is_valid():
                services.receipt_confirm(
                    actor=actor, transaction=entry, **receipt_form.cleaned_data
                )
                messages.success(request, _("Receipt confirmed."))
                return redirect("funding:detail", pk=entry.pk)
        except ValidationError as error:
            show_service_errors(reverse_form if "reverse" in request.POST else receipt_form, error)
    return render(
        request,
        "funding/detail.html",
        {
            "entry": entry,
            "reversal": getattr(entry, "reversal", None) if entry.pk else None,
            "receipt": getattr(entry, "receipt", None),
            "review": reporting.review_of(entry),
            "can_reverse": permissions.can_act_for_donor(actor, entry.pairing.donor),
            "can_confirm": permissions.serves_region(actor, entry.region),
            "reverse_form": reverse_form,
            "receipt_form": receipt_form,
        },
    )


def project_money_view(request, pk: int):
    """A project's money: what it had committed and disbursed, and its entries, page by page.
    The project page loads it into itself (the ledger sits above projects); it is a page too.
    Those who may see the project but not its money (the public) find nothing here."""
    actor = request.user
    project = projects.project_get(actor=actor, pk=pk)
    balance = selectors.project_balance(actor=actor, project=project)
    if balance is None:
        raise Http404
    entries = selectors.transaction_list(actor=actor, project=project)
    return render(
        request,
        "funding/project_money.html",
        {"project": project, "balance": balance, "page": page_of(request, entries)},
    )


@login_required
def settings_view(request):
    """The office keeps the exchange rates and the compliance rules; auditors read them."""
    actor = request.user
    permissions.require(permissions.reads_everything(actor))
    can_manage = permissions.can_manage_programme(actor)
    action = request.POST.get("action") if can_manage else None
    rate_form = ExchangeRateForm(
        request.POST if action == "rate" else None,
        currencies=selectors.currency_list(actor=actor),
        initial={"quote": "CNY"},
    )
    rule_form = ComplianceRuleForm(
        request.POST if action == "rule" else None,
        rounds=pairings.round_list(actor=actor),
        donors=places.organization_list(actor=actor)
        .filter(pk__in=pairings.pairing_list(actor=actor, top_level=True).values("donor"))
        .order_by("name_en"),
    )
    saved = None
    if action == "rate" and rate_form.is_valid():
        data = dict(rate_form.cleaned_data)
        try:
            data["rate_scaled"] = parse_rate(data.pop("rate"))
        except ValueError as error:
            rate_form.add_error("rate", str(error))
        else:
            saved = _save(rate_form, services.exchange_rate_record, actor=actor, **data)
    elif action == "rule" and rule_form.is_valid():
        data = dict(rule_form.cleaned_data)
        data["threshold_ppm"] = int(data.pop("threshold") * 10_000)
        saved = _save(rule_form, services.compliance_rule_create, actor=actor, **data)
    if saved:
        messages.success(request, _("Saved."))
        return redirect("funding:settings")
    return render(
        request,
        "funding/settings.html",
        {
            "rates": page_of(
                request,
                selectors.exchange_rate_list(actor=actor).order_by("base", "-valid_on"),
                param="rates",
            ),
            "rules": page_of(request, selectors.compliance_rule_list(actor=actor), param="rules"),
            "rate_form": rate_form,
            "rule_form": rule_form,
            "can_manage": can_manage,
        },
    )


def _save(form, service, **fields):
    try:
        return service(**fields)
    except ValidationError as error:
        show_service_errors(form, error)
        return None


@login_required
def scorecard_view(request):
    """Donors × quarters of a year: money recorded on time, late, or missing; the office and
    auditors see every donor, a donor team its own."""
    actor = request.user
    rounds = pairings.round_list(actor=actor)
    round_ = chosen(rounds, request.GET.get("round")) or pairings.round_current(actor=actor)
    this_year = timezone.localdate().year
    year = request.GET.get("year", "")
    year = int(year) if year.isdigit() and 1990 <= int(year) <= this_year else this_year
    if round_ is None:
        quarters, rows = [], []
    else:
        quarters, rows = scorecard.donor_scorecard(actor=actor, round=round_, year=year)
    table = scorecard.scorecard_table(quarters, rows, year=year)
    csv = download(request, {table.slug: table})
    if csv is not None:
        return csv
    return render(
        request,
        "funding/scorecard.html",
        {
            "rounds": rounds,
            "round": round_,
            "year": year,
            "years": range(this_year, 2009, -1),
            "quarters": quarters,
            "rows": rows,
            "table": table,
            "marks": scorecard.MARKS,
        },
    )
