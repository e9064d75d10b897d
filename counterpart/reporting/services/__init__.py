"""Writes for reporting: a round's rules and approval chain, reviews of records, and closed
periods (their reopenings, the data freeze and its exceptions)."""

from counterpart.reporting.services.periods import (
    freeze_exception_grant,
    freeze_or_error,
    period_open_or_error,
    period_reopen,
    record_period_open_or_error,
)
from counterpart.reporting.services.reviews import (
    review_approve,
    review_before_edit,
    review_open,
    review_reopen,
    review_return,
    review_submit,
    reviews_decide,
    reviews_open_submitted,
)
from counterpart.reporting.services.rules import reporting_rules_set

__all__ = [
    "freeze_exception_grant",
    "freeze_or_error",
    "period_open_or_error",
    "period_reopen",
    "record_period_open_or_error",
    "reporting_rules_set",
    "review_approve",
    "review_before_edit",
    "review_open",
    "review_reopen",
    "review_return",
    "review_submit",
    "reviews_decide",
    "reviews_open_submitted",
]
