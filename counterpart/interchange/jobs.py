"""Checking and importing big files on the work queue, with progress."""

from django.urls import reverse
from django.utils.translation import gettext as _

from counterpart.interchange import selectors, services


def import_check(*, actor, progress, upload_id: int) -> dict:
    upload = selectors.import_file_get(actor=actor, pk=upload_id)
    services.import_check(actor=actor, upload=upload, progress=progress)
    return {"url": reverse("interchange:file", args=[upload.pk]), "label": _("See the check")}


def import_apply(*, actor, progress, upload_id: int) -> dict:
    upload = selectors.import_file_get(actor=actor, pk=upload_id)
    services.import_apply(actor=actor, upload=upload, progress=progress)
    return {"url": reverse("interchange:file", args=[upload.pk]), "label": _("See the import")}


def publish_open_data(*, actor, progress) -> dict:
    """Regenerate the open data page's files (after approvals, and daily)."""
    made = services.open_data_publish(actor=actor, progress=progress)
    return {"url": reverse("opendata:home"), "label": _("See the open data"), "files": len(made)}
