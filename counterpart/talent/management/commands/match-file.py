import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from counterpart.core.json_input import InputError
from counterpart.talent.match_file import match, match_file_from


class Command(BaseCommand):
    requires_system_checks = []  # no database, no views: a file in, a file out
    help = (
        "Match any instance: `match-file INPUT.json --out RESULT.json [--optimal applicant|post]` "
        "(the formats are in the README). No database is needed."
    )

    def add_arguments(self, parser):
        parser.add_argument("input", type=Path)
        parser.add_argument("--out", type=Path, required=True)
        parser.add_argument("--optimal", default="applicant", help="applicant (default) or post")
        parser.add_argument("--lang", default="en")

    def handle(self, *args, input, out, optimal, lang, **options):
        with translation.override(lang):
            result = self._match(input, optimal)
            out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", "utf-8")
            placed = sum(1 for post in result["matched"].values() if post is not None)
            self.stdout.write(
                _(
                    "%(placed)s of %(applicants)s applicants placed; %(singles)s single and "
                    "%(couples)s couple blocking pairs left (%(seconds).2f s)."
                )
                % {
                    "placed": placed,
                    "applicants": len(result["matched"]),
                    "singles": len(result["blocking_singles"]),
                    "couples": len(result["blocking_couples"]),
                    "seconds": result["seconds"],
                }
            )

    def _match(self, input: Path, optimal: str) -> dict:
        try:
            data = json.loads(input.read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"{input}: {error.strerror}") from None
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
            raise CommandError(
                _("%(file)s is not JSON: %(error)s") % {"file": input, "error": error}
            ) from None
        try:
            return match(match_file_from(data), optimal=optimal)
        except InputError as error:
            raise CommandError(str(error)) from None
