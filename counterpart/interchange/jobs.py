"""Checking and importing big files on the work queue, with progress."""

from django.urls import reverse

from counterpart.core.said import said
from counterpart.interchange import selectors, services
from counterpart.interchange.phrases import SEE_CHECK, SEE_IMPORT, SEE_OPEN_DATA


def import_check(*, actor, progress, upload_id: int) -> dict:
    upload = selectors.import_file_get(actor=actor, pk=upload_id)
    services.import_check(actor=actor, upload=upload, progress=progress)
    return {"url": reverse("interchange:file", args=[upload.pk]), "label": said(SEE_CHECK)}


def import_apply(*, actor, progress, upload_id: int) -> dict:
    upload = selectors.import_file_get(actor=actor, pk=upload_id)
    services.import_apply(actor=actor, upload=upload, progress=progress)
    return {"url": reverse("interchange:file", args=[upload.pk]), "label": said(SEE_IMPORT)}


def publish_open_data(*, actor, progress) -> dict:
    """Regenerate the open data page's files (after approvals, and daily)."""
    made = services.open_data_publish(actor=actor, progress=progress)
    return {"url": reverse("opendata:home"), "label": said(SEE_OPEN_DATA), "files": len(made)}
