"""The ledger keeps its totals true when a project changes what they count by."""

from django.dispatch import receiver

from counterpart.funding.services import ledger_totals_rebuild
from counterpart.projects.signals import counting_changed


@receiver(counting_changed)
def recount_the_pairing(sender, *, actor, project, **kwargs) -> None:
    ledger_totals_rebuild(actor=actor, pairing=project.pairing)
