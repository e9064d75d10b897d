"""Reads of imported files: each person sees their own; the programme office sees all."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from counterpart.accounts import permissions
from counterpart.interchange.iati.export import Codes
from counterpart.interchange.kinds.base import Errors
from counterpart.interchange.models import IatiMapping, ImportFile, OpenDataSettings, PublishedFile
from counterpart.places import selectors as places
from counterpart.places.models import Organization
from counterpart.projects import selectors as projects


def import_file_list(*, actor, kind: str | None = None) -> QuerySet[ImportFile]:
    files = ImportFile.objects.select_related("uploaded_by", "job")
    if not permissions.reads_everything(actor):
        files = files.filter(uploaded_by_id=getattr(actor, "pk", None))
    return files.filter(kind=kind) if kind else files


def import_file_get(*, actor, pk: int) -> ImportFile:
    return get_object_or_404(import_file_list(actor=actor), pk=pk)


def on_the_queue(upload: ImportFile) -> bool:
    """Whether the file is checked and imported on the work queue rather than in the request:
    a big file, or one of many rows (counted when it was received)."""
    return (
        upload.size > settings.IMPORT_IN_REQUEST_BYTES
        or upload.rows > settings.IMPORT_IN_REQUEST_ROWS
    )


def errors_of(upload: ImportFile) -> Errors:
    """The problems a check found, as the marked file needs them."""
    errors = Errors()
    for error in upload.errors:
        for message in error["messages"]:
            errors.add(error["row"], error["column"], message)
    errors.count = max(errors.count, upload.error_count)
    return errors


def open_data_settings() -> OpenDataSettings:
    """The office's choices (the defaults until it makes any)."""
    return OpenDataSettings.objects.first() or OpenDataSettings()


def iati_codes() -> Codes:
    chosen = open_data_settings()
    return Codes(
        flow_type=chosen.flow_type,
        finance_type=chosen.finance_type,
        aid_type=chosen.aid_type,
        spread_budgets=chosen.spread_budgets,
    )


def publishers() -> list[Organization]:
    """The organizations with an IATI identifier, in its order."""
    return list(places.organization_list(actor=None).exclude(iati_ref="").order_by("iati_ref"))


def publishes(organization: Organization) -> bool:
    """Whether an organization has an activity to publish (a published, approved project)."""
    return projects.projects_for_publication(publisher=organization).exists()


def iati_mapping_list() -> QuerySet[IatiMapping]:
    return IatiMapping.objects.select_related("organization", "region", "mapped_by")


def published_file_list() -> QuerySet[PublishedFile]:
    return PublishedFile.objects.all()


def published_file_find(*, name: str) -> PublishedFile | None:
    return PublishedFile.objects.filter(name=name).first()


def published_file_get(*, name: str) -> PublishedFile:
    return get_object_or_404(PublishedFile, name=name)


def import_file_data(upload: ImportFile) -> bytes:
    """The uploaded file as it was stored."""
    with import_file_opened(upload) as stored:
        return stored.read()


def import_file_opened(upload: ImportFile):
    """The uploaded file as it was stored, opened to be read as a stream."""
    return default_storage.open(upload.stored, "rb")
