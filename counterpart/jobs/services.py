"""Starting work on the queue, and running it there: progress, retries with backoff, failure.

The queue has one task, `run_job`, which runs the function a Job names (its `kind`, a dotted
path) as the person who started it. The function reports its progress through the callable it
is given, outside any transaction (so that the page sees it), and writes through services, each
all-or-nothing: a failed or killed attempt leaves nothing half-written.
"""

import datetime
import time
import traceback
import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_tasks import task

from counterpart.audit.services import audit_record
from counterpart.core.said import PHRASES, said
from counterpart.core.service import bookkeeping, service
from counterpart.core.site import origin, request_origin
from counterpart.jobs.choices import JobStatus
from counterpart.jobs.models import Job, job_phrase
from counterpart.jobs.progress import Progress

BACKOFF_SECONDS = 30  # then 2 minutes, then 8: a flaky mail server gets time to come back
STALE_AFTER = datetime.timedelta(minutes=10)  # a running job this silent lost its worker
PROGRESS_EVERY = 0.5  # seconds between two progress writes


@service
def job_start(*, actor, kind: str, params: dict | None = None, max_attempts: int = 3) -> Job:
    """Queue `kind` (the dotted path of a function taking `actor`, `progress` and the params)
    to run as `actor` (None: scheduled work, run as the system). It runs once the caller's
    transaction commits. A kind is named in its app's phrases (what the pages call it)."""
    if job_phrase(kind) not in PHRASES:
        raise ValueError(f"No job {kind!r}: name it in its app's phrases module")
    job = Job.objects.create(
        kind=kind,
        params=params or {},
        actor=actor if getattr(actor, "pk", None) else None,
        max_attempts=max_attempts,
        origin=request_origin(),
    )
    audit_record(
        actor=actor,
        event_type="job.started",
        obj=job,
        after={"kind": said(job_phrase(kind)), "params": job.params},
    )
    run_job.enqueue(job.pk)
    return job


@task()
@bookkeeping(why="the queue's way into job_run")
def run_job(job_id: int) -> None:
    """The queue's one task: run a job's work as the one who started it."""
    job_run(job_id=job_id)


@bookkeeping(why="a job's state and progress as the queue's worker runs it")
def job_run(*, job_id: int) -> None:
    job = Job.objects.select_related("actor").get(pk=job_id)
    if job.finished:
        return
    now = timezone.now()
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING,
        attempts=job.attempts + 1,
        started_at=job.started_at or now,
        heartbeat_at=now,
        error="",
    )
    job.attempts += 1
    try:
        work = import_string(job.kind)
        with origin(job.origin):
            result = work(actor=_actor_of(job), progress=_reporter(job), **job.params)
    except (ValidationError, PermissionDenied) as refused:  # the same every time: not retried
        job.attempts = job.max_attempts
        _failed(job, "; ".join(getattr(refused, "messages", [])) or _("Not allowed."))
        return
    except Exception:  # a fault (a server away, a bug): retried, then shown with its error
        _failed(job, traceback.format_exc(limit=8))
        return
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.DONE, result=result, finished_at=timezone.now()
    )


def _actor_of(job: Job):
    """The one who started the job; None for scheduled work, whose function acts as the
    system itself."""
    return job.actor


def _reporter(job: Job) -> Progress:
    last = [0.0]

    def progress(done: int, total: int, step: str = "") -> None:
        now = time.monotonic()
        if now - last[0] < PROGRESS_EVERY and done < total:
            return
        last[0] = now
        Job.objects.filter(pk=job.pk).update(
            done=done, total=total, step=str(step)[:200], heartbeat_at=timezone.now()
        )

    return progress


def _failed(job: Job, error: str) -> None:
    if job.attempts < job.max_attempts:
        delay = datetime.timedelta(seconds=BACKOFF_SECONDS * 4 ** (job.attempts - 1))
        Job.objects.filter(pk=job.pk).update(status=JobStatus.RETRYING, error=error)
        run_job.using(run_after=timezone.now() + delay).enqueue(job.pk)
    else:
        Job.objects.filter(pk=job.pk).update(
            status=JobStatus.FAILED, error=error, finished_at=timezone.now()
        )


@bookkeeping(why="jobs left running by a worker that stopped, queued again")
def jobs_recover() -> int:
    """Jobs whose worker died mid-way (killed, the machine restarted) are tried again, or failed
    when they have no attempt left: what they wrote was rolled back with their transaction."""
    stale = Job.objects.filter(
        status=JobStatus.RUNNING, heartbeat_at__lt=timezone.now() - STALE_AFTER
    )
    recovered = 0
    for job in stale:
        _failed(job, "The worker stopped while this job ran.")
        recovered += 1
    return recovered


@bookkeeping(why="the daily jobs, queued when they fall due")
def schedule_due(now: datetime.datetime | None = None) -> list[Job]:
    """Start each piece of scheduled work (settings.JOB_SCHEDULE: dotted path → seconds between
    runs) whose time has come; one worker starts it, however many look at once."""
    now = now or timezone.now()
    started = []
    for kind, seconds in settings.JOB_SCHEDULE.items():
        with transaction.atomic():
            last = (
                Job.objects.select_for_update()
                .filter(kind=kind)
                .order_by("-created_at")
                .values_list("created_at", flat=True)
                .first()
            )
            if last is None or now - last >= datetime.timedelta(seconds=seconds):
                started.append(job_start(actor=None, kind=kind))
    return started


@bookkeeping(why="a file a job made, kept for its reader")
def job_file_keep(*, content: bytes, filename: str, content_type: str) -> dict:
    """Keep a file a job made (an export) where only the job's page hands it out; what the job
    returns as its result, so that the page offers it."""
    stored = default_storage.save(f"exports/{uuid.uuid4().hex}-{filename}", ContentFile(content))
    return {"file": stored, "filename": filename, "content_type": content_type}
