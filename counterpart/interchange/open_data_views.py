"""The open data page (public): the files as last generated, each with its time, size and
ETag, the data dictionary and the licence; the office's settings and a button to regenerate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_POST

from counterpart.accounts import permissions
from counterpart.audit import selectors as audit
from counterpart.core.forms import show_service_errors
from counterpart.interchange import open_data, selectors, services
from counterpart.interchange.forms import OpenDataSettingsForm
from counterpart.interchange.receivers import PUBLISH
from counterpart.jobs.selectors import job_waiting
from counterpart.jobs.services import job_start


def open_data_view(request):
    files = selectors.published_file_list()
    settings_form = None
    if permissions.can_manage_programme(request.user):
        chosen = selectors.open_data_settings()
        settings_form = OpenDataSettingsForm(
            request.POST or None,
            initial={name: getattr(chosen, name) for name in OpenDataSettingsForm.base_fields},
        )
        if request.method == "POST" and settings_form.is_valid():
            try:
                services.open_data_settings_set(actor=request.user, **settings_form.cleaned_data)
            except ValidationError as error:
                show_service_errors(settings_form, error)
            else:
                messages.success(request, _("Saved: the next files follow these choices."))
                return redirect("opendata:home")
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "interchange/open_data.html",
        {
            "files": files,
            "datasets": open_data.DATASETS,
            "chosen": selectors.open_data_settings(),
            "settings_form": settings_form,
            "regenerating": job_waiting(kind=PUBLISH),
            "checkpoint": audit.checkpoint_list().first(),
        },
    )


def audit_checkpoints_view(request):
    """Every signed checkpoint of the audit chain, oldest first: the file to keep elsewhere
    and give to `counterpart audit verify --checkpoints`."""
    signed = [c.as_json() for c in audit.checkpoint_list().order_by("day")]
    response = JsonResponse({"checkpoints": signed}, json_dumps_params={"indent": 1})
    response["Content-Disposition"] = 'inline; filename="audit-checkpoints.json"'
    return response


@login_required
@require_POST
def open_data_publish_view(request):
    permissions.require(permissions.can_manage_programme(request.user))
    job = job_start(actor=request.user, kind=PUBLISH)
    return redirect("jobs:detail", pk=job.pk)


def _published(request, name: str):
    return selectors.published_file_get(name=name)


def _etag(request, name: str):
    found = selectors.published_file_find(name=name)
    return f'"{found.sha256}"' if found else None


def _modified(request, name: str):
    found = selectors.published_file_find(name=name)
    return found.generated_at if found else None


@condition(etag_func=_etag, last_modified_func=_modified)
def published_file_view(request, name: str):
    """A file as generated: its ETag and Last-Modified let a harvester fetch it only anew."""
    published = _published(request, name)
    if not default_storage.exists(published.stored):
        raise Http404
    response = FileResponse(
        default_storage.open(published.stored, "rb"),
        content_type=published.content_type,
        filename=published.name,  # what the page calls it, not the stored file's name
    )
    response["Content-Length"] = str(published.size)
    response["Cache-Control"] = "public, max-age=300"
    return response
