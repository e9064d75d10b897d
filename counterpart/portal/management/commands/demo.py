from django.core.management.base import BaseCommand
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from counterpart.accounts.services import system_actor
from counterpart.portal.demo.load import STEPS, DemoLoader
from counterpart.portal.demo.people import DEMO_PASSWORD, DEMO_USERS


class Command(BaseCommand):
    help = "Load the demo programme (the 2010 Xinjiang round) and print the demo logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--logins-only",
            action="store_true",
            help="Print the demo logins without loading anything.",
        )

    def handle(self, *args, logins_only=False, **options):
        console = Console()
        if not logins_only:
            with Progress(console=console, transient=True) as progress:
                task = progress.add_task("Loading demo data", total=STEPS)

                def step(label: str) -> None:
                    progress.update(task, description=f"Loading {label}", advance=1)

                created = DemoLoader(actor=system_actor(), step=step).load()
            console.print(f"Demo data ready ({created} records created).")
        table = Table(title="Demo logins (password: " + DEMO_PASSWORD + ")")
        for column in ("username", "name", "role", "organization"):
            table.add_column(column)
        for username, name, organization, role in DEMO_USERS:
            table.add_row(username, name, role.replace("_", " "), organization)
        console.print(table)
