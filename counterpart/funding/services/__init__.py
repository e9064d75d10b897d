"""Writes for the funding app; each module's services are importable from here."""

from counterpart.funding.services.entries import Entry
from counterpart.funding.services.ledger import (
    BulkError,
    ledger_totals_rebuild,
    receipt_confirm,
    transaction_preview,
    transaction_record,
    transaction_reverse,
    transactions_record_bulk,
)
from counterpart.funding.services.rates import exchange_rate_record
from counterpart.funding.services.reference import reference_data_restore
from counterpart.funding.services.rules import compliance_rule_create, compliance_rule_update

__all__ = [
    "BulkError",
    "Entry",
    "compliance_rule_create",
    "compliance_rule_update",
    "exchange_rate_record",
    "ledger_totals_rebuild",
    "receipt_confirm",
    "reference_data_restore",
    "transaction_preview",
    "transaction_record",
    "transaction_reverse",
    "transactions_record_bulk",
]
