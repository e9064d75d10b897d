"""Backups of the whole database, taken while the server runs, and their restoration into an
empty database. SQLite: its online backup API (a consistent copy, page by page, while others
write). PostgreSQL: `pg_dump` in its custom format (one snapshot) and `pg_restore`."""

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

from django.db import connection

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
# The whole copy in one step: one read transaction, so one consistent moment. (In steps, a write
# by the server between two steps would restart the copy, perhaps for ever on a busy day; in WAL
# mode the one long read blocks no writer.)
PAGES_PER_STEP = -1

Progress = Callable[[int, int], None]  # (done, total) pages


class BackupError(Exception):
    pass


def engine() -> str:
    return connection.vendor  # "sqlite" or "postgresql"


def backup(path: Path, progress: Progress | None = None) -> None:
    """Write the current database to `path` (replaced only once the copy is whole)."""
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    if engine() == "sqlite":
        sqlite_copy(source=live_sqlite(), target_path=partial, progress=progress)
    else:
        run_pg_tool("pg_dump", "--format=custom", "--no-owner", "--file", str(partial))
    os.replace(partial, path)


def restore(path: Path, progress: Progress | None = None) -> None:
    """Fill the current database, which must be empty, from the backup at `path`."""
    kind = backup_kind(path)
    if kind != engine():
        raise BackupError(
            f"{path} is a {kind} backup and this database is {engine()}: restore it into a "
            f"database of the same kind."
        )
    if connection.introspection.table_names():
        raise BackupError(
            "This database is not empty: a backup is restored into an empty database only "
            "(create one and point DATABASE_URL at it)."
        )
    if kind == "sqlite":
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as source:
            sqlite_copy(source=source, target=live_sqlite(), progress=progress)
    else:
        run_pg_tool(
            "pg_restore", "--no-owner", "--exit-on-error", "--single-transaction", str(path)
        )


def backup_kind(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise BackupError(f"{path} cannot be read: {error.strerror}") from error
    if head == SQLITE_MAGIC:
        return "sqlite"
    if head.startswith(PG_DUMP_MAGIC):
        return "postgresql"
    raise BackupError(f"{path} is not a Counterpart backup (neither SQLite nor pg_dump's format).")


def live_sqlite() -> sqlite3.Connection:
    connection.ensure_connection()
    return connection.connection


def sqlite_copy(source, progress, target=None, target_path=None) -> None:
    def step(status, remaining, total):
        if progress:
            progress(total - remaining, total)

    if target is None:
        with sqlite3.connect(target_path) as target:
            source.backup(target, pages=PAGES_PER_STEP, progress=step)
        target.close()
    else:
        source.backup(target, pages=PAGES_PER_STEP, progress=step)


def run_pg_tool(tool: str, *arguments: str) -> None:
    settings = connection.settings_dict
    environment = {**os.environ, "PGPASSWORD": settings.get("PASSWORD") or ""}
    where = [
        f"--host={settings.get('HOST') or 'localhost'}",
        f"--port={settings.get('PORT') or 5432}",
        f"--username={settings.get('USER') or 'postgres'}",
        f"--dbname={settings['NAME']}",
    ]
    done = subprocess.run(
        [pg_tool(tool), *where, *arguments], env=environment, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise BackupError(f"{tool} failed: {done.stderr.strip()}")


def pg_tool(name: str) -> str:
    """The tool on PATH, else the newest of Debian's PostgreSQL installations."""
    found = shutil.which(name)
    if found:
        return found
    installed = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=pg_major)
    if not installed:
        raise BackupError(f"{name} is not installed (apt-get install postgresql-client).")
    return str(installed[-1])


def pg_major(path: Path) -> int:
    version = path.parent.parent.name
    return int(version) if version.isdigit() else 0
