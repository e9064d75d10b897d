import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from counterpart.accounts.services import system_actor
from counterpart.jobs.management.commands.jobs import follow
from counterpart.jobs.services import job_start
from counterpart.talent import selectors, services
from counterpart.talent.choices import Optimal

STEPS = {"rank": "Ranking applicants to each post", "match": "Matching"}


class Command(BaseCommand):
    help = (
        "Run the matching on every open post and the professionals who ranked them, print how "
        "good the result is, and (with --publish) turn it into placements."
    )

    def add_arguments(self, parser):
        parser.add_argument("--optimal", choices=Optimal.values, default=Optimal.APPLICANT)
        parser.add_argument(
            "--as-of",
            type=datetime.date.fromisoformat,
            help="Leave out people serving on this day (default: today).",
        )
        parser.add_argument("--publish", action="store_true", help="Publish the run.")
        parser.add_argument(
            "--run", type=int, help="With --publish: publish this earlier run instead."
        )
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Run on the work queue (a worker must be running) and follow its progress.",
        )

    def handle(self, *args, optimal, as_of, publish, run, queue=False, **options):
        console = Console()
        actor = system_actor()
        if queue:
            job = job_start(
                actor=None, kind="counterpart.talent.jobs.match_run", params={"optimal": optimal}
            )
            console.print(f"Job {job.pk} queued: start `counterpart worker` if none runs.")
            found = selectors.match_run_get(actor=actor, pk=follow(console, job).result["run"])
            self._print(console, found)
        elif run is not None:
            found = selectors.match_run_list(actor=actor).filter(pk=run).first()
            if found is None:
                raise CommandError(f"--run: no match run {run}")
        else:
            with Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                console=console,
                transient=True,
            ) as progress:
                tasks = {}

                def report(step: str, done: int, total: int) -> None:
                    if step not in tasks:
                        tasks[step] = progress.add_task(STEPS[step], total=total)
                    progress.update(tasks[step], completed=done, total=total)

                found = services.match_run_create(
                    actor=actor, optimal=optimal, today=as_of, progress=report
                )
            self._print(console, found)
        if publish:
            try:
                placements = services.match_run_publish(
                    actor=actor, run=found, expected_version=found.version
                )
            except ValidationError as error:
                raise CommandError("; ".join(error.messages)) from None
            console.print(f"Published match run {found.pk}: {len(placements)} placements.")

    def _print(self, console: Console, run) -> None:
        stats = run.statistics
        table = Table(title=f"Match run {run.pk} · {run.algorithm}")
        table.add_column("figure")
        table.add_column("value", justify="right")
        for label, key in (
            ("professionals", "professionals"),
            ("posts", "posts"),
            ("places", "places"),
            ("placed", "placed"),
            ("fill rate %", "fill_rate"),
            ("placed at their first choice %", "first_choice_share"),
            ("professionals not placed", "unmatched_professionals"),
            ("places left empty", "unfilled_places"),
            ("couples placed", "couples_placed"),
            ("couples", "couples"),
            ("blocking pairs left", "blocking_pairs"),
            ("time to match (ms)", "elapsed_ms"),
        ):
            value = stats.get(key)
            table.add_row(label, "—" if value is None else f"{value:,}")
        console.print(table)
