"""Ledger entries go through review: registered with reporting when the app is ready."""

from functools import lru_cache

from django.urls import get_script_prefix, reverse
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.core.said import choice, money, said
from counterpart.funding.models import Transaction
from counterpart.funding.phrases import ENTRY
from counterpart.reporting.registry import Scope, register


def _scope(entry: Transaction) -> Scope:
    return Scope(
        round=entry.pairing.round,
        donor=entry.pairing.donor,
        region=entry.region,
        title=said(
            ENTRY,
            kind=choice(entry, "kind"),
            amount=money(entry.amount_minor, entry.currency_id),
            date=entry.value_date,
            donor=entry.pairing.donor,
            recipient=entry.pairing.recipient,
        ),
        link=_detail_link(entry.pk),
    )


def _detail_link(pk: int) -> str:
    """An entry's page, the address resolved once (a file's million entries each link here)."""
    head, tail = _detail_link_around(get_script_prefix())
    return f"{head}{pk}{tail}"


@lru_cache
def _detail_link_around(_prefix: str) -> tuple[str, str]:
    marker = 987654321
    head, tail = reverse("funding:detail", args=[marker]).split(str(marker))
    return head, tail


def _may_record(actor, entry: Transaction) -> bool:
    return permissions.can_act_for_donor(actor, entry.pairing.donor)


def _reversed(entry: Transaction) -> str:
    if Transaction.objects.filter(reverses=entry).exists():
        return _("This entry was reversed: there is nothing left to approve.")
    return ""


def register_reviewed() -> None:
    register(
        Transaction,
        scope=_scope,
        may_edit=_may_record,
        reopenable=False,
        settled_elsewhere=_reversed,
        scope_reads=("pairing__round", "pairing__donor", "pairing__recipient", "region"),
    )
