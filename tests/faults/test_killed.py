"""The process killed (SIGKILL: no clean-up, no handler) in the middle of a large import and of a
match publication: afterwards nothing is half-written, the audit chain verifies, and the same
work done again succeeds. The work runs as `counterpart` commands in a process of their own on
the test database; the test waits until that process is writing inside its transaction."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection

from counterpart.funding.models import Transaction
from counterpart.funding.services import reference_data_restore
from counterpart.interchange.choices import ImportStatus
from counterpart.interchange.models import ImportFile
from counterpart.talent import services as talent_services
from counterpart.talent.choices import MatchRunStatus
from counterpart.talent.models import MatchRun, Placement
from tests import factories as f
from tests.interchange.test_spreadsheets import entry_row, ledger_csv
from tests.talent.fixtures import START, post, professional

pytestmark = pytest.mark.django_db(transaction=True)
ROWS = 40_000


@pytest.fixture(autouse=True)
def reference_data():
    reference_data_restore()  # the database is emptied between these tests


def database_url() -> str:
    where = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{where['NAME']}"
    return f"postgres://{where['USER']}@{where['HOST']}:{where['PORT']}/{where['NAME']}"


def counterpart(*arguments: str) -> subprocess.Popen:
    environment = {**os.environ, "DATABASE_URL": database_url()}
    return subprocess.Popen(
        [sys.executable, str(settings.PROJECT_DIR / "manage.py"), *arguments],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def writing() -> bool:
    """Whether another process is inside a transaction that has written (or locked rows)."""
    if connection.vendor == "sqlite":
        probe = sqlite3.connect(connection.settings_dict["NAME"], timeout=0)
        try:
            probe.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:  # "database is locked": a writer holds it
            return True
        finally:
            probe.close()
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL"
        )
        return cursor.fetchone()[0] > 0


def kill_while_writing(process: subprocess.Popen, held_for: float) -> None:
    """SIGKILL once the process has been writing for `held_for` seconds without a pause."""
    since = None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, "it finished before it could be killed: " + str(
            process.communicate()
        )
        if writing():
            since = since or time.monotonic()
            if time.monotonic() - since >= held_for:
                process.send_signal(signal.SIGKILL)
                process.wait()
                return
        else:
            since = None
        time.sleep(0.02)
    process.kill()
    raise AssertionError("the process never wrote")


def chain_verifies() -> str:
    done = counterpart("audit", "verify")
    out, err = done.communicate(timeout=120)
    assert done.returncode == 0, err
    return out


def test_an_import_killed_half_way_leaves_nothing_and_runs_again(world, tmp_path):
    big = tmp_path / "ledger.csv"
    big.write_bytes(ledger_csv(world, *[entry_row(world, f"BJ-{n}") for n in range(ROWS)]))
    before = Transaction.objects.count()

    process = counterpart("import", "ledger", str(big), "--as", "bj")
    kill_while_writing(process, held_for=0.5)
    assert process.returncode == -signal.SIGKILL

    assert Transaction.objects.count() == before
    assert not ImportFile.objects.filter(status=ImportStatus.IMPORTED).exists()
    chain_verifies()

    again = counterpart("import", "ledger", str(big), "--as", "bj")
    out, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    assert Transaction.objects.count() == before + ROWS
    chain_verifies()


@pytest.fixture
def a_large_run(world, talent):
    """A proposed run placing 600 professionals in 600 posts (each post closing when filled)."""
    posts = [post(talent.hospital, f"Paediatrician {n}") for n in range(600)]
    for n, place in enumerate(posts):
        person = professional(world, talent.beijing_hospital, f"Doctor {n}")
        talent_services.preferences_set(actor=f.system(), professional=person, posts=[place])
    return talent_services.match_run_create(actor=world.user("office"), today=START)


def test_a_publication_killed_half_way_leaves_nothing_and_runs_again(world, a_large_run):
    run = a_large_run
    placed = run.statistics["placed"]
    assert placed >= 600

    process = counterpart("match", "--publish", "--run", str(run.pk))
    kill_while_writing(process, held_for=0.05)
    assert process.returncode == -signal.SIGKILL

    assert Placement.objects.count() == 0
    assert MatchRun.objects.get(pk=run.pk).status == MatchRunStatus.PROPOSED
    chain_verifies()

    again = counterpart("match", "--publish", "--run", str(run.pk))
    out, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    assert Placement.objects.count() == placed
    assert MatchRun.objects.get(pk=run.pk).status == MatchRunStatus.PUBLISHED
    chain_verifies()
