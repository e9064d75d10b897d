"""The open data page's files, generated from what is published and approved, and the
office's choices for them."""

import hashlib
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.audit.services import audit_record
from counterpart.audit.snapshot import snapshot
from counterpart.core.arguments import UNSET, given
from counterpart.core.service import service
from counterpart.interchange import open_data, selectors, sheets
from counterpart.interchange.iati import codelists, export
from counterpart.interchange.iati.validate import StandardMissing
from counterpart.interchange.models import OpenDataSettings, PublishedFile
from counterpart.jobs.progress import ignore_progress

FLOW_TYPES, FINANCE_TYPES, AID_TYPES = (
    lambda: codelists.codes("FlowType"),
    lambda: codelists.codes("FinanceType"),
    lambda: codelists.codes("AidType"),
)


def _publish_file(name: str, data: bytes, content_type: str, rows: int, now) -> PublishedFile:
    stored = default_storage.save(f"open-data/{uuid.uuid4().hex}-{name}", ContentFile(data))
    previous = PublishedFile.objects.filter(name=name).first()
    published, _created = PublishedFile.objects.update_or_create(
        name=name,
        defaults={
            "stored": stored,
            "content_type": content_type,
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
            "rows": rows,
            "generated_at": now,
        },
    )
    if previous is not None and previous.stored != stored:
        transaction.on_commit(lambda: default_storage.delete(previous.stored))
    return published


@service
def open_data_publish(*, actor, progress=ignore_progress) -> list[PublishedFile]:
    """Generate every file of the open data page from what is published and approved now:
    the aggregates as CSV and XLSX, the IATI activities (all, and each publisher's) and
    organisations. Run on the queue after approvals, and daily."""
    if actor is not None and getattr(actor, "pk", None):
        permissions.require(permissions.can_manage_programme(actor))
    now = timezone.now()
    codes = selectors.iati_codes()
    chosen = selectors.publishers()
    steps = 2 * len(open_data.DATASETS) + 2 + 2 * len(chosen)
    made = []
    for dataset in open_data.DATASETS:
        data, rows = open_data.write_csv(dataset)
        made.append(_publish_file(f"{dataset.slug}.csv", data, open_data.CSV_TYPE, rows, now))
        progress(len(made), steps, dataset.slug)
        data, rows = open_data.write_xlsx(dataset)
        made.append(_publish_file(f"{dataset.slug}.xlsx", data, sheets.XLSX_TYPE, rows, now))
    xml = "application/xml"
    data, activities = open_data.write_iati(lambda out: export.write_activities(out, codes=codes))
    if activities:  # an iati-activities file holds at least one activity
        made.append(_publish_file("iati-activities.xml", data, xml, activities, now))
    publishing = []  # the organisations file lists those that publish something
    for publisher in chosen:
        data, count = open_data.write_iati(
            lambda out, p=publisher: export.write_activities(out, publisher=p, codes=codes)
        )
        if count:
            publishing.append(publisher)
            name = f"iati-activities-{publisher.iati_ref}.xml"
            made.append(_publish_file(name, data, xml, count, now))
            data, count = open_data.write_iati(
                lambda out, p=publisher: export.write_organisations(
                    out, publishers=[p], codes=codes
                )
            )
            name = f"iati-organisation-{publisher.iati_ref}.xml"
            made.append(_publish_file(name, data, xml, count, now))
        progress(len(made), steps, publisher.iati_ref)
    if publishing:
        data, count = open_data.write_iati(
            lambda out: export.write_organisations(out, publishers=publishing, codes=codes)
        )
        made.append(_publish_file("iati-organisations.xml", data, xml, count, now))
    kept = {f.name for f in made}
    for stale in PublishedFile.objects.exclude(name__in=kept):  # a publisher no longer one
        transaction.on_commit(lambda path=stale.stored: default_storage.delete(path))
        stale.delete()
    audit_record(
        actor=actor,
        event_type="open_data.published",
        obj=made[-1],
        after={"files": len(made), "activities": activities},
    )
    return made


@service
def open_data_settings_set(
    *,
    actor,
    licence: str = UNSET,
    licence_note: str = UNSET,
    flow_type: str = UNSET,
    finance_type: str = UNSET,
    aid_type: str = UNSET,
    spread_budgets: bool = UNSET,
) -> OpenDataSettings:
    """The office's choices of licence, of the IATI codes declared for every activity, and
    whether a project's total budget is spread over its years where it has no yearly ones."""
    permissions.require(permissions.can_manage_programme(actor))
    chosen = OpenDataSettings.objects.select_for_update().first() or OpenDataSettings()
    before = snapshot(chosen) if chosen.pk else None
    changes = given(
        licence=licence,
        licence_note=licence_note,
        flow_type=flow_type,
        finance_type=finance_type,
        aid_type=aid_type,
        spread_budgets=spread_budgets,
    )
    errors = {}
    if "spread_budgets" in changes and type(changes["spread_budgets"]) is not bool:
        errors["spread_budgets"] = _("Yes or no: true or false.")
    for name, allowed in (
        ("flow_type", FLOW_TYPES),
        ("finance_type", FINANCE_TYPES),
        ("aid_type", AID_TYPES),
    ):
        if not changes.get(name):
            continue
        try:
            if changes[name] not in allowed():
                errors[name] = _("Not a code of IATI's list.")
        except StandardMissing:
            errors[name] = _("IATI's code lists are not installed here: this cannot be checked.")
    for name, value in changes.items():
        if name not in errors:
            setattr(chosen, name, value)
    try:
        chosen.full_clean()
    except ValidationError as invalid:
        errors.update({k: v[0] for k, v in invalid.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    chosen.save()
    audit_record(
        actor=actor,
        event_type="open_data.settings_set",
        obj=chosen,
        before=before,
        after=snapshot(chosen),
    )
    return chosen
