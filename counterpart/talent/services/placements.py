"""Writes for placements: hand placement, withdrawal, extensions that re-plan the chain, and
the monthly teaching and clinical load."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.audit.services import audit_record, snapshot, tracked_update
from counterpart.core.rules import counts_not_negative
from counterpart.engine.terms import term_end
from counterpart.talent.models import Extension, ExtensionStatus, Placement, WorkLoad

ONE_DAY = datetime.timedelta(days=1)


def _may_change(actor, placement: Placement) -> bool:
    return permissions.can_manage_professional(
        actor, placement.professional
    ) or permissions.can_manage_post(actor, placement.post.institution)


def link_predecessors(placements: list[Placement]) -> None:
    """Each new placement takes over from the post's earliest-ending placement that no one
    takes over from yet and that began before it."""
    for placement in placements:
        predecessor = (
            Placement.objects.filter(
                post=placement.post, withdrawn=False, start_date__lt=placement.start_date
            )
            .exclude(pk=placement.pk)
            .filter(successor__isnull=True)
            .order_by("end_date", "id")
            .first()
        )
        if predecessor is not None:
            placement.predecessor = predecessor
            placement.save(update_fields=["predecessor"])


@transaction.atomic
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
        raise ValidationError(
            {"start_date": _("%(name)s serves elsewhere at that time.") % {"name": professional}}
        )
    placement.save()
    link_predecessors([placement])
    audit_record(
        actor=actor, event_type="placement.created", obj=placement, after=snapshot(placement)
    )
    return placement


@transaction.atomic
def placement_withdraw(
    *, actor, placement: Placement, expected_version: int, reason: str
) -> Placement:
    permissions.require(_may_change(actor, placement))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the placement is withdrawn.")})
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
        Placement.objects.filter(pk=successor.pk).update(predecessor=placement.predecessor_id)
        audit_record(
            actor=actor,
            event_type="placement.relinked",
            obj=successor,
            before={"predecessor": placement.pk},
            after={"predecessor": placement.predecessor_id},
            reason=reason,
        )
    return withdrawn


@transaction.atomic
def extension_request(
    *, actor, placement: Placement, new_end_date: datetime.date, reason: str
) -> Extension:
    """The professional (or their donor team) asks to stay until `new_end_date`."""
    permissions.require(permissions.can_manage_professional(actor, placement.professional))
    errors = {}
    if placement.withdrawn:
        errors["placement"] = _("This placement was withdrawn.")
    if new_end_date <= placement.end_date:
        errors["new_end_date"] = _("The new end date is after the current one (%(end)s).") % {
            "end": placement.end_date
        }
    if not reason.strip():
        errors["reason"] = _("Say why the term should be extended.")
    if placement.extensions.filter(status=ExtensionStatus.REQUESTED).exists():
        errors["placement"] = _("An extension is already waiting for a decision.")
    if errors:
        raise ValidationError(errors)
    extension = Extension.objects.create(
        placement=placement,
        new_end_date=new_end_date,
        reason=reason,
        requested_by=actor if getattr(actor, "pk", None) else None,
    )
    audit_record(
        actor=actor, event_type="extension.requested", obj=placement, after=snapshot(extension)
    )
    return extension


@transaction.atomic
def extension_decide(*, actor, extension: Extension, approve: bool, note: str = "") -> Extension:
    """The receiving team or the office approves or refuses; an approval moves the end date and
    moves later placements of the post that have not begun so that no two terms collide."""
    placement = Placement.objects.select_for_update().get(pk=extension.placement_id)
    permissions.require(permissions.can_manage_post(actor, placement.post.institution))
    extension = Extension.objects.select_for_update().get(pk=extension.pk)
    if extension.status != ExtensionStatus.REQUESTED:
        raise ValidationError({"status": _("This request was decided already.")})
    extension.status = ExtensionStatus.APPROVED if approve else ExtensionStatus.REFUSED
    extension.decided_by = actor if getattr(actor, "pk", None) else None
    extension.decided_at = timezone.now()
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
        _replan_after(actor, extended, today=timezone.localdate())
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
            reason=_("The placement before it was extended."),
        )
        successor = Placement.objects.filter(predecessor=placement, withdrawn=False).first()


@transaction.atomic
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
