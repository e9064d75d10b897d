import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from counterpart.accounts.services import system_actor
from counterpart.pairings.models import PairingRound
from counterpart.places import selectors as places
from counterpart.reporting import selectors, services
from counterpart.reporting.choices import PeriodLength, ReviewMode, ReviewStatus

day = datetime.date.fromisoformat


class Command(BaseCommand):
    help = (
        "Reporting as the programme office: a round's rules and approval chain, the reviews, "
        "approving or returning one, reopening a closed period."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        rules = actions.add_parser("rules", help="Show or change a round's reporting rules.")
        rules.add_argument("round", type=int, help="The round's year, e.g. 2010.")
        rules.add_argument("--review", choices=ReviewMode.values)
        rules.add_argument(
            "--level",
            action="append",
            help="An approval level, in order: programme_office, donor_team, or "
            "recipient_team:prefecture (repeat for each level; replaces the chain).",
        )
        rules.add_argument("--periods", choices=PeriodLength.values)
        rules.add_argument("--close-after", type=int, help="Days after a period ends.")
        rules.add_argument("--freeze", type=day, help="No ledger entry dated before (ISO date).")
        reviews = actions.add_parser("reviews", help="List reviews.")
        reviews.add_argument("--status", choices=ReviewStatus.values)
        for name in ("approve", "return"):
            act = actions.add_parser(name, help=f"{name.capitalize()} a review as the office.")
            act.add_argument("review", type=int)
            act.add_argument("--comment", default="")
        reopen = actions.add_parser("reopen", help="Reopen a closed period.")
        reopen.add_argument("round", type=int)
        reopen.add_argument("--period", type=day, required=True, help="A day in the period.")
        reopen.add_argument("--until", type=day, required=True)
        reopen.add_argument("--reason", required=True)
        reopen.add_argument("--organization", help="Only for this organization (its code).")
        reopen.add_argument("--region", help="Only for the teams of this place (its code).")

    def handle(self, *args, action, **options):
        actor, console = system_actor(), Console()
        try:
            getattr(self, f"_{action}")(actor, console, **options)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        except PermissionDenied:
            raise CommandError(
                "The office does not act at this step (another level does)."
            ) from None

    def _rules(self, actor, console, *, round, review, level, periods, close_after, freeze, **_):
        round_ = self._round(round)
        changes = {
            name: value
            for name, value in (
                ("review_mode", review),
                ("period_length", periods),
                ("closes_after_days", close_after),
                ("freeze_before", freeze),
            )
            if value is not None
        }
        if level is not None:
            changes["levels"] = [tuple((part.split(":", 1) + [""])[:2]) for part in level]
        if changes:
            services.reporting_rules_set(actor=actor, round=round_, **changes)
        rules = selectors.rules_of(round_)
        chain = " → ".join(str(level) for level in selectors.chain_of(round_)) or "—"
        console.print(
            f"Round {round_.year}: review {rules.review_mode}; chain {chain}; "
            f"{rules.period_length} periods closing after {rules.closes_after_days} days; "
            f"freeze {rules.freeze_before or '—'}"
        )

    def _reviews(self, actor, console, *, status, **_):
        reviews = selectors.review_list(actor, status=status or "")
        table = Table(title=f"{reviews.count()} reviews")
        for column in ("id", "record", "round", "status", "levels approved", "changed"):
            table.add_column(column)
        for review in reviews[:200]:
            table.add_row(
                str(review.pk),
                review.title,
                str(review.round.year),
                review.status,
                str(review.level),
                f"{review.updated_at:%Y-%m-%d %H:%M}",
            )
        console.print(table)
        if reviews.count() > 200:
            console.print("The first 200 are shown: filter with --status, or use the API.")

    def _approve(self, actor, console, *, review, comment, **_):
        done = services.review_approve(
            actor=actor, review=self._review(actor, review), comment=comment
        )
        console.print(f"Review {done.pk}: {done.status}, {done.level} levels approved.")

    def _return(self, actor, console, *, review, comment, **_):
        done = services.review_return(
            actor=actor, review=self._review(actor, review), comment=comment
        )
        console.print(f"Review {done.pk} returned.")

    def _reopen(self, actor, console, *, round, period, until, reason, organization, region, **_):
        opened = services.period_reopen(
            actor=actor,
            round=self._round(round),
            period_start=period,
            until=until,
            reason=reason,
            organization=self._found(places.organization_by_code, organization, "organization"),
            region=self._found(places.region_by_code, region, "region"),
        )
        console.print(f"Reopened the period from {opened.period_start} until {opened.until}.")

    def _round(self, year: int) -> PairingRound:
        found = PairingRound.objects.filter(year=year).first()
        if found is None:
            raise CommandError(f"round: no round of {year}")
        return found

    def _review(self, actor, pk: int):
        found = selectors.review_list(actor).filter(pk=pk).first()
        if found is None:
            raise CommandError(f"review: no review {pk}")
        return found

    def _found(self, lookup, code: str | None, field: str):
        if code is None:
            return None
        found = lookup(actor=None, code=code)
        if found is None:
            raise CommandError(f"--{field}: nothing has the code {code!r}")
        return found
