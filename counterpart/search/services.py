"""The search box's entries, kept as the records change: what each kind is found by, and which
entries a change to a record touches (a renamed organization is found again under its new name
in its pairings, posts and people too). Entries are derived from records whose changes are
audited: keeping them is bookkeeping."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.utils import translation

from counterpart.accounts import permissions
from counterpart.core.service import bookkeeping, service
from counterpart.core.text import entry_text, spellings
from counterpart.pairings.models import Pairing, PairingRound
from counterpart.places.models import Organization, Region
from counterpart.projects.models import Project, ProjectDocument, ProjectSector
from counterpart.search.choices import Kind
from counterpart.search.models import Entry
from counterpart.talent.models import Post, Professional

CHUNK = 2000
LANGUAGES = ("en", "zh-hans", "ug")


def _names(thing) -> list[str]:
    return spellings(thing.name_en, thing.name_zh, thing.name_ug)


def _titles(thing) -> list[str]:
    return spellings(thing.title_en, thing.title_zh)


def _in_every_language(label) -> list[str]:
    said = []
    for language in LANGUAGES:
        with translation.override(language):
            said.append(str(label))
    return said


def _project(project: Project) -> str:
    donor = project.pairing.donor
    identifier = f"{donor.iati_ref}-{project.code}" if donor.iati_ref else ""
    sectors = [share.sector_id for share in project.sectors.all()]
    return entry_text(
        *_titles(project), project.code, identifier, *sectors, *_names(project.region)
    )


def _pairing(pairing: Pairing) -> str:
    return entry_text(*_names(pairing.donor), *_names(pairing.recipient), *_names(pairing.round))


def _post(post: Post) -> str:
    return entry_text(
        *_titles(post),
        *_names(post.institution),
        *_in_every_language(post.get_specialty_display()),
    )


def _person(professional: Professional) -> str:
    return entry_text(
        str(professional.pk),
        *_names(professional.organization),
        *_in_every_language(professional.get_specialty_display()),
    )


@dataclass(frozen=True)
class Indexed:
    kind: str
    rows: Callable[[], QuerySet]  # every record of the kind, with what its text reads
    text: Callable[[Model], str]
    private: Callable[[Model], str] = lambda _record: ""


INDEXED = {
    indexed.kind: indexed
    for indexed in (
        Indexed(
            Kind.PROJECT,
            lambda: Project.objects.select_related("pairing__donor", "region").prefetch_related(
                "sectors"
            ),
            _project,
        ),
        Indexed(
            Kind.ORGANIZATION,
            Organization.objects.all,
            lambda org: entry_text(*_names(org), org.code, org.iati_ref),
        ),
        Indexed(
            Kind.PLACE, Region.objects.all, lambda region: entry_text(*_names(region), region.code)
        ),
        Indexed(
            Kind.PAIRING,
            lambda: Pairing.objects.select_related("donor", "recipient", "round"),
            _pairing,
        ),
        Indexed(Kind.POST, lambda: Post.objects.select_related("institution"), _post),
        Indexed(
            Kind.PERSON,
            lambda: Professional.objects.select_related("organization"),
            _person,
            lambda professional: entry_text(*spellings(professional.name)),
        ),
        Indexed(
            Kind.DOCUMENT,
            ProjectDocument.objects.all,
            lambda document: entry_text(*spellings(document.title)),
        ),
    )
}

# A record that changed: the entries to write again, as (kind, a query of its records).
TOUCHES: dict[type[Model], Callable[[Model], Iterable[tuple[str, QuerySet]]]] = {
    Region: lambda region: [
        (Kind.PLACE, Region.objects.filter(pk=region.pk)),
        (Kind.PROJECT, Project.objects.filter(region=region)),
        (Kind.PAIRING, Pairing.objects.filter(recipient=region)),
    ],
    Organization: lambda org: [
        (Kind.ORGANIZATION, Organization.objects.filter(pk=org.pk)),
        (Kind.PAIRING, Pairing.objects.filter(donor=org)),
        (Kind.PROJECT, Project.objects.filter(pairing__donor=org)),
        (Kind.POST, Post.objects.filter(institution=org)),
        (Kind.PERSON, Professional.objects.filter(organization=org)),
    ],
    PairingRound: lambda round_: [(Kind.PAIRING, Pairing.objects.filter(round=round_))],
    Pairing: lambda pairing: [
        (Kind.PAIRING, Pairing.objects.filter(pk=pairing.pk)),
        (Kind.PROJECT, Project.objects.filter(pairing=pairing)),
    ],
    Project: lambda project: [(Kind.PROJECT, Project.objects.filter(pk=project.pk))],
    ProjectSector: lambda share: [(Kind.PROJECT, Project.objects.filter(pk=share.project_id))],
    Post: lambda post: [(Kind.POST, Post.objects.filter(pk=post.pk))],
    Professional: lambda person: [(Kind.PERSON, Professional.objects.filter(pk=person.pk))],
    ProjectDocument: lambda document: [
        (Kind.DOCUMENT, ProjectDocument.objects.filter(pk=document.pk))
    ],
}


_KIND_OF = {indexed.rows().model: kind for kind, indexed in INDEXED.items()}


@bookkeeping(why="the search entries follow a record that changed, whose change is audited")
def search_entries_follow(record: Model, *, deleted: bool = False) -> None:
    """The entries a change to `record` touches written again; a deleted record's own entry
    dropped (and those that named it, a project whose sector share went, written again)."""
    own = _KIND_OF.get(type(record))
    if deleted and own is not None:
        Entry.objects.filter(kind=own, object_id=record.pk).delete()
        return
    for kind, records in TOUCHES[type(record)](record):
        _refresh(kind, records.values_list("pk", flat=True))


def _refresh(kind: str, ids: Iterable[int]) -> None:
    """Write the entries of these records of `kind` as they now are (and drop those of records
    that are gone)."""
    indexed = INDEXED[kind]
    ids = list(ids)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        now = {
            record.pk: (indexed.text(record), indexed.private(record))
            for record in indexed.rows().filter(pk__in=chunk)
        }
        entries = Entry.objects.filter(kind=kind, object_id__in=chunk)
        stale, kept = [], set()
        for entry in entries:
            kept.add(entry.object_id)
            if entry.object_id not in now:
                continue
            if (entry.text, entry.private) != now[entry.object_id]:
                entry.text, entry.private = now[entry.object_id]
                stale.append(entry)
        entries.exclude(object_id__in=list(now)).delete()
        Entry.objects.bulk_update(stale, ["text", "private"])
        Entry.objects.bulk_create(
            Entry(kind=kind, object_id=pk, text=text, private=private)
            for pk, (text, private) in now.items()
            if pk not in kept
        )


@bookkeeping(why="entries for records a migration or a bulk insert made, derived as above")
def search_entries_fill() -> int:
    """Entries for records made where no signal reached (a migration, a bulk insert), none for
    records gone; how many were written or dropped."""
    changed = 0
    for kind, indexed in INDEXED.items():
        records = set(indexed.rows().values_list("pk", flat=True))
        entries = set(Entry.objects.filter(kind=kind).values_list("object_id", flat=True))
        missing, gone = records - entries, entries - records
        _refresh(kind, sorted(missing))
        Entry.objects.filter(kind=kind, object_id__in=list(gone)).delete()
        changed += len(missing) + len(gone)
    return changed


@service
def search_entries_rebuild(*, actor) -> int:
    """Every entry written again from the records (after tables were written by other means);
    how many there are."""
    permissions.require(permissions.can_manage_programme(actor))
    Entry.objects.all().delete()
    for kind, indexed in INDEXED.items():
        _refresh(kind, indexed.rows().values_list("pk", flat=True).order_by("pk"))
    return Entry.objects.count()
