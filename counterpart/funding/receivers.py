"""The ledger keeps its totals true when a project changes what they count by."""

from django.dispatch import receiver

from counterpart.funding.models import Transaction
from counterpart.funding.services import ledger_totals_rebuild
from counterpart.funding.services.ledger import ledger_review_moved
from counterpart.projects.signals import counting_changed
from counterpart.reporting.signals import review_moved


@receiver(counting_changed)
def recount_the_pairing(sender, *, actor, project, **kwargs) -> None:
    ledger_totals_rebuild(actor=actor, pairing=project.pairing)


@receiver(review_moved)
def move_between_totals(sender, *, review, before, after, **kwargs) -> None:
    if review.content_type.model_class() is Transaction:
        ledger_review_moved(review=review, before=before, after=after)
