import pytest
from django.db import transaction
from django.urls import reverse

from counterpart.audit.models import AuditEvent
from counterpart.audit.services import audit_record
from counterpart.core.models import AppendOnlyError


def test_audit_events_cannot_be_changed_or_deleted(world):
    event = AuditEvent.objects.first()
    event.reason = "rewritten"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().update(reason="x")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()


@pytest.mark.django_db(transaction=True)
def test_audit_record_refuses_to_run_outside_a_transaction():
    from tests import factories

    region = factories.RegionFactory(level="country")
    with pytest.raises(RuntimeError):
        audit_record(actor=None, event_type="x", obj=region)


def test_a_failed_change_leaves_no_audit_event(world):
    before = AuditEvent.objects.count()
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        audit_record(actor=None, event_type="x", obj=world.beijing)
        1 / 0  # noqa: B018
    assert AuditEvent.objects.count() == before


@pytest.mark.parametrize(
    "role, status",
    [
        ("office", 200),
        ("auditor", 200),
        ("beijing_team", 403),
        ("hotan_team", 403),
        ("professional", 403),
        ("nobody", 403),
    ],
)
def test_who_reads_the_audit_log(client, world, role, status):
    client.force_login(world.user(role))
    assert client.get(reverse("audit:log")).status_code == status


def test_the_log_filters_by_actor_type_and_date(client, world):
    from counterpart.places import services

    services.organization_update(
        actor=world.user("beijing_team"),
        organization=world.beijing,
        expected_version=world.beijing.version,
        description_en="new",
    )
    client.force_login(world.user("auditor"))
    page = client.get(reverse("audit:log"), {"actor": "bj"}).context["page"]
    assert [e.event_type for e in page.object_list] == ["organization.updated"]
    page = client.get(reverse("audit:log"), {"object_type": "pairings.pairing"}).context["page"]
    assert {e.event_type for e in page.object_list} == {"pairing.created"}
    page = client.get(reverse("audit:log"), {"date_to": "2000-01-01"}).context["page"]
    assert list(page.object_list) == []
