"""The talent home page, professionals' profiles and their rankings of posts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.accounts.choices import Role
from counterpart.audit.selectors import illustrative_among
from counterpart.core import exports
from counterpart.core.forms import show_service_errors
from counterpart.core.listing import listed
from counterpart.core.pagination import page_of
from counterpart.core.widgets import options_response
from counterpart.talent import exports as talent_exports
from counterpart.talent import selectors, services
from counterpart.talent.choices import PostStatus
from counterpart.talent.filters import ProfessionalFilter
from counterpart.talent.forms import (
    ProfessionalEditForm,
    ProfessionalForm,
    ProfessionalRegisterForm,
)


def talent_home_view(request):
    """What each role does here: the professional's own profile and placements, the teams'
    people and posts, the office's rounds and the terms ending without a successor."""
    actor = request.user
    today = timezone.localdate()
    mine = selectors.professional_of(actor=actor)
    context = {
        "mine": mine,
        "is_professional": selectors.is_professional_user(actor),
        "open_posts": selectors.post_list(actor=actor, status=PostStatus.OPEN).count(),
        "can_run": permissions.is_programme_office(actor),
        "reads_everything": permissions.reads_everything(actor),
        "sends_people": bool(permissions.organizations_in_role(actor, Role.DONOR_TEAM)),
        "receives_people": bool(permissions.organizations_in_role(actor, Role.RECIPIENT_TEAM)),
        "staff_trained": selectors.staff_trained_total(actor=actor),
    }
    if actor.is_authenticated:
        ending = selectors.ending_without_successor(actor=actor, today=today)
        current = selectors.placement_list(actor=actor).filter(withdrawn=False, end_date__gte=today)
        context["ending"] = page_of(request, ending, per_page=20, param="ending")
        context["placements"] = page_of(request, current, param="current")
    if mine is not None:
        context["my_preferences"] = selectors.preference_list(actor=actor, professional=mine)
    return render(request, "talent/home.html", context)


def _profile_fields(form) -> dict:
    data = dict(form.cleaned_data)
    data["languages"] = list(data.get("languages") or [])
    return data


@login_required
def my_profile_view(request):
    """A professional signs up, or edits their profile."""
    actor = request.user
    mine = selectors.professional_of(actor=actor)
    organizations = permissions.organizations_in_role(actor, Role.PROFESSIONAL)
    permissions.require(mine is not None or bool(organizations))
    if mine is None:
        form = ProfessionalForm(request.POST or None, initial={"name": str(actor)})
    else:
        initial = {name: getattr(mine, name) for name in ProfessionalForm.base_fields}
        form = ProfessionalEditForm(
            request.POST or None, initial={**initial, "version": mine.version}
        )
    if request.method == "POST" and form.is_valid():
        data = _profile_fields(form)
        try:
            if mine is None:
                services.professional_register(
                    actor=actor, organization=organizations[0], user=actor, **data
                )
            else:
                version = data.pop("version")
                changes = {k: v for k, v in data.items() if v != getattr(mine, k)}
                services.professional_update(
                    actor=actor, professional=mine, expected_version=version, **changes
                )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Profile saved."))
            return redirect("talent:home")
    return render(
        request,
        "talent/form.html",
        {"form": form, "title": _("My profile") if mine else _("Sign up to serve")},
    )


@login_required
def professional_list_view(request):
    actor = request.user
    permissions.require(
        permissions.reads_everything(actor)
        or bool(permissions.organizations_in_role(actor, Role.DONOR_TEAM))
    )
    professionals = selectors.professional_list(actor=actor).order_by("name")
    page = listed(request, professionals, ProfessionalFilter)
    if exports.wanted(request):
        columns = talent_exports.professionals(actor)
        return exports.export_response(request, page.rows, columns, name="professionals")
    return render(
        request,
        "talent/professionals.html",
        {
            "page": page,
            "illustrative": illustrative_among("talent.professional"),
            "may_register": selectors.sending_organizations(actor=actor).exists(),
        },
    )


@login_required
def professional_register_view(request):
    """A donor team (or the office) registers someone it sends."""
    actor = request.user
    organizations = selectors.sending_organizations(actor=actor)
    permissions.require(organizations.exists())
    form = ProfessionalRegisterForm(request.POST or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        try:
            professional = services.professional_register(actor=actor, **_profile_fields(form))
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Registered."))
            return redirect("talent:professional", pk=professional.pk)
    return render(
        request, "talent/form.html", {"form": form, "title": _("Register a professional")}
    )


@login_required
def professional_detail_view(request, pk: int):
    actor = request.user
    professional = selectors.professional_get(actor=actor, pk=pk)
    return render(
        request,
        "talent/professional.html",
        {
            "professional": professional,
            "preferences": selectors.preference_list(actor=actor, professional=professional),
            "placements": selectors.placement_list(actor=actor).filter(professional=professional),
            "couple": selectors.couple_of(professional),
            "can_manage": permissions.can_manage_professional(actor, professional),
        },
    )


@login_required
def ranking_view(request, pk: int | None = None):
    """Order the posts one would accept: drag them, or move them with the keyboard."""
    actor = request.user
    if pk is None:
        professional = selectors.professional_of(actor=actor)
        if professional is None:
            return redirect("talent:me")
    else:
        professional = selectors.professional_get(actor=actor, pk=pk)
    permissions.require(permissions.can_manage_professional(actor, professional))
    open_posts = selectors.post_list(actor=actor, status=PostStatus.OPEN)
    error = None
    if request.method == "POST":
        ids = [int(v) for v in request.POST.getlist("post") if v.isdigit()]
        chosen = open_posts.in_bulk(ids)
        missing = [pk for pk in ids if pk not in chosen]
        try:
            if missing:
                raise ValidationError({"posts": _("A post you ranked is no longer open.")})
            services.preferences_set(
                actor=actor, professional=professional, posts=[chosen[i] for i in ids]
            )
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            messages.success(request, _("Your ranking is saved."))
            return redirect(request.path)
    ranked = [p.post for p in selectors.preference_list(actor=actor, professional=professional)]
    ranked_ids = {post.pk for post in ranked}
    fitting = open_posts.filter(specialty=professional.specialty).exclude(pk__in=ranked_ids)
    return render(
        request,
        "talent/ranking.html",
        {
            "professional": professional,
            "ranked": ranked,
            "candidates": page_of(request, fitting, per_page=200, param="candidates"),
            "error": error,
        },
    )


def professional_options_view(request):
    """The professionals the reader may see whose name (where they may see it) or number
    matches `q`: options for a mentor's or a trainer's field."""
    actor = request.user
    query = request.GET.get("q", "").strip()[:100]
    found = selectors.professional_list(actor=actor).order_by("name")
    if query.isdigit():
        found = found.filter(pk=int(query))
    elif query:  # by name only among those whose names the reader may see (not an auditor's)
        if not permissions.is_programme_office(actor):
            found = found.filter(permissions.donor_scope_q(actor, "organization__"))
        found = found.filter(name__icontains=query)
    return options_response(
        request, found, lambda p: selectors.professional_label(actor=actor, professional=p)
    )
