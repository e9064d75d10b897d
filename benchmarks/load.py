"""Fifty people at once on the production shape: `make serve`'s gunicorn and queue worker on
PostgreSQL with the demo, driven from the same machine by locust (headless, loopback only).

    DATABASE_URL=postgres://… python benchmarks/load.py [--users 50] [--seconds 180]

It migrates the (empty) database of DATABASE_URL, loads the demo, starts scripts/serve.sh on
--port with DEPLOYMENT=production (the HTTPS redirect and secure cookies turned off, as loopback
has no TLS), then runs benchmarks/locustfile.py: every role signs in and browses dashboards,
lists and records; donor teams record ledger entries, recipient teams report results. It prints
requests, errors and p50/p95/p99 per kind of request (dashboard, list, detail, write, sign-in)
and the throughput; times are reported, never asserted. Last line: `load: users=… requests=…
errors=… p95_ms=… rps=…`, its p95 over every request but the sign-ins (whose password hash is
slow on purpose, once per session; they have their own line).
"""

import argparse
import json
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from common import ROOT, configure, machine

PY = sys.executable


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=180)
    parser.add_argument("--spawn-rate", type=float, default=2.0)
    parser.add_argument("--port", type=int, default=8201)
    return parser.parse_args()


def production_environment() -> dict:
    return {
        **os.environ,
        "DEPLOYMENT": "production",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback: no TLS to redirect to
        "SECURE_COOKIES": "0",
        "ACCESS_LOG": "/dev/null",
    }


def prepare(work: Path) -> Path:
    """The demo in the database, and what the simulated people will ask for."""
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from counterpart.accounts.services import system_actor
    from counterpart.demo.load import DemoLoader
    from counterpart.demo.places import DEMO_PASSWORD

    DemoLoader(actor=system_actor()).load()
    kashgar_team(DEMO_PASSWORD)
    plan = work / "load-plan.json"
    plan.write_text(json.dumps({"password": DEMO_PASSWORD, **targets()}), encoding="utf-8")
    connection.close()
    return plan


def kashgar_team(password: str) -> None:
    """A recipient team where the demo's results are (its projects in Shufu and Jiashi): the
    demo's own recipient login serves Hotan, which has none."""
    from counterpart.accounts import services as accounts
    from counterpart.accounts.choices import Role
    from counterpart.accounts.services import system_actor
    from counterpart.places import selectors as places
    from counterpart.places import services as place_services

    system = system_actor()
    office = place_services.organization_create(
        actor=system,
        code="kashgar-prefecture-office",
        name_en="Kashgar Prefecture Administrative Office",
        kind="local_government",
        region=places.region_by_code(actor=system, code="653100"),
    )
    user = accounts.user_create(
        actor=system, username="kashgar", password=password, display_name="Load Test Kashgar"
    )
    accounts.membership_grant(
        actor=system, user=user, organization=office, role=Role.RECIPIENT_TEAM
    )


def targets() -> dict:
    from django.contrib.auth.models import AnonymousUser

    from counterpart.accounts import permissions
    from counterpart.accounts.selectors import user_by_username
    from counterpart.accounts.services import system_actor
    from counterpart.pairings import selectors as pairings
    from counterpart.projects import selectors as projects

    system, public = system_actor(), AnonymousUser()
    recipient = user_by_username(actor=system, username="kashgar")
    beijing = user_by_username(actor=system, username="beijing")
    reported = [
        project
        for project in projects.project_list(actor=recipient)
        if permissions.serves_region(recipient, project.region)
    ]
    indicators = [
        (project.pk, indicator.pk)
        for project in reported
        for indicator in projects.indicator_list(actor=recipient, project=project)
    ]
    return {
        "projects": list(projects.project_list(actor=public).values_list("pk", flat=True)),
        "pairings": list(pairings.pairing_list(actor=public).values_list("pk", flat=True)),
        "donor_pairings": list(
            pairings.pairings_run_by(actor=beijing).values_list("pk", flat=True)
        ),
        "sectors": ["12230", "11220", "16020"],  # health, education, employment
        "indicators": indicators,
    }


def serve(port: int, environment: dict) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(ROOT / "scripts" / "serve.sh")],
        env={**environment, "PORT": str(port), "PY": PY},
        cwd=ROOT,
        start_new_session=True,  # its own process group, stopped as one
        stdout=subprocess.DEVNULL,
        stderr=(ROOT / "var" / "bench" / "load-server.log").open("w"),  # gunicorn's own log
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=5)
            return server
        except OSError:
            if server.poll() is not None:
                sys.exit("the server did not start (see scripts/serve.sh)")
            time.sleep(1)
    stop(server)
    sys.exit("the server did not answer within 180 s")


def stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)


def percentile(ordered: list[float], share: float) -> float:
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    args = parse_args()
    if "DATABASE_URL" not in os.environ:
        sys.exit("needs DATABASE_URL naming an empty PostgreSQL database (make bench-load does)")
    environment = production_environment()
    os.environ.update({k: environment[k] for k in ("DEPLOYMENT", "SECRET_KEY")})
    configure("postgresql", "load")
    from django.db import connection

    print(f"machine: {machine()}; database: {connection.vendor}", file=sys.stderr)
    work = ROOT / "var" / "bench"
    work.mkdir(parents=True, exist_ok=True)
    plan = prepare(work)
    samples = work / "load-samples.json"
    server = serve(args.port, environment)
    try:
        started = time.monotonic()
        subprocess.run(
            [
                PY,
                "-m",
                "locust",
                "-f",
                str(ROOT / "benchmarks" / "locustfile.py"),
                "--headless",
                "--users",
                str(args.users),
                "--spawn-rate",
                str(args.spawn_rate),
                "--run-time",
                f"{args.seconds}s",
                "--host",
                f"http://127.0.0.1:{args.port}",
                "--only-summary",
                "--loglevel",
                "WARNING",
                "--stop-timeout",
                "10",
            ],
            env={**os.environ, "LOAD_PLAN": str(plan), "LOAD_SAMPLES": str(samples)},
            stdout=(work / "load-locust.txt").open("w"),  # locust's own tables, kept
            stderr=subprocess.STDOUT,
            check=False,
        )
        seconds = time.monotonic() - started
    finally:
        stop(server)
    report(json.loads(samples.read_text()), args.users, seconds)


def report(samples: list, users: int, seconds: float) -> None:
    kinds: dict[str, list[float]] = {}
    failures: dict[str, int] = {}
    for kind, milliseconds, failed in samples:
        kinds.setdefault(kind, []).append(milliseconds)
        failures[kind] = failures.get(kind, 0) + failed
    print(f"{'kind':<10} {'requests':>9} {'errors':>7} {'p50_ms':>8} {'p95_ms':>8} {'p99_ms':>8}")
    every = sorted(ms for _kind, ms, _failed in samples)
    for kind in sorted(kinds):
        ordered = sorted(kinds[kind])
        print(
            f"{kind:<10} {len(ordered):>9} {failures[kind]:>7} {percentile(ordered, 0.5):>8.0f} "
            f"{percentile(ordered, 0.95):>8.0f} {percentile(ordered, 0.99):>8.0f}"
        )
    errors = sum(failures.values())
    # Signing in is timed apart: its password hash is slow on purpose, once per session.
    working = sorted(ms for kind, ms, _failed in samples if kind != "sign-in")
    print(
        f"load: users={users} requests={len(every)} errors={errors} "
        f"p95_ms={percentile(working, 0.95):.0f} rps={len(every) / seconds:.1f}"
    )


if __name__ == "__main__":
    main()
