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


def test_every_event_a_service_records_has_a_name_in_words():
    """A code the log would show raw: each event code written in the sources is named."""
    import pathlib
    import re

    from counterpart.audit.events import EVENT_NAMES

    root = pathlib.Path(__file__).resolve().parents[2] / "counterpart"
    codes = set()
    for path in root.rglob("*.py"):
        for line in path.read_text().splitlines():
            if re.search(r"\bevent(_type)?\s*=", line):
                codes.update(re.findall(r'"([a-z_]+\.[a-z_]+)"', line))
    assert len(codes) > 100  # the pattern still finds them
    assert sorted(codes - set(EVENT_NAMES)) == []


def test_the_log_reads_in_words_with_changed_fields_by_label(client, world):
    from django.utils import translation

    from counterpart.places import services

    services.organization_update(
        actor=world.user("beijing_team"),
        organization=world.beijing,
        expected_version=world.beijing.version,
        description_en="A new description",
    )
    client.force_login(world.user("auditor"))
    page = client.get(reverse("audit:log"), {"event_type": "organization.updated"})
    html = page.content.decode()
    assert "Organization changed" in html
    table = html.split('<table class="audit">', 1)[1].split("</tbody>", 1)[0]
    assert "Organization changed" in table and "organization.updated" not in table
    row = page.context["rows"][0]
    change = next(c for c in row.changes if c.after.text == "A new description")
    assert change.label == "Description (English)" or "English" in change.label
    with translation.override("zh-hans"):
        html = client.get(
            reverse("audit:log"),
            {"event_type": "organization.updated"},
            HTTP_ACCEPT_LANGUAGE="zh-hans",
        ).content.decode()
    assert "机构已更改" in html


def test_a_long_list_in_an_event_is_a_count_with_a_link_to_the_whole_event(client, world):
    from django.db import transaction

    ids = list(range(1, 31))
    with transaction.atomic():
        event = audit_record(
            actor=world.user("office"),
            event_type="project.sectors_set",
            obj=world.beijing,
            before={"members": []},
            after={"members": ids, "kind": "province"},
        )
    client.force_login(world.user("office"))
    row = next(r for r in client.get(reverse("audit:log")).context["rows"] if r.event == event)
    members = next(c for c in row.changes if c.label == "Members")
    assert members.after.text == "30 items" and members.after.cut
    assert row.cut
    whole = client.get(reverse("audit:event", args=[event.pk]))
    assert whole.status_code == 200
    assert ", ".join(map(str, ids)) in whole.content.decode()
    kind = next(c for c in whole.context["row"].changes if c.label == "Kind")
    assert kind.after.text != "province"  # the choice's label, not its code


@pytest.mark.parametrize("role, status", [("office", 200), ("auditor", 200), ("beijing_team", 403)])
def test_who_reads_one_event(client, world, role, status):
    client.force_login(world.user(role))
    event = AuditEvent.objects.first()
    assert client.get(reverse("audit:event", args=[event.pk])).status_code == status
    assert client.get(reverse("audit:event", args=[2**62])).status_code in (403, 404)
