"""People and their access: who has an account, in which organizations and roles; invitations;
suspension. For the office, and for a team administrator within its own organization."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from counterpart.accounts import permissions, selectors, services
from counterpart.core.forms import show_service_errors
from counterpart.core.listing import listed
from counterpart.core.pagination import page_of
from counterpart.people import selectors as people
from counterpart.people.filters import PeopleFilter
from counterpart.people.forms import InvitationForm, ReasonForm, StaffingForm

STATUSES = {"active": True, "suspended": False}


@login_required
def people_view(request):
    actor = request.user
    permissions.require(permissions.administers_people(actor))
    return render(
        request,
        "people/list.html",
        {
            "page": listed(request, selectors.user_list(actor=actor), PeopleFilter),
            "invitations": page_of(
                request, selectors.invitation_list(actor=actor, pending=True), param="invited"
            ),
        },
    )


@login_required
def invite_view(request):
    actor = request.user
    permissions.require(permissions.administers_people(actor))
    form = InvitationForm(
        request.POST or None,
        actor=actor,
        organizations=people.organizations_to_staff(actor=actor),
        initial={"language": translation.get_language()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(actor=actor, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("people:list")
    return render(request, "people/invite.html", {"form": form})


@login_required
def person_view(request, pk: int):
    actor = request.user
    person = get_object_or_404(selectors.user_list(actor=actor), pk=pk)
    organizations = people.organizations_to_staff(actor=actor)
    form = StaffingForm(request.POST or None, actor=actor, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_grant(actor=actor, user=person, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Role given."))
            return redirect("people:person", pk=person.pk)
    return render(
        request,
        "people/person.html",
        {
            "person": person,
            "memberships": person.memberships.all(),
            "form": form,
            "reason_form": ReasonForm(),
            "can_suspend": permissions.can_suspend(actor, person) and person.pk != actor.pk,
            "invitations": selectors.invitation_list(actor=actor).filter(email=person.email)
            if person.email
            else [],
        },
    )


@login_required
@require_POST
def membership_revoke_view(request, pk: int):
    actor = request.user
    membership = selectors.membership_get(actor=actor, pk=pk)
    services.membership_revoke(actor=actor, membership=membership)
    messages.success(request, _("Role taken away."))
    if selectors.user_list(actor=actor).filter(pk=membership.user_id).exists():
        return redirect("people:person", pk=membership.user_id)
    return redirect("people:list")  # no role left that the actor administers


@login_required
@require_POST
def suspension_view(request, pk: int):
    """Suspend an active person, or reactivate a suspended one, with a reason."""
    actor = request.user
    person = get_object_or_404(selectors.user_list(actor=actor), pk=pk)
    form = ReasonForm(request.POST)
    change = services.user_suspend if person.is_active else services.user_reactivate
    try:
        if not form.is_valid():
            raise ValidationError({"reason": form.errors["reason"]})
        change(actor=actor, user=person, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Suspended: signed out everywhere, tokens revoked.")
            if not person.is_active
            else _("Reactivated."),
        )
    return redirect("people:person", pk=person.pk)


@login_required
@require_POST
def invitation_action_view(request, pk: int, action: str):
    """Send an invitation again (with a new link) or withdraw it."""
    actor = request.user
    invitation = get_object_or_404(selectors.invitation_list(actor=actor), pk=pk)
    act = {"resend": services.invitation_resend, "withdraw": services.invitation_withdraw}
    try:
        act[action](actor=actor, invitation=invitation)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("Sent again.") if action == "resend" else _("Invitation withdrawn.")
        )
    return redirect("people:list")
