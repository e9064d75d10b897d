"""Mentorships and trainings: what the people sent leave behind."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from counterpart.core import exports
from counterpart.core.forms import show_service_errors
from counterpart.core.listing import listed
from counterpart.talent import exports as talent_exports
from counterpart.talent import selectors, services
from counterpart.talent.filters import MentorshipFilter, TrainingFilter
from counterpart.talent.forms import MeetingForm, MentorshipForm, TrainingForm


@login_required
def mentorship_list_view(request):
    actor = request.user
    mentorships = selectors.mentorship_list(actor=actor).order_by("-started_on", "-id")
    mentorships = listed(request, mentorships, MentorshipFilter)
    if exports.wanted(request):
        columns = talent_exports.mentorships(actor)
        return exports.export_response(request, mentorships.rows, columns, name="mentorships")
    institutions = selectors.knowledge_institutions(actor=actor)
    professionals = selectors.professional_list(actor=actor).order_by("name")
    form = MentorshipForm(
        request.POST or None,
        institutions=institutions,
        mentors=professionals,
        label=lambda p: selectors.professional_label(actor=actor, professional=p),
    )
    if request.method == "POST" and form.is_valid():
        try:
            mentorship = services.mentorship_create(actor=actor, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Mentorship recorded."))
            return redirect("talent:mentorship", pk=mentorship.pk)
    return render(
        request,
        "talent/mentorships.html",
        {
            "mentorships": mentorships,
            "form": form,
            "can_record": institutions.exists(),
        },
    )


@login_required
def mentorship_detail_view(request, pk: int):
    actor = request.user
    mentorship = selectors.mentorship_get(actor=actor, pk=pk)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.mentorship_meeting_add(actor=actor, mentorship=mentorship, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Meeting recorded."))
            return redirect("talent:mentorship", pk=mentorship.pk)
    return render(request, "talent/mentorship.html", {"mentorship": mentorship, "form": form})


@login_required
def training_list_view(request):
    actor = request.user
    trainings = selectors.training_list(actor=actor).order_by("-held_on", "-id")
    trainings = listed(request, trainings, TrainingFilter)
    if exports.wanted(request):
        columns = talent_exports.trainings(actor)
        return exports.export_response(request, trainings.rows, columns, name="trainings")
    institutions = selectors.knowledge_institutions(actor=actor)
    professionals = selectors.professional_list(actor=actor).order_by("name")
    form = TrainingForm(
        request.POST or None,
        institutions=institutions,
        trainers=professionals,
        label=lambda p: selectors.professional_label(actor=actor, professional=p),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.training_record(actor=actor, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Training recorded."))
            return redirect("talent:trainings")
    return render(
        request,
        "talent/trainings.html",
        {
            "trainings": trainings,
            "form": form,
            "can_record": institutions.exists(),
            "staff_trained": selectors.staff_trained_total(actor=actor),
        },
    )
