"""Writes for placements: hand placement, withdrawal, extensions that re-plan the chain, and
the monthly teaching and clinical load."""

import datetime

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.accounts import selectors as accounts
from counterpart.accounts.choices import Role
from counterpart.audit.services import audit_record, tracked_update
from counterpart.audit.snapshot import snapshot
from counterpart.core.rules import counts_not_negative
from counterpart.core.service import service
from counterpart.engine.terms import term_end
from counterpart.notifications.services import notify
from counterpart.talent.choices import ExtensionStatus
from counterpart.talent.models import Extension, Placement, WorkLoad
from counterpart.talent.services._chains import save_in_chains

ONE_DAY = datetime.timedelta(days=1)
MAX_EXTENSION_MONTHS = 36


def _may_change(actor, placement: Placement) -> bool:
    return permissions.can_manage_professional(
        actor, placement.professional
    ) or permissions.can_manage_post(actor, placement.post.institution)


@service
def placement_create(
    *, actor, professional, post, start_date: datetime.date, end_date: datetime.date | None = None
) -> Placement:
    """A placement made by hand by the office (outside a match run)."""
    permissions.require(permissions.is_programme_office(actor))
    placement = Placement(
        professional=professional,
        post=post,
        start_date=start_date,
        end_date=end_date or term_end(start_date, post.term_months),
    )
    placement.full_clean()
    overlapping = Placement.objects.filter(
        professional=professional,
        withdrawn=False,
        start_date__lte=placement.end_date,
        end_date__gte=placement.start_date,
    )
    if overlapping.exists():
        raise ValidationError({"start_date": _("The professional serves elsewhere at that time.")})
    (placement,) = save_in_chains([placement])
    audit_record(
        actor=actor, event_type="placement.created", obj=placement, after=snapshot(placement)
    )
    return placement


@service
def placement_withdraw(
    *, actor, placement: Placement, expected_version: int, reason: str
) -> Placement:
    permissions.require(_may_change(actor, placement))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the placement is withdrawn.")})
    _refuse_history(placement, field="placement")
    successor = Placement.objects.filter(predecessor=placement).first()
    withdrawn = tracked_update(
        actor=actor,
        instance=placement,
        expected_version=expected_version,
        changes={"withdrawn": True, "predecessor": None},
        allowed={"withdrawn", "predecessor"},
        event_type="placement.withdrawn",
        reason=reason,
    )
    if successor is not None:  # whoever was to follow now follows the one before
        tracked_update(
            actor=actor,
            instance=successor,
            expected_version=successor.version,
            changes={"predecessor_id": placement.predecessor_id},
            allowed={"predecessor_id"},
            event_type="placement.relinked",
            reason=reason,
        )
    return withdrawn


def _refuse_history(placement: Placement, *, field: str, on: datetime.date | None = None) -> None:
    """A term that has ended is history: it is neither withdrawn nor extended."""
    day = on or timezone.localdate()
    if placement.end_date < day:
        raise ValidationError(
            {
                field: _(
                    "This term ended on %(end)s: it is history and cannot be changed any more."
                )
                % {"end": date_format(placement.end_date)}
            }
        )


@service
def extension_request(
    *,
    actor,
    placement: Placement,
    new_end_date: datetime.date,
    reason: str,
    requested_on: datetime.date | None = None,
) -> Extension:
    """The professional (or their donor team) asks to stay until `new_end_date`, before the term
    ends (`requested_on`: today, unless it is recorded later). At most MAX_EXTENSION_MONTHS
    more."""
    permissions.require(permissions.can_manage_professional(actor, placement.professional))
    today = timezone.localdate()
    asked = requested_on or today
    if asked > today:
        raise ValidationError({"requested_on": _("A request cannot be dated in the future.")})
    _refuse_history(placement, field="placement", on=asked)
    errors = {}
    if placement.withdrawn:
        errors["placement"] = _("This placement was withdrawn.")
    if new_end_date <= placement.end_date:
        errors["new_end_date"] = _("The new end date is after the current one (%(end)s).") % {
            "end": date_format(placement.end_date)
        }
    elif new_end_date > term_end(placement.end_date + ONE_DAY, MAX_EXTENSION_MONTHS):
        errors["new_end_date"] = _("A term is extended by %(months)s months at the most.") % {
            "months": MAX_EXTENSION_MONTHS
        }
    if not reason.strip():
        errors["reason"] = _("Say why the term should be extended.")
    if placement.extensions.filter(status=ExtensionStatus.REQUESTED).exists():
        errors["placement"] = _("An extension is already waiting for a decision.")
    if errors:
        raise ValidationError(errors)
    extension = Extension(
        placement=placement,
        new_end_date=new_end_date,
        reason=reason,
        requested_by=actor if getattr(actor, "pk", None) else None,
    )
    extension.requested_on = asked
    extension.full_clean()
    extension.save()
    audit_record(
        actor=actor, event_type="extension.requested", obj=placement, after=snapshot(extension)
    )
    notify(
        users=accounts.members(role=Role.RECIPIENT_TEAM, serving=placement.post.institution.region),
        kind="extension_requested",
        values={
            "professional": placement.professional,
            "post": placement.post,
            "date": new_end_date,
        },
        link=reverse("talent:placement", args=[placement.pk]),
    )
    return extension


@service
def extension_decide(
    *,
    actor,
    extension: Extension,
    approve: bool,
    note: str = "",
    decided_on: datetime.date | None = None,
) -> Extension:
    """The receiving team or the office approves or refuses, while the term runs; an approval
    moves the end date and moves later placements of the post that have not begun so that no
    two terms collide."""
    placement = Placement.objects.select_for_update().get(pk=extension.placement_id)
    permissions.require(permissions.can_manage_post(actor, placement.post.institution))
    extension = Extension.objects.select_for_update().get(pk=extension.pk)
    if extension.status != ExtensionStatus.REQUESTED:
        raise ValidationError({"status": _("This request was decided already.")})
    today = timezone.localdate()
    decided = decided_on or today
    if decided > today or decided < extension.requested_on:
        raise ValidationError(
            {"decided_on": _("A decision comes after the request, and not later than today.")}
        )
    _refuse_history(placement, field="placement", on=decided)
    extension.status = ExtensionStatus.APPROVED if approve else ExtensionStatus.REFUSED
    extension.decided_by = actor if getattr(actor, "pk", None) else None
    extension.decided_at = (
        timezone.make_aware(datetime.datetime.combine(decided, datetime.time(12)))
        if decided_on
        else timezone.now()
    )
    extension.save()
    audit_record(
        actor=actor,
        event_type="extension.approved" if approve else "extension.refused",
        obj=placement,
        after={"new_end_date": extension.new_end_date.isoformat()},
        reason=note,
    )
    if approve:
        extended = tracked_update(
            actor=actor,
            instance=placement,
            expected_version=placement.version,
            changes={"end_date": extension.new_end_date, "extended": True},
            allowed={"end_date", "extended"},
            event_type="placement.extended",
            reason=note,
        )
        _replan_after(actor, extended, today=decided)
    return extension


def _replan_after(actor, placement: Placement, *, today: datetime.date) -> None:
    """Move the successors that have not begun to start the day after their predecessor ends,
    each keeping its length."""
    successor = Placement.objects.filter(predecessor=placement, withdrawn=False).first()
    while successor is not None and successor.start_date <= placement.end_date:
        if successor.start_date <= today:
            return  # already serving: the overlap is a hand-over, shown on the chain
        shift = placement.end_date + ONE_DAY - successor.start_date
        placement = tracked_update(
            actor=actor,
            instance=successor,
            expected_version=successor.version,
            changes={
                "start_date": successor.start_date + shift,
                "end_date": successor.end_date + shift,
            },
            allowed={"start_date", "end_date"},
            event_type="placement.replanned",
        )
        successor = Placement.objects.filter(predecessor=placement, withdrawn=False).first()


@service
def workload_record(
    *,
    actor,
    placement: Placement,
    month: datetime.date,
    teaching_hours: int = 0,
    patients_seen: int = 0,
    operations: int = 0,
) -> WorkLoad:
    """A month's load; recording a month again replaces it."""
    permissions.require(permissions.can_manage_professional(actor, placement.professional))
    month = month.replace(day=1)
    if not placement.start_date.replace(day=1) <= month <= placement.end_date:
        raise ValidationError({"month": _("This month is outside the placement's term.")})
    errors = counts_not_negative(
        teaching_hours=teaching_hours, patients_seen=patients_seen, operations=operations
    )
    if errors:
        raise ValidationError(errors)
    load, created = WorkLoad.objects.update_or_create(
        placement=placement,
        month=month,
        defaults={
            "teaching_hours": teaching_hours,
            "patients_seen": patients_seen,
            "operations": operations,
        },
    )
    audit_record(
        actor=actor,
        event_type="workload.recorded" if created else "workload.updated",
        obj=placement,
        after=snapshot(load),
    )
    return load
