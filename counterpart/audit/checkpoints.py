"""Checkpoints: the audit chain's head (its length and last hash) signed each day with the
site's Ed25519 key and published, so that a copy kept outside the database can tell later
whether the chain still extends what was published. A chain recomputed after events were
deleted ends in other hashes, and no longer holds a published (length, hash).

The key is read from settings.AUDIT_SIGNING_KEY_FILE (PEM, PKCS #8), and made there once, readable
by its owner only, when it does not exist. Keep a copy of that file with the backups."""

import base64
import datetime
import json
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings

PURPOSE = "counterpart-audit-checkpoint"


def statement(day: datetime.date, length: int, chain_hash: str) -> bytes:
    """The exact bytes signed: what the checkpoint vouches for, and nothing else."""
    return f"{PURPOSE}\n{day.isoformat()}\n{length}\n{chain_hash}".encode()


def _key() -> Ed25519PrivateKey:
    path = Path(settings.AUDIT_SIGNING_KEY_FILE)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        made = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as written:
            written.write(made)
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path} does not hold an Ed25519 private key")
    return key


def public_key() -> str:
    raw = (
        _key().public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    return base64.b64encode(raw).decode()


def sign(day: datetime.date, length: int, chain_hash: str) -> str:
    """The statement's signature, in base64."""
    return base64.b64encode(_key().sign(statement(day, length, chain_hash))).decode()


def signature_holds(checkpoint: dict, trusted_key: str | None = None) -> bool:
    """Whether a published checkpoint was signed by the key it names (or by `trusted_key`)."""
    key = Ed25519PublicKey.from_public_bytes(
        base64.b64decode(trusted_key or checkpoint["public_key"])
    )
    try:
        key.verify(
            base64.b64decode(checkpoint["signature"]),
            statement(
                datetime.date.fromisoformat(checkpoint["day"]),
                int(checkpoint["length"]),
                checkpoint["chain_hash"],
            ),
        )
    except (InvalidSignature, ValueError):
        return False
    return True


def read_published(text: str) -> list[dict]:
    """The checkpoints of a published document (the open-data file, or a saved copy of it)."""
    document = json.loads(text)
    found = document["checkpoints"] if isinstance(document, dict) else document
    return sorted(found, key=lambda checkpoint: int(checkpoint["length"]))
