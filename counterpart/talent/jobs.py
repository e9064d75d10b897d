"""Talent's work on the queue."""

from django.urls import reverse
from django.utils.translation import gettext as _

from counterpart.accounts.services import system_actor
from counterpart.talent import services


def match_run(*, actor, progress, optimal: str) -> dict:
    """Run the matching (as `services.match_run_create`), reporting how far it got; started
    from the command line (no actor), it runs as the system."""
    run = services.match_run_create(
        actor=actor if actor is not None else system_actor(),
        optimal=optimal,
        progress=lambda step, done, total: progress(done, total, step),
    )
    return {
        "run": run.pk,
        "url": reverse("talent:run", args=[run.pk]),
        "label": _("Review the run"),
    }
