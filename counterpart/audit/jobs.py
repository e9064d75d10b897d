"""The audit chain verified, and its head signed, on the work queue, daily
(settings.JOB_SCHEDULE)."""

from django.urls import reverse

from counterpart.audit.services import audit_chain_check, audit_checkpoint_sign


def verify_audit_chain(*, actor, progress) -> dict:
    check = audit_chain_check()
    return {
        "url": reverse("audit:log"),
        "intact": check.intact,
        "length": check.length,
        "last_hash": check.last_hash,
    }


def sign_checkpoint(*, actor, progress) -> dict:
    checkpoint = audit_checkpoint_sign(actor=actor)
    return {
        "url": reverse("api:audit_checkpoints"),
        "day": checkpoint.day.isoformat(),
        "length": checkpoint.length,
    }
