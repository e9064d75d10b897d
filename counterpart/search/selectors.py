"""The search box's reads: the entries whose text holds every word asked, of records the reader
may see (each kind scoped by its own app's list selector, as the lists are), grouped by kind and
labelled in the reader's language."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When, Window
from django.urls import reverse
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.core.text import FIELD, words
from counterpart.pairings import selectors as pairings
from counterpart.places import selectors as places
from counterpart.projects import selectors as projects
from counterpart.search.choices import Kind
from counterpart.search.models import Entry
from counterpart.talent import selectors as talent

SHOWN_PER_KIND = 5
CANDIDATES = 5000  # matches looked up by id; more: the scope's query joined instead


@dataclass(frozen=True)
class Hit:
    kind: str
    id: int
    label: str
    detail: str
    url: str


@dataclass(frozen=True)
class Group:
    kind: str
    label: str
    count: int
    hits: list[Hit]


def _project(actor, project) -> Hit:
    return Hit(
        Kind.PROJECT,
        project.pk,
        project.title,
        f"{project.code} · {project.region.name}",
        reverse("projects:detail", args=[project.pk]),
    )


def _organization(actor, org) -> Hit:
    detail = org.get_kind_display() + (f" · {org.region.name}" if org.region_id else "")
    return Hit(
        Kind.ORGANIZATION, org.pk, org.name, detail, reverse("places:organization", args=[org.pk])
    )


def _place(actor, region) -> Hit:
    return Hit(
        Kind.PLACE,
        region.pk,
        region.name,
        f"{region.get_level_display()} · {region.code}",
        reverse("places:region", args=[region.pk]),
    )


def _pairing(actor, pairing) -> Hit:
    label = _("%(donor)s assists %(recipient)s") % {
        "donor": pairing.donor.name,
        "recipient": pairing.recipient.name,
    }
    return Hit(
        Kind.PAIRING,
        pairing.pk,
        label,
        pairing.round.name,
        reverse("pairings:detail", args=[pairing.pk]),
    )


def _post(actor, post) -> Hit:
    return Hit(
        Kind.POST,
        post.pk,
        post.title,
        post.institution.name,
        reverse("talent:post", args=[post.pk]),
    )


def _person(actor, professional) -> Hit:
    return Hit(
        Kind.PERSON,
        professional.pk,
        talent.professional_label(actor=actor, professional=professional),
        f"{professional.get_specialty_display()} · {professional.organization.name}",
        reverse("talent:professional", args=[professional.pk]),
    )


def _document(actor, document) -> Hit:
    return Hit(
        Kind.DOCUMENT,
        document.pk,
        document.title,
        document.project.title,
        reverse("projects:detail", args=[document.project_id]) + "#documents",
    )


@dataclass(frozen=True)
class _Scope:
    visible: Callable[..., QuerySet]  # the kind's list selector: what the reader may see
    hit: Callable
    named: Callable[..., QuerySet] | None = None  # those whose private text the reader may search


SCOPES = {
    Kind.PROJECT: _Scope(projects.project_list, _project),
    Kind.ORGANIZATION: _Scope(places.organization_list, _organization),
    Kind.PLACE: _Scope(places.region_list, _place),
    Kind.PAIRING: _Scope(pairings.pairing_list, _pairing),
    Kind.POST: _Scope(talent.post_list, _post),
    Kind.PERSON: _Scope(talent.professional_list, _person, talent.professionals_named_for),
    Kind.DOCUMENT: _Scope(projects.document_list, _document),
}


def matching(*, actor, query: str, kind: str) -> QuerySet[Entry]:
    """The entries of `kind` the reader may see whose text holds every word of `query`, those
    with a field that starts with the first word first."""
    asked = words(query)
    if not asked:
        return Entry.objects.none()
    scope = SCOPES[kind]
    entries = Entry.objects.filter(kind=kind)
    named = scope.named(actor=actor).values("pk") if scope.named else None
    for word in asked:
        found = Q(text__contains=word)
        if named is not None:
            found |= Q(private__contains=word, object_id__in=named)
        entries = entries.filter(found)
    if not permissions.reads_everything(actor):  # those who do see every record of each list
        entries = _visible(entries, scope.visible(actor=actor))
    starts = Case(
        When(text__contains=FIELD + asked[0], then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return entries.annotate(starts=starts).order_by("starts", "object_id")


def _visible(entries: QuerySet[Entry], visible: QuerySet) -> QuerySet[Entry]:
    """The entries of records in `visible`: the few a query matches are looked up by id (a
    scope's conditions then run on those rows only, not on every record of the list)."""
    ids = list(entries.values_list("object_id", flat=True)[: CANDIDATES + 1])
    if len(ids) > CANDIDATES:
        return entries.filter(object_id__in=visible.values("pk"))
    return entries.filter(
        object_id__in=list(visible.filter(pk__in=ids).values_list("pk", flat=True))
    )


def hits(*, actor, kind: str, entries) -> list[Hit]:
    """The entries' records as the reader sees them, in the entries' order."""
    scope = SCOPES[kind]
    ids = [entry.object_id for entry in entries]
    records = scope.visible(actor=actor).in_bulk(ids)
    return [scope.hit(actor, records[pk]) for pk in ids if pk in records]


def search(*, actor, query: str, shown: int = SHOWN_PER_KIND) -> list[Group]:
    """Every kind with something found: how many, and the first `shown`."""
    groups = []
    for kind, label in Kind.choices:
        entries = matching(actor=actor, query=query, kind=kind)
        first = list(entries.annotate(count=Window(Count("pk")))[:shown])  # counted in one go
        if first:
            groups.append(
                Group(kind, str(label), first[0].count, hits(actor=actor, kind=kind, entries=first))
            )
    return groups


def kind_page(*, actor, query: str, kind: str, offset: int, limit: int) -> Group:
    """One kind's results from `offset`, `limit` of them, and how many there are in all."""
    entries = matching(actor=actor, query=query, kind=kind)
    shown = hits(actor=actor, kind=kind, entries=entries[offset : offset + limit])
    return Group(kind, str(Kind(kind).label), entries.count(), shown)
