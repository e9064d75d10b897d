from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import render

from counterpart.core.pagination import page_of
from counterpart.jobs import selectors
from counterpart.jobs.choices import JobStatus


@login_required
def job_view(request, pk: int):
    """A job's progress; the page polls itself (htmx) until the job has finished."""
    job = selectors.job_get(actor=request.user, pk=pk)
    template = "jobs/_progress.html" if request.headers.get("HX-Request") else "jobs/job.html"
    return render(request, template, {"job": job})


@login_required
def job_list_view(request):
    status = request.GET.get("status") or None
    jobs = selectors.job_list(actor=request.user, status=status)
    return render(
        request,
        "jobs/list.html",
        {"page": page_of(request, jobs), "statuses": JobStatus.choices, "status": status},
    )


@login_required
def job_file_view(request, pk: int):
    """The file a job made, for whoever may see the job."""
    job = selectors.job_get(actor=request.user, pk=pk)
    kept = (job.result or {}).get("file") if job.status == JobStatus.DONE else None
    if not kept or not default_storage.exists(kept):
        raise Http404
    return FileResponse(
        default_storage.open(kept, "rb"),
        as_attachment=True,
        filename=job.result.get("filename", "export"),
        content_type=job.result.get("content_type", "application/octet-stream"),
    )
