"""Checkpoints: the chain's head signed each day with the site's key and published. A chain
recomputed after events were deleted walks intact, and only a checkpoint kept elsewhere tells."""

import base64
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.core.management import CommandError, call_command
from django.db import connection

from counterpart.audit import chain
from counterpart.audit.models import AuditChainHead, AuditEvent
from counterpart.audit.selectors import checkpoints_not_held
from counterpart.audit.services import audit_chain_check, audit_checkpoint_sign
from tests.audit.test_chain import changes, raw  # noqa: F401 (the fixture)


@pytest.fixture
def kept(client, changes, tmp_path):  # noqa: F811
    """Today's checkpoint, as someone saved the open-data file that publishes it."""
    audit_checkpoint_sign()
    published = client.get("/open-data/audit-checkpoints.json")
    assert published.status_code == 200
    saved = tmp_path / "audit-checkpoints.json"
    saved.write_bytes(published.content)
    return saved


def _recompute_chain_after_deleting(event_id: int) -> None:
    """What someone with the database and the code could do: delete an event and rebuild
    every hash after it, and the head, so that the chain walks intact."""
    raw("DELETE FROM audit_auditevent WHERE id = %s", [event_id])
    previous = chain.GENESIS
    for row in AuditEvent.objects.order_by("id").values(*chain.FIELDS):
        previous = chain.link(previous, row)
        raw("UPDATE audit_auditevent SET chain_hash = %s WHERE id = %s", [previous, row["id"]])
    count = AuditEvent.objects.count()
    raw("UPDATE audit_auditchainhead SET length = %s, chain_hash = %s", [count, previous])


def test_the_log_extends_its_published_checkpoints_as_it_grows(kept, world):
    world.beijing.refresh_from_db()
    audit_chain_check()  # more events after the checkpoint change nothing
    published = json.loads(kept.read_text())["checkpoints"]
    assert len(published) == 1 and published[0]["length"] == AuditChainHead.objects.get().length - 1
    assert checkpoints_not_held(published) == []
    call_command("audit", "verify", "--checkpoints", str(kept))


def test_a_chain_rebuilt_after_a_deletion_walks_intact_but_misses_its_checkpoint(kept, changes):  # noqa: F811
    _recompute_chain_after_deleting(changes[1])
    assert audit_chain_check().intact  # the walk alone cannot tell
    with pytest.raises(CommandError, match="does not extend the published checkpoints"):
        call_command("audit", "verify", "--checkpoints", str(kept))


def test_a_checkpoint_altered_in_the_copy_fails_its_signature(kept):
    document = json.loads(kept.read_text())
    document["checkpoints"][0]["length"] -= 1
    assert any("signature" in p for p in checkpoints_not_held(document["checkpoints"]))
    someone_else = Ed25519PrivateKey.generate().public_key()
    other = base64.b64encode(someone_else.public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()
    assert any(
        "signature" in p
        for p in checkpoints_not_held(
            json.loads(kept.read_text())["checkpoints"], trusted_key=other
        )
    )


def test_one_checkpoint_a_day_and_it_is_public(client, changes):  # noqa: F811
    first, again = audit_checkpoint_sign(), audit_checkpoint_sign()
    assert first == again
    listed = client.get("/api/audit/checkpoints").json()
    assert listed["count"] == 1 and listed["items"][0]["chain_hash"] == first.chain_hash
    page = client.get("/open-data/").content.decode()
    assert "audit-checkpoints.json" in page and first.chain_hash[:8] in page
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) FROM audit_auditevent WHERE event_type = %s",
            ["audit.checkpoint_signed"],
        )
        assert cursor.fetchone()[0] == 1


def test_a_hash_that_holds_a_phone_numbers_digits_is_signed(changes, monkeypatch):  # noqa: F811
    """A chain hash is hexadecimal: one in a few dozen holds eleven digits that read as a
    mobile number, and the privacy guard had refused to record its checkpoint."""
    head = AuditChainHead.objects.get()
    looks_like_a_phone = "13812345678" + head.chain_hash[11:]
    AuditChainHead.objects.filter(pk=head.pk).update(chain_hash=looks_like_a_phone)
    assert audit_checkpoint_sign().chain_hash == looks_like_a_phone
