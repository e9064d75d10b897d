from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from counterpart.jobs.choices import JobStatus
from counterpart.jobs.models import Job

# The office oversees all work (answered from memberships by accounts' RoleBackend).
OVERSEE = "jobs.view_job"


def job_get(*, actor, pk: int) -> Job:
    """One's own job; any job for the office."""
    jobs = Job.objects.all()
    if not actor.has_perm(OVERSEE):
        jobs = jobs.filter(actor=actor) if getattr(actor, "pk", None) else jobs.none()
    return get_object_or_404(jobs, pk=pk)


def job_list(*, actor, status: str | None = None):
    """Every job, for the office: what runs, what waits, what failed and why."""
    if not actor.has_perm(OVERSEE):
        raise PermissionDenied
    jobs = Job.objects.select_related("actor")
    return jobs.filter(status=status) if status in JobStatus.values else jobs


def job_waiting(*, kind: str) -> bool:
    """Whether work of this kind is queued and not yet started."""
    return Job.objects.filter(kind=kind, status=JobStatus.QUEUED).exists()
