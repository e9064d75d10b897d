"""`counterpart backup` and `counterpart restore`: the demo, backed up and restored into an empty
database of the same kind, comes back whole (every table's rows, the ledger's totals, the audit
chain intact); a backup goes only into an empty database of its own kind."""

import json
import os
import subprocess
import sys
import uuid

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count, Sum

from counterpart.funding.services import reference_data_restore
from tests import walk


def facts() -> dict:
    """What must survive: every model's row count and the ledger's totals per kind."""
    counts = {model._meta.label: model._default_manager.count() for model in apps.get_models()}
    ledger = apps.get_model("funding", "Transaction").objects.values("kind")
    totals = ledger.annotate(n=Count("id"), cny=Sum("base_amount_minor")).order_by("kind")
    return {"counts": counts, "ledger": [list(row.values()) for row in totals]}


def in_database(url: str, *command: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    return subprocess.run(
        [sys.executable, *command],
        cwd=settings.PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def empty_database(tmp_path):
    """The address of an empty database of the suite's kind, dropped afterwards."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = f"restore_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    where = connection.settings_dict
    yield f"postgres://{where['USER']}@{where['HOST']}:{where['PORT']}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True)
def test_the_demo_comes_back_whole(tmp_path, empty_database):
    reference_data_restore()  # a flushed database has lost the currencies and sectors
    walk.load_demo()
    before = facts()
    events = before["counts"]["audit.AuditEvent"]
    assert events > 1000 and before["ledger"]

    backup = tmp_path / "demo.backup"
    call_command("backup", str(backup))
    restored = in_database(empty_database, "manage.py", "restore", str(backup))
    assert restored.returncode == 0, restored.stderr

    verified = in_database(empty_database, "manage.py", "audit", "verify")
    assert verified.returncode == 0, verified.stderr
    assert f"intact: {events} events" in verified.stdout
    read = "import django, json; django.setup(); from tests.core.test_backup import facts; "
    after = in_database(empty_database, "-c", read + "print(json.dumps(facts()))")
    assert after.returncode == 0, after.stderr
    after = json.loads(after.stdout)
    after["counts"]["audit.AuditChainCheck"] -= 1  # the verification just made left its verdict
    assert after == json.loads(json.dumps(before))


MAGIC = {"sqlite": b"SQLite format 3\x00", "postgresql": b"PGDMP\x01\x0e\x00"}


@pytest.mark.django_db
def test_a_backup_goes_only_into_an_empty_database(tmp_path, world):
    backup = tmp_path / "world.backup"
    backup.write_bytes(MAGIC[connection.vendor] + bytes(100))
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(backup))


@pytest.mark.django_db
def test_a_backup_of_the_other_kind_is_refused_naming_both(tmp_path):
    other = tmp_path / "other.backup"
    kind = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    other.write_bytes(MAGIC[kind] + bytes(100))
    message = f"{kind} backup and this database is {connection.vendor}"
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(other))


@pytest.mark.django_db
def test_a_file_that_is_no_backup_is_refused(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("ledger totals, 2024")
    with pytest.raises(CommandError, match="is not a Counterpart backup"):
        call_command("restore", str(text))
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("restore", str(tmp_path / "missing.backup"))
