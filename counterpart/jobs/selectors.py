from django.shortcuts import get_object_or_404

from counterpart.accounts import permissions
from counterpart.jobs.models import Job, JobStatus


def job_get(*, actor, pk: int) -> Job:
    """One's own job; any job for the office."""
    jobs = Job.objects.all()
    if not permissions.is_programme_office(actor):
        jobs = jobs.filter(actor=actor) if getattr(actor, "pk", None) else jobs.none()
    return get_object_or_404(jobs, pk=pk)


def job_list(*, actor, status: str | None = None):
    """Every job, for the office: what runs, what waits, what failed and why."""
    permissions.require(permissions.is_programme_office(actor))
    jobs = Job.objects.select_related("actor")
    return jobs.filter(status=status) if status in JobStatus.values else jobs
