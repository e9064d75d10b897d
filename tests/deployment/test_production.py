"""`DEPLOYMENT=production` is one switch: the settings it turns on, what it refuses, and Django's
own deployment check passing under it. Settings are read once per process, so each case runs
`manage.py` in a process of its own."""

import os
import secrets
import subprocess
import sys

from django.conf import settings

MANAGE = settings.PROJECT_DIR / "manage.py"
GOOD_KEY = secrets.token_urlsafe(50)


def manage(*args, **env):
    # Not this process's own switches (the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE among them).
    inherited = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in inherited}
    environment = {k: v for k, v in environment.items() if k != "SITE_URL"}
    environment |= {"DJANGO_SETTINGS_MODULE": "counterpart.settings", **env}
    if env.get("DEPLOYMENT") == "production" and "SITE_URL" not in env:
        environment["SITE_URL"] = "https://counterpart.example"
    return subprocess.run(
        [sys.executable, str(MANAGE), *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_deployment_check_finds_nothing_to_warn_about():
    done = manage(
        "check", "--deploy", "--fail-level", "WARNING", DEPLOYMENT="production", SECRET_KEY=GOOD_KEY
    )
    assert done.returncode == 0, done.stderr + done.stdout
    assert "no issues" in done.stdout


def test_without_the_switch_the_deployment_check_does_warn():
    done = manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=GOOD_KEY)
    assert done.returncode != 0
    assert "SECURE_HSTS_SECONDS" in done.stderr + done.stdout


def test_production_refuses_a_short_key():
    done = manage("check", DEPLOYMENT="production", SECRET_KEY="a-short-secret-key")
    assert done.returncode != 0
    assert "SECRET_KEY is too short for production" in done.stderr


def test_production_refuses_debug():
    done = manage("check", DEPLOYMENT="production", SECRET_KEY=GOOD_KEY, DEBUG="1")
    assert done.returncode != 0
    assert "DEBUG must be off" in done.stderr


def test_production_settings_hold_what_the_switch_promises():
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS >= 31536000, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, bool(s.CONTENT_SECURITY_POLICY))"
    )
    done = manage("shell", "--no-imports", "-c", code, DEPLOYMENT="production", SECRET_KEY=GOOD_KEY)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True"] * 5


def test_production_refuses_to_start_without_its_address():
    """E-mails' links would otherwise take a request's Host header, which a caller chooses."""
    done = manage("check", DEPLOYMENT="production", SECRET_KEY=GOOD_KEY, SITE_URL="")
    assert done.returncode != 0
    assert "SITE_URL must be set in production" in done.stderr


def test_an_unknown_deployment_is_refused():
    done = manage("check", DEPLOYMENT="prod", SECRET_KEY=GOOD_KEY)
    assert done.returncode != 0
    assert "DEPLOYMENT must be development or production" in done.stderr
