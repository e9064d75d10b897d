"""Exchange events go through review: registered with reporting when the app is ready."""

from django.urls import reverse

from counterpart.accounts import permissions
from counterpart.core.said import said
from counterpart.exchanges.models import ExchangeEvent
from counterpart.exchanges.phrases import EVENT
from counterpart.reporting.registry import Scope, register


def may_organize(actor, pairing) -> bool:
    """The pairing's donor team, the team of its recipient place, or the office."""
    return permissions.can_act_for_donor(actor, pairing.donor) or permissions.serves_region(
        actor, pairing.recipient
    )


def _scope(event: ExchangeEvent) -> Scope:
    return Scope(
        round=event.pairing.round,
        donor=event.pairing.donor,
        region=event.pairing.recipient,
        title=said(EVENT, event=event, date=event.starts_on),
        link=reverse("exchanges:edit", args=[event.pk]),
    )


def register_reviewed() -> None:
    register(
        ExchangeEvent,
        scope=_scope,
        may_edit=lambda actor, event: may_organize(actor, event.pairing),
    )
