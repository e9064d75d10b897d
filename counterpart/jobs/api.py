import datetime

from ninja import Router, Schema

from counterpart.jobs import selectors
from counterpart.jobs.choices import JobStatus

router = Router(tags=["jobs"])


class JobOut(Schema):
    id: int
    kind: str
    status: JobStatus
    attempts: int
    max_attempts: int
    done: int
    total: int
    step: str
    result: dict | None
    created_at: datetime.datetime
    finished_at: datetime.datetime | None


@router.get("/jobs/{job_id}", response=JobOut)
def get_job(request, job_id: int):
    """Work started on the queue: poll it until `status` is done or failed."""
    return selectors.job_get(actor=request.auth, pk=job_id)
