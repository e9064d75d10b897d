from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.engine.money import parse_major
from counterpart.funding import selectors, services
from counterpart.funding.forms import ReceiptForm, ReverseForm, TransactionForm
from counterpart.portal.forms import show_service_errors
from counterpart.projects import selectors as projects


@login_required
def transaction_list_view(request):
    actor = request.user
    if not selectors.may_see_entries(actor):
        raise PermissionDenied
    entries = selectors.transaction_list(actor=actor, kind=request.GET.get("kind") or None)
    return render(
        request,
        "funding/list.html",
        {
            "entries": entries[:200],
            "can_record": selectors.recordable_pairings(actor=actor).exists(),
        },
    )


def _transaction_form(request, actor) -> TransactionForm:
    recordable = selectors.recordable_pairings(actor=actor)
    return TransactionForm(
        request.POST or None,
        initial={"currency": "CNY", "kind": "2"},
        pairings=recordable,
        projects=projects.project_list(actor=actor).filter(pairing__in=recordable),
        sectors=selectors.sector_list(actor=actor),
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
                return redirect("funding:detail", pk=entry.pk)
    return render(request, "funding/form.html", {"form": form})


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
            "can_reverse": permissions.can_act_for_donor(actor, entry.pairing.donor),
            "can_confirm": permissions.serves_region(actor, entry.region),
            "reverse_form": reverse_form,
            "receipt_form": receipt_form,
        },
    )
