"""Remote care pages: the programme's figures, and consultations and referrals from request to
follow-up at home."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.care import selectors, services
from counterpart.care.choices import ConsultationOutcome, ConsultationStatus
from counterpart.care.exports import CONSULTATIONS, REFERRALS
from counterpart.care.figures import care_tables
from counterpart.care.filters import ConsultationFilter, ReferralFilter
from counterpart.care.forms import (
    CancelForm,
    ConsultationRequestForm,
    FollowUpForm,
    HoldForm,
    ReferForm,
    ScheduleForm,
    TreatForm,
)
from counterpart.core import exports
from counterpart.core.forms import show_service_errors
from counterpart.core.listing import listed
from counterpart.core.tables import download
from counterpart.places import selectors as places


def care_view(request):
    """Figures for everyone; the consultations and referrals of one's own hospitals below."""
    actor = request.user
    figures = selectors.care_figures(actor=actor)
    tables = care_tables(figures)
    csv = download(request, tables)
    if csv is not None:
        return csv
    context = {"figures": figures, "tables": tables}
    if actor.is_authenticated:
        consultations = listed(
            request,
            selectors.consultation_list(actor=actor),
            ConsultationFilter,
            param="consultations",
            prefix="c",
        )
        referrals = listed(
            request,
            selectors.referral_list(actor=actor),
            ReferralFilter,
            param="referrals",
            prefix="r",
        )
        if exports.wanted(request):
            if request.GET.get("list") == "referrals":
                return exports.export_response(request, referrals.rows, REFERRALS, name="referrals")
            return exports.export_response(
                request, consultations.rows, CONSULTATIONS, name="consultations"
            )
        context["consultations"] = consultations
        context["referrals"] = referrals
        context["can_request"] = places.institutions_spoken_for(
            actor=actor, kind="hospital"
        ).exists()
    return render(request, "care/home.html", context)


@login_required
def consultation_request_view(request):
    actor = request.user
    own = places.institutions_spoken_for(actor=actor, kind="hospital")
    permissions.require(own.exists())
    form = ConsultationRequestForm(
        request.POST or None,
        own=own,
        others=places.organization_list(actor=actor, kind="hospital").order_by("name_en"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            consultation = services.consultation_request(actor=actor, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Consultation requested."))
            return redirect("care:consultation", pk=consultation.pk)
    return render(request, "care/form.html", {"form": form, "title": _("Request a consultation")})


def _bound(data, action, name, form_class, **kwargs):
    return form_class(data if action == name else None, auto_id=f"{name}-%s", **kwargs)


@login_required
def consultation_detail_view(request, pk: int):
    actor = request.user
    consultation = selectors.consultation_get(actor=actor, pk=pk)
    consulting = permissions.speaks_for_institution(actor, consultation.consulting_institution)
    requesting = permissions.speaks_for_institution(actor, consultation.requesting_institution)
    action = request.POST.get("action") if request.method == "POST" else None
    initial = {"version": consultation.version}
    forms = {
        "schedule": _bound(request.POST, action, "schedule", ScheduleForm, initial=initial),
        "hold": _bound(request.POST, action, "hold", HoldForm, initial=initial),
        "cancel": _bound(request.POST, action, "cancel", CancelForm, initial=initial),
        "refer": _bound(request.POST, action, "refer", ReferForm),
    }
    if action in forms:
        allowed = {
            "schedule": consulting,
            "hold": consulting,
            "cancel": consulting or requesting,
            "refer": requesting,
        }
        permissions.require(allowed[action])
        form = forms[action]
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                if action == "refer":
                    referral = services.referral_from_consultation(
                        actor=actor, consultation=consultation, **data
                    )
                    messages.success(request, _("Referral recorded."))
                    return redirect("care:referral", pk=referral.pk)
                version = data.pop("version")
                service = {
                    "schedule": services.consultation_schedule,
                    "hold": services.consultation_hold,
                    "cancel": services.consultation_cancel,
                }[action]
                service(actor=actor, consultation=consultation, expected_version=version, **data)
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("care:consultation", pk=consultation.pk)
    is_open = consultation.status not in (ConsultationStatus.HELD, ConsultationStatus.CANCELLED)
    return render(
        request,
        "care/consultation.html",
        {
            "consultation": consultation,
            "forms": forms,
            "consulting": consulting and is_open,
            "cancellable": (consulting or requesting) and is_open,
            "can_refer": requesting
            and consultation.outcome == ConsultationOutcome.REFERRAL
            and not consultation.referrals.exists(),
            "referrals": consultation.referrals.all(),
        },
    )


@login_required
def referral_detail_view(request, pk: int):
    actor = request.user
    referral = selectors.referral_get(actor=actor, pk=pk)
    treating = permissions.speaks_for_institution(actor, referral.to_institution)
    referring = permissions.speaks_for_institution(actor, referral.from_institution)
    action = request.POST.get("action") if request.method == "POST" else None
    treat_initial = {
        "version": referral.version,
        "admitted_on": referral.admitted_on,
        "discharged_on": referral.discharged_on,
        "treatment": referral.treatment,
        "outcome": referral.outcome,
    }
    forms = {
        "treat": _bound(request.POST, action, "treat", TreatForm, initial=treat_initial),
        "follow_up": _bound(
            request.POST, action, "follow_up", FollowUpForm, initial={"version": referral.version}
        ),
    }
    if action in forms:
        permissions.require(treating if action == "treat" else referring)
        form = forms[action]
        if form.is_valid():
            data = dict(form.cleaned_data)
            version = data.pop("version")
            try:
                if action == "treat":
                    services.referral_treat(
                        actor=actor, referral=referral, expected_version=version, **data
                    )
                else:
                    services.referral_follow_up(
                        actor=actor,
                        referral=referral,
                        expected_version=version,
                        follow_up_on=data["follow_up_on"],
                        notes=data["notes"],
                    )
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("care:referral", pk=referral.pk)
    return render(
        request,
        "care/referral.html",
        {
            "referral": referral,
            "forms": forms,
            "treating": treating,
            "referring": referring and referral.discharged_on is not None,
        },
    )
