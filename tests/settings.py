"""Settings for the test suite: the real ones, with a throw-away key and a fast password hash."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")

from counterpart.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = None  # tests serve static files from the finders; nothing is collected
JOB_SCHEDULE: dict[str, int] = {}  # scheduled work is called by the tests that test it
