from django.core.management.base import BaseCommand, CommandError
from rich.console import Console

from counterpart.audit.services import audit_chain_check


class Command(BaseCommand):
    help = (
        "The audit log's hash chain: `verify` walks every event, reports the first link that "
        "does not hold (an event edited, deleted or inserted behind the application's back) "
        "and exits non-zero; it prints the latest verified hash, which an office may publish."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("verify", help="Walk the chain and report its state.")

    def handle(self, *args, action, **options):
        console = Console()
        with console.status("Walking the audit chain…"):
            check = audit_chain_check()
        if check.intact:
            console.print(f"intact: {check.length} events; latest hash {check.last_hash}")
            return
        where = (
            f"event {check.broken_at} does not match its content and the link before it"
            if check.broken_at is not None
            else check.problem
        )
        raise CommandError(
            f"broken after {check.length} good events (last good hash {check.last_hash}): {where}"
        )
