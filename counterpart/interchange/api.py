"""Imports over the API: the kinds and their columns, templates, uploading a file (checked, and
imported unless `dry_run`), one's files and their problems."""

import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from ninja import File, Router, Schema
from ninja.files import UploadedFile
from ninja.pagination import paginate

from counterpart.core import said
from counterpart.interchange import selectors, services, sheets
from counterpart.interchange.choices import ImportStatus
from counterpart.interchange.kinds import kind_get, kinds_for
from counterpart.interchange.kinds.base import Context

router = Router(tags=["imports"])


class ColumnOut(Schema):
    key: str
    label: str
    required: bool
    example: str
    help: str


class KindOut(Schema):
    slug: str
    title: str
    description: str
    row_key: list[str]
    columns: list[ColumnOut]


def _kind_out(kind) -> dict:
    return {
        "slug": kind.slug,
        "title": str(kind.title),
        "description": str(kind.description),
        "row_key": list(kind.row_key),
        "columns": [
            {
                "key": c.key,
                "label": str(c.label),
                "required": c.required,
                "example": str(c.example),
                "help": str(c.help),
            }
            for c in kind.columns
        ],
    }


@router.get("/imports/kinds", response=list[KindOut])
def list_kinds(request):
    """What you may import, with each kind's columns (headers in your language)."""
    return [_kind_out(kind) for kind in kinds_for(request.auth)]


@router.get("/imports/kinds/{slug}/template", response={200: None})
def get_template(request, slug: str, format: str = "xlsx"):
    """The kind's template: XLSX (with dropdowns and an example row) or CSV."""
    kind = kind_get(slug)
    if not kind.may_import(request.auth):
        raise PermissionDenied
    if format == "csv":
        return HttpResponse(sheets.template_csv(kind), content_type="text/csv; charset=utf-8")
    return HttpResponse(
        sheets.template_xlsx(kind, Context(request.auth)), content_type=sheets.XLSX_TYPE
    )


class ProblemOut(Schema):
    row: int
    column: str
    messages: list[str]


class ImportFileOut(Schema):
    id: int
    kind: str
    filename: str
    size: int
    status: ImportStatus
    rows: int
    summary: dict
    error_count: int
    errors: list[ProblemOut]
    job_id: int | None
    uploaded_at: datetime.datetime
    imported_at: datetime.datetime | None
    historical: str  # why the office entered it as history into closed periods, or ""

    @staticmethod
    def resolve_summary(upload) -> dict:
        """Records and choices named in the caller's language, as the page shows them."""
        return said.in_words(upload.summary)


@router.post("/imports/kinds/{slug}", response={200: ImportFileOut, 202: ImportFileOut})
def upload_file(
    request,
    slug: str,
    file: File[UploadedFile],
    dry_run: bool = False,
    historical: str = "",
    create_missing: bool = False,
):
    """Upload a CSV or XLSX file of this kind: it is checked (row and column of every problem)
    and, unless `dry_run` or a problem is found, imported, all or nothing. A big file is
    checked on the work queue: the answer is 202 and the file's `job_id` to poll. The office
    enters a past year's records as history, into closed periods, with a reason in
    `historical`; and has what an IATI file names and the programme lacks made from it with
    `create_missing`."""
    actor = request.auth
    upload = services.import_receive(
        actor=actor,
        kind=slug,
        filename=file.name,
        data=file,
        historical=historical,
        create_missing=create_missing,
    )
    if selectors.on_the_queue(upload):
        return 202, services.import_queue(actor=actor, upload=upload)
    if dry_run:
        return 200, services.import_check(actor=actor, upload=upload)
    return 200, services.import_run(actor=actor, upload=upload)


@router.get("/imports/files", response=list[ImportFileOut])
@paginate
def list_files(request, kind: str | None = None):
    """Your uploaded files (every file, for the office), newest first."""
    return selectors.import_file_list(actor=request.auth, kind=kind)


@router.get("/imports/files/{file_id}", response=ImportFileOut)
def get_file(request, file_id: int):
    return selectors.import_file_get(actor=request.auth, pk=file_id)


@router.post("/imports/files/{file_id}/import", response={200: ImportFileOut, 202: ImportFileOut})
def import_file(request, file_id: int):
    """Import a checked file without problems (yours)."""
    actor = request.auth
    upload = selectors.import_file_get(actor=actor, pk=file_id)
    if selectors.on_the_queue(upload):
        return 202, services.import_queue(actor=actor, upload=upload, importing=True)
    return 200, services.import_apply(actor=actor, upload=upload)
