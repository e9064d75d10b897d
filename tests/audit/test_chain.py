"""The audit log is a hash chain: a change made behind the application's back is found, named by
the first event whose link does not hold, by the page, the command and the daily job."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from counterpart.audit.models import AuditEvent
from counterpart.audit.services import audit_chain_check
from counterpart.places import services as places


@pytest.fixture
def changes(world):
    """A few more events, made through the services."""
    office = world.user("office")
    for text in ("one", "two", "three"):
        organization = type(world.beijing).objects.get(pk=world.beijing.pk)
        places.organization_update(
            actor=office,
            organization=organization,
            expected_version=organization.version,
            description_en=f"Description {text}",
        )
    return list(AuditEvent.objects.order_by("id").values_list("id", flat=True))


def raw(sql, params=()):
    with connection.cursor() as cursor:  # behind the application's back
        cursor.execute(sql, params)


def test_the_services_chain_every_event(changes):
    check = audit_chain_check()
    assert check.intact and check.length == len(changes) > 3
    assert check.last_hash == AuditEvent.objects.order_by("-id").first().chain_hash


def test_an_event_edited_in_the_database_breaks_the_chain_there(changes):
    middle = changes[len(changes) // 2]
    raw("UPDATE audit_auditevent SET reason = %s WHERE id = %s", ["nothing happened", middle])
    check = audit_chain_check()
    assert not check.intact and check.broken_at == middle
    assert check.length == changes.index(middle)


def test_an_event_deleted_in_the_middle_breaks_the_next_link(changes):
    middle = changes[len(changes) // 2]
    raw("DELETE FROM audit_auditevent WHERE id = %s", [middle])
    assert audit_chain_check().broken_at == changes[changes.index(middle) + 1]


def test_the_last_event_deleted_is_noticed_by_the_head(changes):
    raw("DELETE FROM audit_auditevent WHERE id = %s", [changes[-1]])
    check = audit_chain_check()
    assert not check.intact and check.broken_at is None
    assert f"records {len(changes)} events" in check.problem


def test_an_event_inserted_in_the_database_breaks_the_chain(changes):
    event = AuditEvent.objects.get(pk=changes[-1])
    raw(
        "INSERT INTO audit_auditevent (occurred_at, actor_label, event_type, object_type, "
        "object_id, object_repr, reason, chain_hash) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
        [event.occurred_at, "ghost", "transaction.recorded", "x", "1", "x", "", event.chain_hash],
    )
    check = audit_chain_check()
    assert not check.intact and check.broken_at > changes[-1]


def test_the_command_reports_the_first_broken_link_and_fails(changes, capsys):
    call_command("audit", "verify")
    assert "intact" in capsys.readouterr().out
    raw("UPDATE audit_auditevent SET object_repr = %s WHERE id = %s", ["forged", changes[1]])
    with pytest.raises(CommandError, match=f"event {changes[1]} does not match"):
        call_command("audit", "verify")


@pytest.mark.parametrize("role, status", [("auditor", 302), ("office", 302), ("beijing_team", 403)])
def test_who_may_walk_the_chain_from_the_page(client, changes, world, role, status):
    client.force_login(world.user(role))
    assert client.post(reverse("audit:verify")).status_code == status
    assert client.get(reverse("audit:verify")).status_code == 405


def test_the_log_page_shows_the_chains_state_and_its_latest_hash(client, changes, world):
    client.force_login(world.user("auditor"))
    assert "Not verified yet" in client.get(reverse("audit:log")).content.decode()
    check = audit_chain_check()
    page = client.get(reverse("audit:log")).content.decode()
    assert check.last_hash in page and "intact" in page
    raw("UPDATE audit_auditevent SET reason = %s WHERE id = %s", ["x", changes[0]])
    audit_chain_check()
    assert "broken" in client.get(reverse("audit:log")).content.decode()
