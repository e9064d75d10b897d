from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.progress import Progress

from counterpart.core.backup import BackupError, engine, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `counterpart backup` into this database, which must be empty "
        "and of the same kind (SQLite or PostgreSQL). Afterwards `counterpart audit verify` "
        "shows that the record is whole."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        with Progress(transient=True) as bar:
            task = bar.add_task(f"Restoring into the {engine()} database", total=None)
            try:
                restore(
                    file, progress=lambda done, total: bar.update(task, completed=done, total=total)
                )
            except BackupError as error:
                raise CommandError(str(error)) from error
        self.stdout.write(f"restored: {file} into the {engine()} database")
