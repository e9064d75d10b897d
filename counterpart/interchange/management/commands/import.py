import time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from counterpart.core.said import worded
from counterpart.interchange import services
from counterpart.interchange.choices import ImportStatus
from counterpart.interchange.kinds import KINDS
from counterpart.interchange.management.actor import command_actor
from counterpart.jobs.progress import beating, step_words


class Command(BaseCommand):
    requires_system_checks = []  # a data command: the checks would load every view first
    help = (
        "Import a CSV or XLSX file of one kind, all or nothing, through the same checks as the "
        "import page: `counterpart import ledger entries.xlsx --as bj-team --dry-run`."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=[*KINDS, "iati"])
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and preview; write nothing."
        )
        parser.add_argument(
            "--as",
            dest="username",
            help="Import as this person, in their scope (default: IMPORT_AS, an office user).",
        )
        parser.add_argument(
            "--historical",
            metavar="REASON",
            default="",
            help=(
                "The office enters a past year's records as history: closed periods take "
                "them, approved; the reason goes to the audit log."
            ),
        )
        parser.add_argument(
            "--create-missing",
            action="store_true",
            help=(
                "An IATI file: make the organisations, places and pairings it names and the "
                "programme lacks (the office: another instance's export)."
            ),
        )
        parser.add_argument(
            "--lang",
            choices=[code for code, _name in settings.LANGUAGES],
            help="The language of the answer (default: the person's own, else English).",
        )

    def handle(self, *args, username, lang, **options):
        actor = command_actor(username)
        with translation.override(lang or getattr(actor, "language", "") or "en"):
            self._import(actor=actor, **options)

    def _import(self, *, actor, kind, file, dry_run, historical, create_missing, **options):
        console = Console()
        try:
            data = file.open("rb")  # read as a stream: a big file is never in memory whole
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}") from None
        with (
            data,
            Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=console
            ) as progress,
        ):
            bar = progress.add_task(step_words("read"), total=None)
            said_at, last = [0.0], [step_words("read")]

            def report(done: int, total: int, step: str = "") -> None:
                words = step_words(step)
                progress.update(bar, completed=done, total=total or None, description=words)
                last[0] = f"{words} {done:,}/{total:,}"
                if not console.is_terminal and time.monotonic() - said_at[0] >= 1:
                    said_at[0] = time.monotonic()  # a log or a pipe gets a line a second
                    console.print(last[0])

            def still() -> None:  # a step that reports nothing for a while (the commit)
                if not console.is_terminal and time.monotonic() - said_at[0] >= 1:
                    said_at[0] = time.monotonic()
                    console.print(f"{last[0]} …")

            try:
                with beating(still):
                    upload = services.import_receive(
                        actor=actor,
                        kind=kind,
                        filename=file.name,
                        data=data,
                        historical=historical,
                        create_missing=create_missing,
                    )
                    if dry_run:
                        upload = services.import_check(actor=actor, upload=upload, progress=report)
                    else:
                        upload = services.import_run(actor=actor, upload=upload, progress=report)
            except PermissionDenied:
                raise CommandError(
                    _("%(person)s may not import %(kind)s.") % {"person": actor, "kind": kind}
                ) from None
            except ValidationError as error:
                raise CommandError("; ".join(error.messages)) from None
        self._report(console, upload, dry_run)

    def _report(self, console, upload, dry_run: bool) -> None:
        headers = upload.summary.get("headers", {})
        for note in upload.summary.get("notes", []):
            where = _("row %(row)s") % {"row": note["row"]} if note["row"] else _("headers")
            console.print(f"  {where}: {worded(note['message'])}")
        if upload.status == ImportStatus.REFUSED:
            table = Table(
                title=ngettext(
                    "%(count)s problem in %(file)s",
                    "%(count)s problems in %(file)s",
                    upload.error_count,
                )
                % {"count": upload.error_count, "file": upload.filename}
            )
            for column in (_("Row"), _("Column"), _("Problem")):
                table.add_column(column)
            for error in upload.errors:
                column = headers.get(error["column"], error["column"])
                for message in error["messages"]:
                    table.add_row(str(error["row"] or _("headers")), column, message)
            console.print(table)
            raise CommandError(
                _("Nothing was imported. The file with its problems marked: %(address)s")
                % {"address": f"/import/files/{upload.pk}/"}
            )
        created = upload.summary.get("created", 0)
        if made := upload.summary.get("made"):
            console.print(
                _(
                    "Made from the file: places %(places)s, organizations %(organizations)s, "
                    "pairings %(pairings)s, rounds %(rounds)s."
                )
                % {
                    key: made.get(key, 0)
                    for key in ("places", "organizations", "pairings", "rounds")
                }
            )
        for skipped in upload.summary.get("skipped", []):
            console.print(
                "  " + _("Left out, as the programme does not keep them:") + f" {skipped}"
            )
        if dry_run:
            console.print(
                _("%(rows)s rows read; importing would create %(created)s records.")
                % {"rows": upload.rows, "created": created}
            )
        else:
            console.print(
                _("%(rows)s rows read; %(created)s records created.")
                % {"rows": upload.rows, "created": created}
            )
        for effect in upload.summary.get("effects", []):
            share = effect["share_ppm"]
            console.print(
                f"  {worded(effect['donor'])} {effect['year']} {worded(effect['rule'])}: "
                f"{'—' if share is None else f'{share / 10_000:.1f} %'}"
            )
