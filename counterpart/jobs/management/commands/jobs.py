import time

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from counterpart.jobs.choices import JobStatus
from counterpart.jobs.models import Job

FINISHED = (JobStatus.DONE, JobStatus.FAILED)


class Command(BaseCommand):
    help = "Background work: list the jobs (what runs, waits or failed), or follow one."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        listing = actions.add_parser("list", help="The latest jobs.")
        listing.add_argument("--status", choices=JobStatus.values)
        listing.add_argument("--limit", type=int, default=50)
        follow = actions.add_parser("follow", help="Show a job's progress until it ends.")
        follow.add_argument("job", type=int)
        follow.add_argument("--interval", type=float, default=1.0)

    def handle(self, *args, action, **options):
        console = Console()
        if action == "list":
            self._list(console, options["status"], options["limit"])
        else:
            job = Job.objects.filter(pk=options["job"]).first()
            if job is None:
                raise CommandError(f"no job {options['job']}")
            follow(console, job, interval=options["interval"])

    def _list(self, console, status, limit):
        jobs = Job.objects.select_related("actor").order_by("-created_at")
        if status:
            jobs = jobs.filter(status=status)
        table = Table(title=f"{jobs.count()} jobs (the latest {limit} shown)")
        for column in ("id", "started", "work", "by", "status", "attempts", "error"):
            table.add_column(column)
        for job in jobs[:limit]:
            table.add_row(
                str(job.pk),
                f"{job.created_at:%Y-%m-%d %H:%M}",
                job.kind.rsplit(".", 1)[-1],
                str(job.actor or "system"),
                job.get_status_display(),
                f"{job.attempts}/{job.max_attempts}",
                (job.error.strip().splitlines() or [""])[-1][:60],
            )
        console.print(table)


def follow(console: Console, job: Job, *, interval: float = 1.0) -> Job:
    """A progress bar of the job as workers report it, until it is done or has failed."""
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=console
    ) as progress:
        bar = progress.add_task(job.kind.rsplit(".", 1)[-1], total=None)
        while True:
            job.refresh_from_db()
            progress.update(
                bar,
                completed=job.done,
                total=job.total or None,
                description=f"{job.step or job.get_status_display()}",
            )
            if job.status in FINISHED:
                break
            time.sleep(interval)
    if job.status == JobStatus.FAILED:
        raise CommandError(f"job {job.pk} failed: {(job.error.strip().splitlines() or [''])[-1]}")
    console.print(f"Job {job.pk} done: {job.result}")
    return job
