"""Journeys: what each role really does, clicked through in Chromium on the demo exactly as
`manage.py demo` loads it, with the server's clock on another day.

Each run gets the demo loaded on its day (built once per day, in a process of its own whose
clock time-machine moves, and copied for each run), a server and a queue worker of its own on
that copy with the same clock, and e-mails written to files. A journey runs in English on four
days (today, the last day of this quarter, 90 and 400 days ahead) and in Chinese and Uyghur
today; its texts come from the catalogues (`t`), so one journey reads in every language."""

import datetime
import fcntl
import hashlib
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import closing, contextmanager
from dataclasses import dataclass
from email import message_from_bytes
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.utils import translation

from counterpart.engine.periods import period_containing
from tests.e2e.conftest import Pages

HERE = Path(__file__).resolve().parent
BUILT = settings.PROJECT_DIR / "var" / "journeys"
MANAGE = [sys.executable, str(settings.PROJECT_DIR / "manage.py")]
DEMO_PASSWORD = "counterpart-demo"


def _days() -> dict[str, datetime.date]:
    today = datetime.date.today()
    return {
        "today": today,
        "quarter-end": period_containing(today, "quarter").end,
        "plus-90": today + datetime.timedelta(days=90),
        "plus-400": today + datetime.timedelta(days=400),
    }


DAYS = _days()
RUNS = [
    *[pytest.param(("en", day), id=f"en-{day}") for day in DAYS],
    pytest.param(("zh-hans", "today"), id="zh-hans-today"),
    pytest.param(("ug", "today"), id="ug-today"),
]
LOCALES = {"en": "en-US", "zh-hans": "zh-CN", "ug": "ug"}


def pytest_collection_modifyitems(items):
    for item in items:
        if str(item.path).startswith(str(HERE) + os.sep):
            item.add_marker(pytest.mark.e2e)


def _environment(day: datetime.date, database: Path, hour: int = 9, **more) -> dict:
    inherited = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in inherited}
    return environment | {
        "DEBUG": "1",
        "COUNTERPART_TODAY": f"{day.isoformat()}T{hour:02d}:00",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(_files(database)),  # the files it publishes are its own
        **more,
    }


def _code_digest() -> str:
    """What the built demo depends on: the migrations, the demo's loader and facts, and the
    way it is built here. A copy built by older code is not reused."""
    digest = hashlib.sha256()
    package = settings.PROJECT_DIR / "counterpart"
    built_by = [
        *package.glob("*/migrations/*.py"),
        *package.glob("demo/**/*"),
        HERE / "conftest.py",
    ]
    for path in sorted(built_by):
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _built_once(built: Path, make) -> Path:
    """`built`, made by `make(path)` at a temporary path by whichever process of the suite
    comes first, then kept for the others."""
    BUILT.mkdir(parents=True, exist_ok=True)
    with open(BUILT / f"{built.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not built.exists():
            making = built.with_name(f"making-{built.name}")
            making.unlink(missing_ok=True)
            make(making)
            making.rename(built)
    return built


def _migrated() -> Path:
    """An empty database with every migration applied: the same for every day's demo."""

    def migrate(path: Path) -> None:
        command = [*MANAGE, "migrate", "--no-input", "-v0"]
        environment = _environment(datetime.date.today(), path, hour=7)
        subprocess.run(command, env=environment, check=True, capture_output=True)

    return _built_once(BUILT / f"migrated-{_code_digest()}.sqlite3", migrate)


def demo_database(day: datetime.date) -> Path:
    """The demo as `manage.py demo` loads it on `day`, on a copy of the migrated database."""
    built = BUILT / f"demo-{day.isoformat()}-{_code_digest()}.sqlite3"

    def load(path: Path) -> None:
        shutil.copy(_migrated(), path)
        environment = _environment(day, path, hour=7)  # before the servers' 09:00
        subprocess.run([*MANAGE, "demo"], env=environment, check=True, capture_output=True)
        # The day's scheduled work (open data published, the audit chain walked and signed,
        # digests and reminders), done at 07:00 as a server's first morning would, once for
        # the day rather than by the worker of each journey (seconds of each one's time).
        command = [*MANAGE, "worker", "--once", "--skip-checks"]
        subprocess.run(command, env=environment, check=True, capture_output=True)
        shutil.rmtree(_files(built), ignore_errors=True)
        _files(path).rename(_files(built))
        for stale in BUILT.glob("*.sqlite3"):  # built by older code: not needed again
            if not stale.name.endswith(f"-{_code_digest()}.sqlite3"):
                stale.unlink(missing_ok=True)
                shutil.rmtree(_files(stale), ignore_errors=True)

    return _built_once(built, load)


def _files(database: Path) -> Path:
    return database.parent / f"{database.stem}-files"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Served:
    url: str
    day: datetime.date
    language: str
    mail: Path
    database: Path

    def row(self, table: str, **where) -> dict:
        """A record of the served demo as the database holds it (for its id, or its name in
        the run's language), read beside the server."""
        clause = " AND ".join(
            f"{column} IS NULL" if value is None else f"{column} = ?"
            for column, value in where.items()
        )
        values = [value for value in where.values() if value is not None]
        with closing(sqlite3.connect(self.database)) as connection:
            connection.row_factory = sqlite3.Row
            found = connection.execute(
                f"SELECT * FROM {table} WHERE {clause} ORDER BY id", values
            ).fetchone()
        assert found is not None, (table, where)
        return dict(found)

    def name(self, table: str, **where) -> str:
        """A record's name as the run's language shows it."""
        found = self.row(table, **where)
        if self.language == "zh-hans":
            return found["name_zh"] or found["name_en"]
        if self.language == "ug":
            return found["name_ug"] or found["name_zh"] or found["name_en"]
        return found["name_en"]

    def emails(self) -> list:
        """The e-mails sent so far, oldest first."""
        files = sorted(self.mail.glob("*.log"), key=lambda p: p.stat().st_mtime)
        return [message_from_bytes(part) for f in files for part in _messages(f.read_bytes())]

    def wait_for_email(self, to: str, timeout: float = 30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for message in reversed(self.emails()):
                if to in message["To"]:
                    return message
            time.sleep(0.3)
        raise AssertionError(f"No e-mail to {to} within {timeout} s")


def _messages(data: bytes) -> list[bytes]:
    """Django's file backend writes each message followed by a line of 79 dashes."""
    return [m.strip() for m in data.split(b"-" * 79) if m.strip()]


@contextmanager
def serving(tmp_path: Path, language: str, day_name: str):
    """The demo on a day: a server and a queue worker of their own on a copy of it."""
    day = DAYS[day_name]
    database = tmp_path / "demo.sqlite3"
    built = demo_database(day)
    shutil.copy(built, database)
    shutil.copytree(_files(built), _files(database))
    mail = tmp_path / "mail"
    mail.mkdir()
    port = _free_port()
    environment = _environment(
        day,
        database,
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mail),
        ALLOWED_HOSTS="127.0.0.1,localhost",
    )
    log = (tmp_path / "server.log").open("w")
    processes = [
        subprocess.Popen(
            [*MANAGE, "runserver", "--noreload", "--skip-checks", f"127.0.0.1:{port}"],
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        ),
        subprocess.Popen(
            [*MANAGE, "worker", "--interval", "0.2", "--skip-checks"],
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        ),
    ]
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                requests.get(url + "/accounts/login/", timeout=5)
                break
            except (requests.ConnectionError, requests.Timeout):  # not up, or still warming up
                if time.monotonic() > deadline or processes[0].poll() is not None:
                    raise
                time.sleep(0.3)
        yield Served(url=url, day=day, language=language, mail=mail, database=database)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=20)
        log.close()


@pytest.fixture(params=RUNS)
def served(request, tmp_path, browser):
    language, day_name = request.param
    with serving(tmp_path, language, day_name) as found:
        yield found


@pytest.fixture
def pages(browser, served):
    found = Pages(browser, served.url)
    yield found
    found.check()


@pytest.fixture
def t(served):
    """A text of the interface as the run's language shows it."""

    def translated(text: str, plural: str = "", number: int = 0, /, **values) -> str:
        with translation.override(served.language):
            if plural:
                shown = translation.ngettext(text, plural, number)
            else:
                shown = translation.gettext(text)
        return shown % values if values else shown

    return translated


def field(page, label: str):
    """The form field labelled exactly `label` (a required one's label ends with " *")."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


@pytest.fixture
def person(pages, served, t):
    """A browser of a demo user (or of the public, with None), in the run's language."""

    def open_as(username: str | None):
        page = pages.open(locale=LOCALES[served.language])
        page.context.add_cookies(
            [{"name": "django_language", "value": served.language, "url": served.url}]
        )
        if username:
            page.goto("/accounts/login/")
            page.get_by_label(t("Username")).fill(username)
            page.get_by_label(t("Password")).fill(DEMO_PASSWORD)
            page.get_by_role("button", name=t("Sign in")).click()
            page.wait_for_url("**/")
        return page

    return open_as
