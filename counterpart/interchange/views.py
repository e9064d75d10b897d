"""The import pages: the kinds one may import, a kind's template and upload, a file's check
(preview or problems) and its import."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from counterpart.accounts import permissions
from counterpart.core.forms import show_service_errors
from counterpart.core.pagination import page_of
from counterpart.interchange import selectors, services, sheets
from counterpart.interchange.choices import ImportStatus
from counterpart.interchange.forms import UploadForm
from counterpart.interchange.kinds import kind_get, kinds_for
from counterpart.interchange.kinds.base import Context
from counterpart.places import selectors as places


def _importable(request, slug: str):
    kind = kind_get(slug)
    if not kind.may_import(request.user):
        raise PermissionDenied
    return kind


@login_required
def import_home_view(request):
    kinds = kinds_for(request.user)
    files = selectors.import_file_list(actor=request.user)
    if not kinds and not files.exists():
        raise PermissionDenied
    return render(
        request, "interchange/home.html", {"kinds": kinds, "page": page_of(request, files)}
    )


@login_required
def import_kind_view(request, slug: str):
    kind = _importable(request, slug)
    office = permissions.can_manage_programme(request.user)
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        history=kind.keeps_history and office,
        missing=getattr(kind, "creates_missing", False) and office,
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            received = services.import_receive(
                actor=request.user,
                kind=kind.slug,
                filename=upload.name,
                data=upload,
                historical=form.cleaned_data.get("historical", ""),
                create_missing=form.cleaned_data.get("create_missing", False),
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            return _check(request, received)
    files = selectors.import_file_list(actor=request.user, kind=kind.slug)
    return render(
        request,
        "interchange/kind.html",
        {"kind": kind, "form": form, "page": page_of(request, files)},
    )


def _check(request, upload):
    """Check in the request, or on the queue for a big file (its page follows the job)."""
    if selectors.on_the_queue(upload):
        services.import_queue(actor=request.user, upload=upload)
    else:
        services.import_check(actor=request.user, upload=upload)
    return redirect("interchange:file", pk=upload.pk)


def _template_context(request) -> Context:
    return Context(request.user)


@login_required
def template_view(request, slug: str, file_format: str):
    kind = _importable(request, slug)
    if not kind.columns:  # an IATI file has the standard's shape, not a template
        raise Http404
    if file_format == "xlsx":
        content = sheets.template_xlsx(kind, _template_context(request))
        response = HttpResponse(content, content_type=sheets.XLSX_TYPE)
    else:
        response = HttpResponse(sheets.template_csv(kind), content_type="text/csv; charset=utf-8")
    name = f"counterpart-{kind.slug}-{request.LANGUAGE_CODE}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def import_file_view(request, pk: int):
    upload = selectors.import_file_get(actor=request.user, pk=pk)
    kind = kind_get(upload.kind)
    columns = {column.key: column for column in kind.columns}
    return render(
        request,
        "interchange/file.html",
        {
            "upload": upload,
            "kind": kind,
            "may_import": kind.may_import(request.user),
            "errors": [
                {
                    **error,
                    "label": columns[error["column"]].label if error["column"] in columns else "",
                    # the column as the file heads it, in whichever language it was written
                    "header": upload.summary.get("headers", {}).get(error["column"], ""),
                }
                for error in upload.errors
            ],
            "unlisted": upload.error_count - sum(len(e["messages"]) for e in upload.errors),
            "is_uploader": upload.uploaded_by_id == request.user.pk,
            "unmapped": _unmapped(upload),
            "organizations": places.organization_list(actor=request.user)
            if _unmapped(upload)
            else [],
            "regions": places.region_list(actor=request.user) if _unmapped(upload) else [],
            "ready": upload.status == ImportStatus.READY,
        },
    )


def _unmapped(upload) -> list[tuple[str, int, str, str]]:
    """(kind, index, reference, name) of what an IATI file's check could not place."""
    found = upload.summary.get("unmapped", {}) if upload.kind == "iati" else {}
    return [
        (kind, index, ref, name)
        for kind in ("organization", "place")
        for index, (ref, name) in enumerate(found.get(kind, {}).items())
    ]


@login_required
def marked_file_view(request, pk: int):
    """The uploaded file with its faulty cells marked, to fix in place."""
    upload = selectors.import_file_get(actor=request.user, pk=pk)
    kind = kind_get(upload.kind)
    if not kind.columns:
        raise Http404
    errors = selectors.errors_of(upload)
    try:
        content = sheets.marked_xlsx(kind, selectors.import_file_data(upload), errors)
    except sheets.FileRefused as refused:  # nothing in it to mark: its page says why
        page = {"message": str(refused), "upload": upload}
        return render(request, "interchange/unreadable.html", page, status=422)
    response = HttpResponse(content, content_type=sheets.XLSX_TYPE)
    stem = upload.filename.rsplit(".", 1)[0].encode("ascii", "replace").decode().replace('"', "")
    response["Content-Disposition"] = f'attachment; filename="{stem}-problems.xlsx"'
    return response


@login_required
@require_POST
def iati_map_view(request, pk: int):
    """Map the references an IATI file's check could not place, then check it again."""
    upload = selectors.import_file_get(actor=request.user, pk=pk)
    unmapped = upload.summary.get("unmapped", {})
    chosen = [
        (kind, ref, request.POST.get(f"{kind}-{index}", "").strip().split(" ")[0])
        for kind in ("organization", "place")
        for index, ref in enumerate(unmapped.get(kind, {}))
    ]
    try:
        services.iati_mappings_set(
            actor=request.user, mappings=[mapping for mapping in chosen if mapping[2]]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("interchange:file", pk=upload.pk)
    return _check(request, upload)


@login_required
@require_POST
def import_recheck_view(request, pk: int):
    """Check a file again (after a failure on the queue, or when the ledger has moved)."""
    upload = selectors.import_file_get(actor=request.user, pk=pk)
    try:
        return _check(request, upload)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("interchange:file", pk=upload.pk)


@login_required
@require_POST
def import_apply_view(request, pk: int):
    upload = selectors.import_file_get(actor=request.user, pk=pk)
    if selectors.on_the_queue(upload):
        services.import_queue(actor=request.user, upload=upload, importing=True)
        return redirect("interchange:file", pk=upload.pk)
    try:
        done = services.import_apply(actor=request.user, upload=upload)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if done.status == ImportStatus.IMPORTED:
            messages.success(
                request, _("Imported %(count)s rows.") % {"count": done.summary.get("created", 0)}
            )
    return redirect("interchange:file", pk=upload.pk)
