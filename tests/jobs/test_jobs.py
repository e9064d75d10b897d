"""Work on the queue: it runs as the one who started it, shows its progress, is retried with
backoff, is shown to the office when it fails for good, and leaves nothing half-written."""

import datetime
import re

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult

from counterpart.core.said import PHRASES
from counterpart.jobs import services
from counterpart.jobs.choices import JobStatus
from counterpart.jobs.models import Job
from counterpart.places.models import Region
from tests.jobs import work  # noqa: F401  (names the tests' kinds of work)


def run_due_now():
    """What the worker does once the backoff has passed."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    call_command("worker", "--once")


def test_a_job_runs_on_the_queue_as_its_starter_with_progress(world, client):
    office = world.user("office")
    job = services.job_start(
        actor=office, kind="tests.jobs.work.count_regions", params={"names": ["a", "b"]}
    )
    assert job.status == JobStatus.QUEUED and not Region.objects.filter(code="T-a").exists()
    call_command("worker", "--once")
    job.refresh_from_db()
    assert (job.status, job.done, job.total, job.attempts) == (JobStatus.DONE, 2, 2, 1)
    assert job.result["regions"] == Region.objects.count()
    client.force_login(office)
    assert "Done" in client.get(f"/jobs/{job.pk}/").content.decode()
    client.force_login(world.user("beijing_team"))  # someone else's job is not found
    assert client.get(f"/jobs/{job.pk}/").status_code == 404


def test_a_refused_job_fails_at_once_with_the_reason(world):
    job = services.job_start(  # Beijing's team may not create regions: it runs as that team
        actor=world.user("beijing_team"),
        kind="tests.jobs.work.count_regions",
        params={"names": ["a"]},
    )
    call_command("worker", "--once")
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.FAILED, 1)
    assert not Region.objects.filter(code="T-a").exists()


def test_a_failing_job_is_retried_with_backoff_then_shown_to_the_office(world, client):
    job = services.job_start(
        actor=world.user("office"),
        kind="tests.jobs.work.count_regions",
        params={"names": ["a", "boom"]},
        max_attempts=3,
    )
    call_command("worker", "--once")
    job.refresh_from_db()
    assert job.status == JobStatus.RETRYING and "mail server is down" in job.error
    waiting = DBTaskResult.objects.get(status="READY")
    assert waiting.run_after > timezone.now() + datetime.timedelta(seconds=20)  # backoff
    run_due_now()
    run_due_now()
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.FAILED, 3)
    assert not Region.objects.filter(code="T-a").exists()  # nothing half-written, ever
    client.force_login(world.user("office"))
    listed = client.get("/jobs/?status=failed").content.decode()
    assert "mail server is down" in listed
    client.force_login(world.user("beijing_team"))
    assert client.get("/jobs/").status_code == 403


def test_a_job_whose_worker_died_runs_again(world):

    work.ATTEMPTS.clear()
    job = services.job_start(actor=world.user("office"), kind="tests.jobs.work.interrupted")
    with pytest.raises(KeyboardInterrupt):
        services.job_run(job_id=job.pk)  # as the worker would, until it is killed
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING  # no one is left to say it stopped
    assert services.jobs_recover() == 0  # not yet silent long enough
    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - datetime.timedelta(hours=1))
    assert services.jobs_recover() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.RETRYING and DBTaskResult.objects.filter(status="READY").exists()


def test_scheduled_work_starts_once_per_period(world, settings):
    settings.JOB_SCHEDULE = {"tests.jobs.work.count_regions": 3600}
    now = timezone.now()
    assert len(services.schedule_due(now)) == 1
    assert services.schedule_due(now + datetime.timedelta(minutes=30)) == []
    assert len(services.schedule_due(now + datetime.timedelta(hours=2))) == 1


def test_the_command_line_lists_and_follows_jobs(world, capsys):
    done = services.job_start(
        actor=world.user("office"), kind="tests.jobs.work.count_regions", params={"names": ["a"]}
    )
    refused = services.job_start(
        actor=world.user("beijing_team"),
        kind="tests.jobs.work.count_regions",
        params={"names": ["b"]},
    )
    call_command("worker", "--once")
    call_command("jobs", "follow", str(done.pk), "--interval", "0")
    assert f"Job {done.pk} done" in capsys.readouterr().out
    with pytest.raises(CommandError, match="failed"):
        call_command("jobs", "follow", str(refused.pk), "--interval", "0")
    call_command("jobs", "list", "--status", "failed")
    listed = capsys.readouterr().out
    assert "1 jobs" in listed


def test_every_kind_of_work_is_named_and_found(db):
    """Work is queued by its function's dotted path, a string no import checks: each kind the
    code names has a name in the reader's language and a function the worker can run; a kind
    without a name is refused when queued."""
    named = [kind[len("job:") :] for kind in PHRASES if kind.startswith("job:")]
    for kind in named:
        if not kind.startswith("tests."):
            assert callable(import_string(kind)), kind
    written = set()
    for path in (settings.BASE_DIR).rglob("*.py"):
        written.update(re.findall(r'"(counterpart\.[a-z_.]+\.[a-z_]+)"', path.read_text()))
    job_kinds = {
        kind
        for kind in written
        if re.fullmatch(r"counterpart\.\w+\.jobs\.\w+", kind)
        and not kind.startswith("counterpart.jobs.")
    }
    job_kinds |= set(settings.JOB_SCHEDULE)
    assert job_kinds - set(named) == set()
    with pytest.raises(ValueError, match="No job"):
        services.job_start(actor=None, kind="counterpart.nowhere.jobs.nothing")


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="SQLite's whole-file lock; PostgreSQL locks rows, which the worker skips",
)
@pytest.mark.django_db(transaction=True)
def test_the_worker_outlives_a_locked_database_and_mails_after(world, mailoutbox):
    """Another process holding the database's write lock past the busy timeout made the worker
    die on "database is locked" in schedule_due, and no e-mail went out after."""
    import sqlite3

    from django.db import connection

    user = world.user("beijing_team")
    user.email = "team@beijing.example"
    user.save(update_fields=["email"])
    reset = "counterpart.accounts.jobs.send_password_reset"
    services.job_start(actor=None, kind=reset, params={"user_id": user.pk})
    holder = sqlite3.connect(connection.settings_dict["NAME"], timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        call_command("worker", "--once")  # waits out the busy timeout, then lets it be
    finally:
        holder.rollback()
        holder.close()
    assert mailoutbox == []
    call_command("worker", "--once")
    assert [m.to for m in mailoutbox] == [[user.email]]


def test_a_jobs_step_is_named_in_the_readers_language(world):
    """The job page showed 'read', 'cells', 'applied' in English on Chinese pages."""
    from django.utils import translation

    job = services.job_start(actor=world.user("office"), kind="tests.jobs.work.count_regions")
    for step in ("read", "rows", "done", "save", "rank", "match", "lists", "file", "kept"):
        job.step = step
        with translation.override("zh-hans"):
            named = job.step_name
        assert named != step and not named.isascii(), step
    job.step = "ledger-totals"  # a file's name, as the work said it
    assert job.step_name == "ledger-totals"
