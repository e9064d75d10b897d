"""Reads for exchanges and pen pals, scoped to the actor; figures are counts for everyone."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from counterpart.accounts import permissions
from counterpart.engine.pen_pals import ClassGroup, class_pairs
from counterpart.exchanges.choices import ExchangeKind
from counterpart.exchanges.models import (
    COUNT_FIELDS,
    ExchangeEvent,
    LetterCount,
    SchoolClass,
    SchoolPartnership,
)
from counterpart.pairings.selectors import pairing_list
from counterpart.reporting import selectors as reporting


def _pairing_scope(actor, prefix: str) -> Q:
    return permissions.donor_scope_q(actor, f"{prefix}pairing__donor__") | (
        permissions.recipient_scope_q(actor, f"{prefix}pairing__recipient__")
    )


def event_list(*, actor) -> QuerySet[ExchangeEvent]:
    events = ExchangeEvent.objects.select_related(
        "pairing__donor", "pairing__recipient", "host_region", "visiting_region"
    )
    if permissions.reads_everything(actor):
        return events
    return events.filter(_pairing_scope(actor, ""))


def event_get(*, actor, pk: int) -> ExchangeEvent:
    return get_object_or_404(event_list(actor=actor), pk=pk)


def class_list(*, actor) -> QuerySet[SchoolClass]:
    classes = SchoolClass.objects.select_related("school__region")
    if permissions.reads_everything(actor):
        return classes
    return classes.filter(permissions.institution_scope_q(actor, "school__"))


def partnership_list(*, actor) -> QuerySet[SchoolPartnership]:
    partnerships = SchoolPartnership.objects.select_related(
        "pairing__donor", "pairing__recipient", "donor_class__school", "recipient_class__school"
    ).prefetch_related("letter_counts")
    if permissions.reads_everything(actor):
        return partnerships
    return partnerships.filter(
        _pairing_scope(actor, "")
        | permissions.institution_scope_q(actor, "donor_class__school__")
        | permissions.institution_scope_q(actor, "recipient_class__school__")
    )


def partnership_get(*, actor, pk: int) -> SchoolPartnership:
    return get_object_or_404(partnership_list(actor=actor), pk=pk)


@dataclass
class ExchangeFigures:
    kinds: list[tuple[str, str]] = field(default_factory=list)  # (kind, label) that occur
    by_year: list[tuple[int, dict[str, int]]] = field(default_factory=list)  # participants/kind
    by_side: list[tuple[int, int, int]] = field(default_factory=list)  # year, hosts, visitors
    letters: list[tuple[str, int, int]] = field(default_factory=list)  # term, donor, recipient
    active_partnerships: int = 0
    participants: int = 0


def exchange_figures(
    *, actor, donor=None, area=None, include_unapproved: bool = False
) -> ExchangeFigures:
    """Counts over the pairings the actor sees (published ones, and a team's own), as the
    dashboard's money is: one universe for every figure on a page. Events still in review
    count only in a team's internal view."""
    seen = pairing_list(actor=actor).values("pk")
    events = ExchangeEvent.objects.filter(pairing__in=seen)
    if not include_unapproved:
        events = reporting.approved_only(events)
    partnerships = SchoolPartnership.objects.filter(pairing__in=seen)
    if donor is not None:
        events = events.filter(pairing__donor__path__startswith=donor.path)
        partnerships = partnerships.filter(pairing__donor__path__startswith=donor.path)
    if area is not None:
        events = events.filter(pairing__recipient__path__startswith=area.path)
        partnerships = partnerships.filter(pairing__recipient__path__startswith=area.path)
    by_year: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    sides: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for event in events.only("kind", "starts_on", *COUNT_FIELDS):
        year = event.starts_on.year
        by_year[year][event.kind] += event.participants
        hosts = sum(getattr(event, n) for n in COUNT_FIELDS if n.startswith("host_"))
        sides[year][0] += hosts
        sides[year][1] += event.participants - hosts
    occurring = {kind for counts in by_year.values() for kind in counts}
    letters: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for count in LetterCount.objects.filter(partnership__in=partnerships):
        term = f"{count.term_start:%Y-%m}"
        letters[term][0] += count.from_donor_side
        letters[term][1] += count.from_recipient_side
    return ExchangeFigures(
        kinds=[(k, str(label)) for k, label in ExchangeKind.choices if k in occurring],
        by_year=[(year, dict(counts)) for year, counts in sorted(by_year.items())],
        by_side=[(year, hosts, visitors) for year, (hosts, visitors) in sorted(sides.items())],
        letters=[(term, d, r) for term, (d, r) in sorted(letters.items())],
        active_partnerships=partnerships.filter(ended_on__isnull=True).count(),
        participants=sum(hosts + visitors for hosts, visitors in sides.values()),
    )


def proposed_partnerships(*, pairing) -> list[tuple[SchoolClass, SchoolClass]]:
    """Pen pals for the classes without any, by grade, size and language (stable pairs)."""
    donor_side, recipient_side = _unpartnered_classes(pairing)
    by_id = {c.pk: c for c in [*donor_side, *recipient_side]}

    def group(c):
        return ClassGroup(id=c.pk, grade=c.grade, pupils=c.pupils, language=c.language)

    pairs = class_pairs([group(c) for c in donor_side], [group(c) for c in recipient_side])
    return [(by_id[d], by_id[r]) for d, r in pairs]


def is_partnered(group: SchoolClass) -> bool:
    """Whether a class writes to another now."""
    active = {"ended_on__isnull": True}
    return (
        group.partnerships_as_donor.filter(**active).exists()
        or group.partnerships_as_recipient.filter(**active).exists()
    )


def _unpartnered_classes(pairing) -> tuple[list[SchoolClass], list[SchoolClass]]:
    classes = [
        group
        for group in SchoolClass.objects.select_related("school__region")
        if not is_partnered(group)
    ]
    donor_side = [c for c in classes if c.school.region.is_within(pairing.donor.region)]
    recipient_side = [c for c in classes if c.school.region.is_within(pairing.recipient)]
    return donor_side, recipient_side
