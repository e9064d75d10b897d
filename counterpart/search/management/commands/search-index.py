from django.core.management.base import BaseCommand

from counterpart.accounts.services import system_actor
from counterpart.search.services import search_entries_rebuild


class Command(BaseCommand):
    help = (
        "Write the search box's entries again from the records (they follow every change: "
        "this is for a database whose tables were written by other means)."
    )

    def handle(self, *args, **options):
        count = search_entries_rebuild(actor=system_actor())
        self.stdout.write(f"{count} search entries written.")
