import csv
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from lxml import etree
from rich.console import Console

from counterpart.core.spreadsheets import csv_writer
from counterpart.interchange import services
from counterpart.interchange.iati import export, validate
from counterpart.interchange.management.actor import command_actor
from counterpart.interchange.selectors import iati_codes, publishers, publishes

MAPPING_COLUMNS = ["kind", "ref", "name", "code"]


class Command(BaseCommand):
    requires_system_checks = []  # a data command: the checks would load every view first
    help = (
        "IATI 2.03: export the published projects as an iati-activities file (or the "
        "publishers as an iati-organisations file), check a file against the standard's "
        "schema and ruleset, or import one."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        out = actions.add_parser("export", help="Write the iati-activities file.")
        out.add_argument("--out", type=Path, required=True)
        out.add_argument("--org", help="Only this publisher's (its IATI identifier).")
        out.add_argument(
            "--organisations", action="store_true", help="The iati-organisations file instead."
        )
        check = actions.add_parser("check", help="Check a file: schema, then ruleset.")
        check.add_argument("file", type=Path)
        listed = actions.add_parser(
            "map",
            help=(
                "Write what a file names that the programme does not know (organisations, "
                "places) as a CSV: fill in its code column, then import with --mapping."
            ),
        )
        listed.add_argument("file", type=Path)
        listed.add_argument("--out", type=Path, required=True)
        listed.add_argument("--as", dest="username", help="As `counterpart import --as`.")
        imported = actions.add_parser("import", help="Import an iati-activities file.")
        imported.add_argument("file", type=Path)
        imported.add_argument("--dry-run", action="store_true")
        imported.add_argument("--as", dest="username", help="As `counterpart import --as`.")
        imported.add_argument("--historical", metavar="REASON", default="")
        imported.add_argument(
            "--create-missing",
            action="store_true",
            help="Make the organisations, places and pairings the file names and the "
            "programme lacks (the office: another instance's export).",
        )
        imported.add_argument(
            "--mapping", type=Path, help="A CSV written by `iati map`, its codes filled in."
        )
        imported.add_argument("--lang")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(Console(), **options)

    def _export(self, console, *, out, org, organisations, **_options):
        chosen = publishers()
        if org:
            chosen = [p for p in chosen if p.iati_ref == org]
            if not chosen:
                raise CommandError(f"no publisher with the IATI identifier {org!r}")
        draft = out.with_name(f".{out.name}.part")  # `out` appears only once it holds something
        try:
            if organisations:
                publishing = [p for p in chosen if publishes(p)]
                count = publishing and export.write_organisations(
                    str(draft), publishers=publishing, codes=iati_codes()
                )
                if not count:
                    raise CommandError(f"no publisher publishes anything yet: {out} not written")
                draft.replace(out)
                console.print(f"{count} organisations written to {out}")
                return
            outcome = export.write_activities(
                str(draft), publisher=chosen[0] if org else None, codes=iati_codes()
            )
            for code, why in outcome.skipped:
                console.print(f"  left out {code}: {why}")
            if not outcome.activities:
                raise CommandError(
                    "no activity to publish, so no file was written: a project is published "
                    "under its donor's IATI identifier (set by the office) once it is "
                    "published, approved and dated"
                )
            draft.replace(out)
        finally:
            draft.unlink(missing_ok=True)
        console.print(
            f"{outcome.activities} activities, {outcome.transactions} transactions written to {out}"
        )

    def _mapped(self, console, path: Path, actor) -> None:
        """Say what each reference of the mapping CSV means, all or none: a code the
        programme does not know is named by its row and column."""
        try:
            rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{path}: {error}") from None
        numbered = [
            (number, tuple(row.get(c, "").strip() for c in ("kind", "ref", "code")))
            for number, row in enumerate(rows, start=2)  # the header is row 1
        ]
        filled = [(number, mapping) for number, mapping in numbered if mapping[2]]
        try:
            said = services.iati_mappings_set(
                actor=actor, mappings=[mapping for _number, mapping in filled]
            )
        except ValidationError as refused:
            problems = [
                f"row {filled[int(index)][0]}, code: {message}"
                for index, messages in refused.message_dict.items()
                for message in messages
            ]
            raise CommandError(f"{path}: nothing was mapped: " + "; ".join(problems)) from None
        console.print(f"{said} references mapped from {path}")

    def _check(self, console, *, file, **_options):
        try:
            document = etree.parse(str(file))
        except (OSError, etree.XMLSyntaxError) as error:
            raise CommandError(f"{file}: {error}") from None
        problems = validate.schema_errors(document)
        for problem in problems:
            console.print(f"schema {problem}")
        findings = []
        if not problems:
            try:
                findings = validate.rule_findings(document)
            except validate.StandardMissing as missing:
                console.print(f"the ruleset was not checked: {missing}")
        for finding in findings:
            console.print(str(finding))
        errors = len(problems) + sum(1 for f in findings if f.severity == "error")
        warnings = sum(1 for f in findings if f.severity != "error")
        root = document.getroot()
        organisations = root.tag == "iati-organisations"
        count = len(root.findall("iati-organisation" if organisations else "iati-activity"))
        what = "organisations" if organisations else "activities"
        console.print(f"{count} {what}: {errors} errors, {warnings} warnings")
        if errors:
            raise CommandError(f"{file} does not pass the IATI Standard's checks")

    def _map(self, console, *, file, out, username, **_options):
        """Check the file as the person would (nothing is written) and list what it names
        that needs mapping, with the programme's code to fill in."""
        actor = command_actor(username)
        try:
            data = file.read_bytes()
            upload = services.import_receive(
                actor=actor, kind="iati", filename=file.name, data=data
            )
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}") from None
        except (ValidationError, PermissionDenied) as error:
            raise CommandError("; ".join(getattr(error, "messages", [str(error)]))) from None
        checked = services.import_check(actor=actor, upload=upload)
        unmapped = checked.summary.get("unmapped", {})
        with out.open("w", newline="", encoding="utf-8-sig") as handle:
            writer = csv_writer(handle)
            writer.writerow(MAPPING_COLUMNS)
            for kind in ("organization", "place"):
                for ref, name in unmapped.get(kind, {}).items():
                    writer.writerow([kind, ref, name, ""])
        count = sum(len(found) for found in unmapped.values())
        console.print(
            f"{count} references to map written to {out}: fill in the code column (an "
            f"organisation's or a place's code here), then `iati import {file} --mapping {out}`"
        )

    def _import(
        self,
        console,
        *,
        file,
        dry_run,
        username,
        historical,
        create_missing,
        lang,
        mapping,
        **_options,
    ):
        """The same as `counterpart import iati FILE`: checked, mapped, all or nothing."""
        if mapping is not None:
            self._mapped(console, mapping, command_actor(username))
        told = {
            "username": username,
            "historical": historical,
            "create_missing": create_missing,
            "lang": lang,
        }
        call_command(
            "import",
            "iati",
            str(file),
            *(["--dry-run"] if dry_run else []),
            **{name: value for name, value in told.items() if value},
        )
