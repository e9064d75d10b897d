"""The open data files follow approvals: an approval queues their regeneration (once: an
approval while one is waiting adds nothing)."""

from django.dispatch import receiver

from counterpart.jobs.selectors import job_waiting
from counterpart.jobs.services import job_start
from counterpart.reporting.choices import ReviewStatus
from counterpart.reporting.signals import review_moved

PUBLISH = "counterpart.interchange.jobs.publish_open_data"  # named here: loaded at start-up


@receiver(review_moved)
def republish_after_approval(sender, *, review, before, after, **kwargs) -> None:
    if after == ReviewStatus.APPROVED and not job_waiting(kind=PUBLISH):
        job_start(actor=None, kind=PUBLISH)
