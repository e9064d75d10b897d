import urllib.request
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console

from counterpart.audit import checkpoints, selectors
from counterpart.audit.services import audit_chain_check, audit_checkpoint_sign


class Command(BaseCommand):
    help = (
        "The audit log's hash chain: `verify` walks every event, reports the first link that "
        "does not hold (an event edited, deleted or inserted behind the application's back) "
        "and exits non-zero; with --checkpoints it also checks that the chain still passes "
        "through every checkpoint of a copy kept elsewhere (a chain recomputed after deleted "
        "events does not). `checkpoint` signs today's head now (the daily job does)."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        verify = actions.add_parser("verify", help="Walk the chain and report its state.")
        verify.add_argument(
            "--checkpoints",
            metavar="URL-OR-FILE",
            help="Published checkpoints (audit-checkpoints.json, or its address) to check.",
        )
        verify.add_argument(
            "--key", help="The site's public key (base64) the checkpoints must be signed with."
        )
        actions.add_parser("checkpoint", help="Sign the chain's head as it stands today.")

    def handle(self, *args, action, checkpoints=None, key=None, **options):
        console = Console()
        if action == "checkpoint":
            made = audit_checkpoint_sign()
            console.print(f"{made.day}: {made.length} events, {made.chain_hash}")
            return
        with console.status("Walking the audit chain…"):
            check = audit_chain_check()
        if not check.intact:
            where = (
                f"event {check.broken_at} does not match its content and the link before it"
                if check.broken_at is not None
                else check.problem
            )
            raise CommandError(
                f"broken after {check.length} good events (last good hash {check.last_hash}): "
                f"{where}"
            )
        console.print(f"intact: {check.length} events; latest hash {check.last_hash}")
        if checkpoints:
            self._against(console, checkpoints, key)

    def _against(self, console, source: str, key: str | None) -> None:
        published = checkpoints.read_published(_read(source))
        problems = selectors.checkpoints_not_held(published, trusted_key=key)
        if problems:
            raise CommandError(
                "the log does not extend the published checkpoints:\n" + "\n".join(problems)
            )
        console.print(f"extends all {len(published)} published checkpoints")


def _read(source: str) -> str:
    if source.startswith(("https://", "http://")):
        with urllib.request.urlopen(source, timeout=30) as answer:  # noqa: S310 (http(s) only)
            return answer.read().decode()
    return Path(source).read_text()
