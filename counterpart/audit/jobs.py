"""The audit chain verified on the work queue, daily (settings.JOB_SCHEDULE)."""

from django.urls import reverse

from counterpart.audit.services import audit_chain_check


def verify_audit_chain(*, actor, progress) -> dict:
    check = audit_chain_check()
    return {
        "url": reverse("audit:log"),
        "intact": check.intact,
        "length": check.length,
        "last_hash": check.last_hash,
    }
