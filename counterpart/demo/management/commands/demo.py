from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from counterpart.accounts.services import system_actor
from counterpart.demo.load import STEPS, DemoLoader
from counterpart.demo.places import DEMO_PASSWORD, USERS


class Command(BaseCommand):
    help = "Load the demo programme (the 2010 Xinjiang round) and print the demo logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--logins-only",
            action="store_true",
            help="Print the demo logins without loading anything.",
        )
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load even with DEBUG off: the demo's logins have a published password.",
        )
        parser.add_argument(
            "--professionals",
            type=int,
            default=1500,
            help="How many professionals the generated (illustrative) round has.",
        )

    def handle(self, *args, logins_only=False, allow_production=False, **options):
        if not logins_only and not settings.DEBUG and not allow_production:
            raise CommandError(
                "The demo creates logins whose password is published, among them the "
                "programme office's. DEBUG is off, so this looks like a real installation: "
                "refusing. Run with --allow-production to load it anyway."
            )
        console = Console()
        if not logins_only:
            with Progress(console=console, transient=True) as progress:
                task = progress.add_task("Loading demo data", total=len(STEPS))

                def step(label: str) -> None:
                    progress.update(task, description=f"Loading {label}", advance=1)

                created = DemoLoader(
                    actor=system_actor(),
                    step=step,
                    generated_professionals=options["professionals"],
                ).load()
            console.print(f"Demo data ready ({created} records created).")
        table = Table(title="Demo logins (password: " + DEMO_PASSWORD + ")")
        for column in ("username", "name", "role", "organization"):
            table.add_column(column)
        for row in USERS:
            table.add_row(
                row["username"],
                row["display_name"],
                row["role"].replace("_", " "),
                row["organization"],
            )
        console.print(table)
