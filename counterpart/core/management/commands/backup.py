from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.progress import Progress

from counterpart.core.backup import BackupError, backup, engine


class Command(BaseCommand):
    help = (
        "Write a backup of the whole database to FILE while the server runs: SQLite through "
        "its online backup API, PostgreSQL through pg_dump's custom format. "
        "`counterpart restore FILE` puts it back into an empty database."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        with Progress(transient=True) as bar:
            task = bar.add_task(f"Backing up the {engine()} database", total=None)
            try:
                backup(
                    file, progress=lambda done, total: bar.update(task, completed=done, total=total)
                )
            except BackupError as error:
                raise CommandError(str(error)) from error
        self.stdout.write(f"backup: {file} ({file.stat().st_size:,} bytes, {engine()})")
