import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from counterpart.core.json_input import InputError
from counterpart.design.reading import problem_from, refusal, result_of
from counterpart.engine.design import Infeasible, solve


class Command(BaseCommand):
    requires_system_checks = []  # a data command: the checks would load every view first
    help = (
        "Pairing design: propose who should assist whom. `design solve INPUT.json --out "
        "RESULT.json` (the format is in the README)."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        solving = actions.add_parser(
            "solve",
            help="The design that raises the lowest support per weighted resident, then "
            "changes the fewest current pairings.",
        )
        solving.add_argument("input", type=Path)
        solving.add_argument("--out", type=Path, required=True)
        solving.add_argument("--time-limit", type=float, default=60.0, metavar="SECONDS")
        solving.add_argument("--lang", default="en")

    def handle(self, *args, action, lang, **options):
        with translation.override(lang):
            self._solve(**options)

    def _solve(self, *, input, out, time_limit, **_options):
        try:
            data = json.loads(input.read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"{input}: {error.strerror}") from None
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
            raise CommandError(
                _("%(file)s is not JSON: %(error)s") % {"file": input, "error": error}
            ) from None
        if not 0 < time_limit <= 86_400:
            raise CommandError(_("--time-limit is a number of seconds from 0 to 86,400."))
        try:
            design = solve(problem_from(data), time_limit=time_limit)
        except InputError as error:
            raise CommandError(str(error)) from None
        except Infeasible as error:
            raise CommandError(refusal(error)) from None
        out.write_text(json.dumps(result_of(design), ensure_ascii=False, indent=2) + "\n")
        self.stdout.write(
            _(
                "%(count)s recipients paired; the largest load %(objective).6g weighted "
                "residents per yuan; %(changes)s changes; %(optimal)s (%(seconds).1f s)."
            )
            % {
                "count": len(design.assignment),
                "objective": design.objective,
                "changes": design.changes,
                "optimal": _("proven optimal")
                if design.proven_optimal
                else _("gap %(gap).2g") % {"gap": design.gap},
                "seconds": design.seconds,
            }
        )
