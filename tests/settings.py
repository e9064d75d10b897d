"""Settings for the test suite: the real ones, with a throw-away key and a fast password hash."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")

from counterpart.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = None  # tests serve static files from the finders; nothing is collected
JOB_SCHEDULE: dict[str, int] = {}  # scheduled work is called by the tests that test it
# The suite (the browser tests too) meets the production policy, enforced, whatever DEBUG says.
CONTENT_SECURITY_POLICY = SITE_CONTENT_POLICY  # noqa: F405
CONTENT_SECURITY_POLICY_REPORT_ONLY = None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file in WAL mode, as in production, not Django's shared in-memory database: connections
    # of several threads (the live server's, the concurrency tests') then wait for each other's
    # writes (the busy timeout) instead of failing at once on shared-cache table locks.
    # One per run (the process), so that two runs in one checkout do not delete each other's.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(PROJECT_DIR / "var" / f"test-{os.getpid()}.sqlite3")  # noqa: F405
    }
    # The tests that hold the lock on purpose wait 5 s for it, not the servers' 30.
    DATABASES["default"]["OPTIONS"]["init_command"] = DATABASES["default"]["OPTIONS"][  # noqa: F405
        "init_command"
    ].replace("busy_timeout=30000", "busy_timeout=5000")
# Uploads and published files go to a directory of the run's own, removed when it ends.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="counterpart-test-files-"))
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
AUDIT_SIGNING_KEY_FILE = str(MEDIA_ROOT / "audit-signing-key.pem")  # the run's own key
