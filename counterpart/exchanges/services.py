"""Writes for exchange events, classes, pen-pal partnerships and the letters they exchange."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.audit.services import audit_record, tracked_update
from counterpart.audit.snapshot import snapshot
from counterpart.core.arguments import UNSET, given
from counterpart.core.rules import counts_not_negative, dates_in_order
from counterpart.core.service import service
from counterpart.exchanges import selectors
from counterpart.exchanges.models import (
    COUNT_FIELDS,
    ExchangeEvent,
    LetterCount,
    SchoolClass,
    SchoolPartnership,
)
from counterpart.exchanges.reviewed import may_organize
from counterpart.places.models import Region
from counterpart.reporting import services as reporting

EVENT_FIELDS = {
    "kind",
    "title_en",
    "title_zh",
    "host_region",
    "visiting_region",
    "starts_on",
    "ends_on",
    "description",
    *COUNT_FIELDS,
}


def _check_event(event: ExchangeEvent) -> None:
    errors = counts_not_negative(**{name: getattr(event, name) for name in COUNT_FIELDS})
    if not errors and event.participants == 0:
        errors["host_adults"] = _("Count the participants of at least one side.")
    errors.update(dates_in_order(event.starts_on, event.ends_on, end_field="ends_on"))
    if event.host_region_id and event.host_region_id == event.visiting_region_id:
        errors["visiting_region"] = _("The visitors come from another place than the hosts.")
    if errors:
        raise ValidationError(errors)


@service
def exchange_event_record(
    *,
    actor,
    pairing,
    title_en: str,
    kind: str,
    host_region: Region,
    visiting_region: Region,
    starts_on: datetime.date,
    ends_on: datetime.date,
    title_zh: str = "",
    description: str = "",
    host_children: int = 0,
    host_teenagers: int = 0,
    host_adults: int = 0,
    visiting_children: int = 0,
    visiting_teenagers: int = 0,
    visiting_adults: int = 0,
) -> ExchangeEvent:
    """An exchange a pairing organized, its participants counted by side and age band."""
    permissions.require(may_organize(actor, pairing))
    event = ExchangeEvent(
        pairing=pairing,
        title_en=title_en,
        title_zh=title_zh,
        kind=kind,
        host_region=host_region,
        visiting_region=visiting_region,
        starts_on=starts_on,
        ends_on=ends_on,
        description=description,
        host_children=host_children,
        host_teenagers=host_teenagers,
        host_adults=host_adults,
        visiting_children=visiting_children,
        visiting_teenagers=visiting_teenagers,
        visiting_adults=visiting_adults,
    )
    _check_event(event)  # before the model's checks, whose constraint errors name no field
    event.full_clean()
    reporting.record_period_open_or_error(
        actor=actor, pairing=pairing, on=starts_on, region=pairing.recipient, field="starts_on"
    )
    event.save()
    audit_record(actor=actor, event_type="exchange.recorded", obj=event, after=snapshot(event))
    reporting.review_open(actor=actor, record=event)
    return event


@service
def exchange_event_update(
    *,
    actor,
    event: ExchangeEvent,
    expected_version: int,
    title_en: str = UNSET,
    title_zh: str = UNSET,
    kind: str = UNSET,
    host_region: Region = UNSET,
    visiting_region: Region = UNSET,
    starts_on: datetime.date = UNSET,
    ends_on: datetime.date = UNSET,
    description: str = UNSET,
    host_children: int = UNSET,
    host_teenagers: int = UNSET,
    host_adults: int = UNSET,
    visiting_children: int = UNSET,
    visiting_teenagers: int = UNSET,
    visiting_adults: int = UNSET,
) -> ExchangeEvent:
    permissions.require(may_organize(actor, event.pairing))
    reporting.review_before_edit(actor=actor, record=event)
    for day in {event.starts_on, starts_on} - {UNSET}:
        reporting.record_period_open_or_error(
            actor=actor,
            pairing=event.pairing,
            on=day,
            region=event.pairing.recipient,
            field="starts_on",
        )
    changes = given(
        title_en=title_en,
        title_zh=title_zh,
        kind=kind,
        host_region=host_region,
        visiting_region=visiting_region,
        starts_on=starts_on,
        ends_on=ends_on,
        description=description,
        host_children=host_children,
        host_teenagers=host_teenagers,
        host_adults=host_adults,
        visiting_children=visiting_children,
        visiting_teenagers=visiting_teenagers,
        visiting_adults=visiting_adults,
    )
    return tracked_update(
        actor=actor,
        instance=event,
        expected_version=expected_version,
        changes=changes,
        allowed=EVENT_FIELDS,
        event_type="exchange.updated",
        validate=_check_event,
    )


@service
def school_class_register(
    *, actor, school, grade: int, class_number: int, pupils: int, language: str
) -> SchoolClass:
    """A class as a group: its grade, size and language, never its pupils."""
    permissions.require(permissions.speaks_for_institution(actor, school))
    if school.kind != "school":
        raise ValidationError({"school": _("Classes belong to schools.")})
    if SchoolClass.objects.filter(school=school, grade=grade, class_number=class_number).exists():
        raise ValidationError({"class_number": _("This school already has this class.")})
    group = SchoolClass(
        school=school, grade=grade, class_number=class_number, pupils=pupils, language=language
    )
    group.full_clean()
    group.save()
    audit_record(actor=actor, event_type="class.registered", obj=group, after=snapshot(group))
    return group


def _check_sides(pairing, donor_class: SchoolClass, recipient_class: SchoolClass) -> None:
    errors = {}
    if not donor_class.school.region.is_within(pairing.donor.region):
        errors["donor_class"] = _("This class's school is not on the donor's side of the pairing.")
    if not recipient_class.school.region.is_within(pairing.recipient):
        errors["recipient_class"] = _(
            "This class's school is not in the place the pairing assists."
        )
    for field, group in (("donor_class", donor_class), ("recipient_class", recipient_class)):
        if selectors.is_partnered(group):
            errors.setdefault(field, _("%(group)s already has pen pals.") % {"group": group})
    if errors:
        raise ValidationError(errors)


@service
def school_partnership_create(
    *, actor, pairing, donor_class, recipient_class, started_on: datetime.date
) -> SchoolPartnership:
    permissions.require(may_organize(actor, pairing))
    _check_sides(pairing, donor_class, recipient_class)
    partnership = SchoolPartnership.objects.create(
        pairing=pairing,
        donor_class=donor_class,
        recipient_class=recipient_class,
        started_on=started_on,
    )
    audit_record(
        actor=actor,
        event_type="partnership.created",
        obj=partnership,
        after=snapshot(partnership),
    )
    return partnership


@service
def school_partnerships_match(
    *, actor, pairing, started_on: datetime.date
) -> list[SchoolPartnership]:
    """Create the proposed partnerships of a pairing's classes in one go."""
    permissions.require(may_organize(actor, pairing))
    return [
        school_partnership_create(
            actor=actor,
            pairing=pairing,
            donor_class=donor_class,
            recipient_class=recipient_class,
            started_on=started_on,
        )
        for donor_class, recipient_class in selectors.proposed_partnerships(pairing=pairing)
    ]


@service
def letters_record(
    *,
    actor,
    partnership: SchoolPartnership,
    term_start: datetime.date,
    term_end: datetime.date,
    from_donor_side: int,
    from_recipient_side: int,
) -> LetterCount:
    """The letters of a term; recording a term again replaces its counts."""
    permissions.require(
        permissions.speaks_for_institution(actor, partnership.donor_class.school)
        or permissions.speaks_for_institution(actor, partnership.recipient_class.school)
    )
    errors = counts_not_negative(
        from_donor_side=from_donor_side, from_recipient_side=from_recipient_side
    )
    errors.update(dates_in_order(term_start, term_end, end_field="term_end"))
    if term_start < partnership.started_on:
        errors["term_start"] = _("The term starts before the partnership.")
    if errors:
        raise ValidationError(errors)
    count, created = LetterCount.objects.update_or_create(
        partnership=partnership,
        term_start=term_start,
        defaults={
            "term_end": term_end,
            "from_donor_side": from_donor_side,
            "from_recipient_side": from_recipient_side,
        },
    )
    audit_record(
        actor=actor,
        event_type="letters.recorded" if created else "letters.updated",
        obj=partnership,
        after=snapshot(count),
    )
    return count
