"""Importing a file: receive it, check it (its rows applied through the services in a
transaction that is rolled back, so what the preview shows is what importing does), import it
(the same, kept). Nothing is written unless every row is good."""

import hashlib
import io
import time
import uuid
from collections import deque
from typing import BinaryIO

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.audit.services import audit_record
from counterpart.core.memory import cyclic_gc_paused
from counterpart.core.rules import personal_data_in, text_too_long
from counterpart.core.service import service
from counterpart.interchange import sheets
from counterpart.interchange.choices import ImportStatus, MappingKind
from counterpart.interchange.kinds import kind_get
from counterpart.interchange.kinds.base import Context, Errors
from counterpart.interchange.models import IatiMapping, ImportFile
from counterpart.interchange.selectors import import_file_opened
from counterpart.jobs.progress import ignore_progress
from counterpart.jobs.services import job_start
from counterpart.notifications.services import notifications_gathered
from counterpart.places import selectors as places

FILENAME_CHARS = ImportFile._meta.get_field("filename").max_length
HISTORICAL_CHARS = 1000


def _run_file(*, actor, upload: ImportFile, keep: bool, progress=ignore_progress):
    """Read, check and apply a file's rows as `actor`: (rows read, summary, errors). Applied
    for good only when `keep` and every row is good; otherwise rolled back."""
    context = Context(
        actor,
        progress=_within_budget(progress),
        total=upload.rows,
        historical=upload.historical,
        create_missing=upload.create_missing,
    )
    with cyclic_gc_paused(), import_file_opened(upload) as source:
        return _read_check_apply(context, upload.kind, source, keep=keep)


class _OutOfTime(Exception):
    pass


def _within_budget(progress):
    """The progress callback, which stops the run once it has used its time
    (settings.IMPORT_TIME_BUDGET_SECONDS): what is half-done rolls back."""
    deadline = time.monotonic() + settings.IMPORT_TIME_BUDGET_SECONDS

    def reported(done: int, total: int, step: str = "") -> None:
        if time.monotonic() > deadline:
            raise _OutOfTime
        progress(done, total, step)

    return reported


def _read_check_apply(context: Context, kind_slug: str, source: BinaryIO, *, keep: bool):
    try:
        return _read_check_apply_in_time(context, kind_slug, source, keep=keep)
    except _OutOfTime:
        errors = Errors()
        message = _(
            "Reading this file took longer than %(minutes)s minutes, so it was stopped and "
            "nothing was written. Split it into smaller files."
        ) % {"minutes": settings.IMPORT_TIME_BUDGET_SECONDS // 60}
        errors.add(0, "", message)
        return 0, {}, errors


def _read_check_apply_in_time(context: Context, kind_slug: str, source: BinaryIO, *, keep: bool):
    """The file's rows read, checked and applied as they come, in one transaction: a row
    with a bad cell is not applied, the rows after it still are (to find their problems), and
    the lot is rolled back unless `keep` and every row is good."""
    kind, errors, progress = kind_get(kind_slug), Errors(), context.progress
    if hasattr(kind, "run"):  # not a spreadsheet: the kind reads and applies its file
        with transaction.atomic():
            rows, summary = kind.run(source.read(), context, errors, progress)
            if errors or not keep:
                transaction.set_rollback(True)
        return rows, summary, errors
    try:
        with transaction.atomic():
            rows, _keys = sheets.read(kind, source, context, errors)
            checked = kind.read_rows(rows, context, errors)
            summary = kind.apply(checked, context, errors)
            deque(checked, maxlen=0)  # the rows after a refused one: their problems are listed
            if not errors:
                summary["effects"] = kind.effects(context)
            progress(context.rows, context.rows, "done")  # past its time, it is undone still
            if errors or not keep:
                transaction.set_rollback(True)
    except sheets.FileRefused as refused:
        errors.add(0, "", str(refused))
        return 0, {"unreadable": True}, errors
    read = {"notes": context.notes, "headers": context.headers}
    return context.rows, read | ({} if errors else summary), errors


@service
def import_receive(
    *,
    actor,
    kind: str,
    filename: str,
    data: bytes | BinaryIO,
    historical: str = "",
    create_missing: bool = False,
) -> ImportFile:
    """Keep an uploaded file (its bytes, or the file opened) to check and import (the kind's
    importers only). With a reason in `historical`, the office enters its records into closed
    periods, as approved history (a past year's ledger, another publisher's IATI file): only
    kinds that keep history may. With `create_missing`, the office has the organisations,
    places and pairings an IATI file names and the programme lacks made from the file (another
    instance's export), rather than mapped."""
    found = kind_get(kind)
    permissions.require(found.may_import(actor))
    historical = historical.strip()
    if historical or create_missing:
        permissions.require(permissions.can_manage_programme(actor))
    errors = {}
    if historical:
        errors = {
            **text_too_long(historical=(historical, HISTORICAL_CHARS)),
            **personal_data_in(historical=historical),
        }
        if not found.keeps_history:
            errors["historical"] = _("Records of this kind are not entered as history.")
    if create_missing and not getattr(found, "creates_missing", False):
        errors["create_missing"] = _("Only an IATI file makes what it names and is missing.")
    if errors:
        raise ValidationError(errors)
    limit = settings.IMPORT_MAX_BYTES
    data = io.BytesIO(data) if isinstance(data, bytes | bytearray) else data
    size, digest = _measured(data)
    if not size:
        raise ValidationError({"file": _("The file is empty.")})
    if size > limit:
        raise ValidationError(
            {"file": _("The file is larger than %(limit)s MB.") % {"limit": limit // 2**20}}
        )
    name = filename.replace("\\", "/").rsplit("/", 1)[-1].encode("utf-8", "replace")
    name = name.decode("utf-8")[:FILENAME_CHARS] or "upload"
    errors = text_too_long(filename=(name, FILENAME_CHARS))
    if errors:
        raise ValidationError(errors)
    rows = _rows_in(found, data)
    if rows > settings.IMPORT_MAX_ROWS:
        raise ValidationError(
            {
                "file": _(
                    "The file holds more than %(limit)s rows: split it into files of at most "
                    "that many."
                )
                % {"limit": f"{settings.IMPORT_MAX_ROWS:,}"}
            }
        )
    stored = default_storage.save(f"imports/{uuid.uuid4().hex}", File(data))
    upload = ImportFile.objects.create(
        kind=kind,
        filename=name,
        stored=stored,
        sha256=digest,
        size=size,
        rows=rows,
        uploaded_by=actor,
        historical=historical,
        create_missing=create_missing,
    )
    audit_record(
        actor=actor,
        event_type="import.received",
        obj=upload,
        after={
            "kind": kind,
            "filename": name,
            "size": size,
            "historical": historical,
            "create_missing": create_missing,
        },
        reason=historical,
    )
    return upload


def _measured(data: BinaryIO) -> tuple[int, str]:
    """The file's size and SHA-256, read a chunk at a time."""
    digest, size = hashlib.sha256(), 0
    data.seek(0)
    while chunk := data.read(2**20):
        digest.update(chunk)
        size += len(chunk)
    data.seek(0)
    return size, digest.hexdigest()


def _rows_in(kind, data: BinaryIO) -> int:
    """Rows (an IATI file's activities) counted before anything is parsed."""
    if hasattr(kind, "run"):
        counted = data.read().count(b"<iati-activity")
        data.seek(0)
        return counted
    return sheets.row_count(data, stop_after=settings.IMPORT_MAX_ROWS)


def _require_uploader(actor, upload: ImportFile) -> None:
    if upload.uploaded_by_id != getattr(actor, "pk", None):
        raise PermissionDenied


@service(
    writes_at_the_end=(
        "the check runs the file in a transaction of its own, rolled back (where it is the "
        "outermost, a rollback costs nothing; a savepoint's of a million rows took 130 MiB), "
        "then writes its outcome"
    )
)
def import_check(*, actor, upload: ImportFile, progress=ignore_progress) -> ImportFile:
    """Check the file as its uploader: rows, the preview's summary, the errors."""
    _require_uploader(actor, upload)
    if upload.status == ImportStatus.IMPORTED:
        raise ValidationError({"file": _("This file is already imported.")})
    with transaction.atomic():  # the outermost where it can be, so that undoing it is cheap
        with notifications_gathered(file=upload.filename) as told:
            told.discard()  # a check writes nothing: no one is told of anything
            rows, summary, errors = _run_file(
                actor=actor, upload=upload, keep=True, progress=progress
            )
        transaction.set_rollback(True)
    with transaction.atomic():
        _settle(upload, rows, summary, errors, imported=False)
        audit_record(actor=actor, event_type="import.checked", obj=upload, after=_outcome(upload))
    return upload


@service
def import_apply(*, actor, upload: ImportFile, progress=ignore_progress) -> ImportFile:
    """Import a checked file, all or nothing: its rows are checked again as they are written
    (the ledger may have moved since the preview)."""
    upload = ImportFile.objects.select_for_update().get(pk=upload.pk)
    _require_uploader(actor, upload)
    if upload.status not in (ImportStatus.READY, ImportStatus.IMPORTING):
        raise ValidationError({"file": _("Only a checked file without problems is imported.")})
    return _import_for_good(actor, upload, progress)


@service
def import_run(*, actor, upload: ImportFile, progress=ignore_progress) -> ImportFile:
    """Check and import in one pass, all or nothing (the command line's and the API's way,
    when no one is to look at a preview first): imported, or refused with its problems."""
    upload = ImportFile.objects.select_for_update().get(pk=upload.pk)
    _require_uploader(actor, upload)
    if upload.status == ImportStatus.IMPORTED:
        raise ValidationError({"file": _("This file is already imported.")})
    return _import_for_good(actor, upload, progress)


@service
def import_queue(*, actor, upload: ImportFile, importing: bool = False) -> ImportFile:
    """Check (or import) a big file on the work queue; its page follows the job."""
    upload = ImportFile.objects.select_for_update().get(pk=upload.pk)
    _require_uploader(actor, upload)
    if upload.status == ImportStatus.IMPORTED:
        raise ValidationError({"file": _("This file is already imported.")})
    if importing and upload.status != ImportStatus.READY:
        raise ValidationError({"file": _("Only a checked file without problems is imported.")})
    job = job_start(
        actor=actor,
        kind=f"counterpart.interchange.jobs.{'import_apply' if importing else 'import_check'}",
        params={"upload_id": upload.pk},
    )
    upload.job = job
    upload.status = ImportStatus.IMPORTING if importing else ImportStatus.CHECKING
    upload.save(update_fields=["job", "status"])
    audit_record(
        actor=actor,
        event_type="import.queued",
        obj=upload,
        after={"job": job.pk, "importing": importing},
    )
    return upload


def _import_for_good(actor, upload: ImportFile, progress) -> ImportFile:
    """Run the file keeping what it writes, unless a row is bad; settle and audit the upload."""
    rows, summary, errors = _run_telling_once(actor, upload, progress)
    _settle(upload, rows, summary, errors, imported=not errors)
    if not errors:  # what is left is the commit: a million rows' takes seconds
        progress(rows, rows, "save")
    event = "import.imported" if upload.status == ImportStatus.IMPORTED else "import.checked"
    audit_record(actor=actor, event_type=event, obj=upload, after=_outcome(upload))
    return upload


def _run_telling_once(actor, upload: ImportFile, progress):
    """Import the file for good; whoever its rows concern hears of them once, not per row."""
    with notifications_gathered(file=upload.filename) as told:
        rows, summary, errors = _run_file(actor=actor, upload=upload, keep=True, progress=progress)
        if errors:
            told.discard()
    return rows, summary, errors


def _settle(upload, rows: int, summary: dict, errors: Errors, *, imported: bool) -> None:
    upload.rows = rows
    upload.summary = summary
    upload.errors = errors.as_list()
    upload.error_count = errors.count
    if imported:
        upload.status, upload.imported_at = ImportStatus.IMPORTED, timezone.now()
    else:
        upload.status = ImportStatus.REFUSED if errors else ImportStatus.READY
    upload.save()


def _outcome(upload: ImportFile) -> dict:
    return {
        "rows": upload.rows,
        "errors": upload.error_count,
        "created": upload.summary.get("created", 0),
    }


@service
def iati_mapping_set(*, actor, kind: str, ref: str, organization=None, region=None) -> IatiMapping:
    """Say what another publisher's organisation identifier (or a location) means here; every
    later IATI file is read with it."""
    permissions.require(kind_get("iati").may_import(actor))
    errors = text_too_long(ref=(ref, IatiMapping._meta.get_field("ref").max_length))
    if not ref.strip():
        errors["ref"] = _("Give the reference as the file writes it.")
    if kind == MappingKind.ORGANIZATION and organization is None:
        errors["organization"] = _("Choose the organization it means.")
    elif kind == MappingKind.PLACE and region is None:
        errors["region"] = _("Choose the place it means.")
    elif kind not in MappingKind.values:
        errors["kind"] = _("Map an organization or a place.")
    if errors:
        raise ValidationError(errors)
    before = IatiMapping.objects.filter(kind=kind, ref=ref).first()
    mapping, _created = IatiMapping.objects.update_or_create(
        kind=kind,
        ref=ref,
        defaults={
            "organization": organization if kind == MappingKind.ORGANIZATION else None,
            "region": region if kind == MappingKind.PLACE else None,
            "mapped_by": actor,
            "mapped_at": timezone.now(),
        },
    )
    audit_record(
        actor=actor,
        event_type="iati.mapped",
        obj=mapping,
        before={"to": str(before.organization or before.region)} if before else None,
        after={"kind": kind, "ref": ref, "to": str(organization or region)},
    )
    return mapping


@service
def iati_mappings_set(*, actor, mappings: list[tuple[str, str, str]]) -> int:
    """Say what many references mean at once, all or none: each (kind, the reference as the
    file writes it, the code of the organization or place it means here). A bad one is named
    by its index in `mappings` (the page's field, the mapping file's row)."""
    lookups = {
        MappingKind.ORGANIZATION: places.organization_by_code,
        MappingKind.PLACE: places.region_by_code,
    }
    errors, said = {}, 0
    for index, (kind, ref, code) in enumerate(mappings):
        lookup = lookups.get(kind)
        target = lookup(actor=actor, code=code) if lookup is not None else None
        if lookup is None:
            errors[str(index)] = _("Map an organization or a place.")
        elif target is None:
            errors[str(index)] = _("No organization or place with the code %(code)r.") % {
                "code": code
            }
        else:
            chosen = {"organization" if kind == MappingKind.ORGANIZATION else "region": target}
            iati_mapping_set(actor=actor, kind=kind, ref=ref, **chosen)
            said += 1
    if errors:
        raise ValidationError(errors)
    return said
