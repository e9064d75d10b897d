"""Settings come from the environment; defaults give a working local SQLite setup."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent


def env_flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_flag("DEBUG", default=False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-debug"

# `DEPLOYMENT=production` is the one switch for a server on the internet (see the end of this file).
DEPLOYMENT = os.environ.get("DEPLOYMENT", "development").strip().lower()
if DEPLOYMENT not in {"development", "production"}:
    raise ImproperlyConfigured("DEPLOYMENT must be development or production.")
if DEPLOYMENT == "production":
    if DEBUG:
        raise ImproperlyConfigured("DEBUG must be off when DEPLOYMENT is production.")
    # Django's own deploy check asks for 50 characters, 5 of them different.
    if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured(
            "SECRET_KEY is too short for production: give at least 50 random characters, e.g. "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
        )

ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "counterpart.accounts.apps.OfficeAdminConfig",  # django.contrib.admin, office-only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "ninja",
    "django_filters",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "counterpart.core",
    "counterpart.accounts",
    "counterpart.jobs",
    "counterpart.audit",
    "counterpart.places",
    "counterpart.notifications",
    "counterpart.pairings",
    "counterpart.reporting",
    "counterpart.funding",
    "counterpart.projects",
    "counterpart.talent",
    "counterpart.design",
    "counterpart.care",
    "counterpart.exchanges",
    "counterpart.enterprise",
    "counterpart.interchange",
    "counterpart.people",
    "counterpart.search",
    "counterpart.reports",
    "counterpart.portal",
    "counterpart.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "counterpart.core.middleware.RequestBodyGuard",
    "counterpart.core.site.RequestOrigin",
    "counterpart.core.middleware.PermissionsPolicy",
    "csp.middleware.CSPMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "counterpart.accounts.middleware.SignedInRequests",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "counterpart.urls"
WSGI_APPLICATION = "counterpart.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "counterpart.portal.context.roles",
            ],
        },
    },
]

if "DATABASE_URL" not in os.environ:
    (PROJECT_DIR / "var").mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{PROJECT_DIR / 'var' / 'counterpart.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one writer commits; IMMEDIATE avoids lock upgrades mid-write.
    # A writer waits up to 30 s for another's transaction (a daily job regenerating the open
    # data holds one for seconds): a sign-in then waits instead of failing on "locked".
    # A 64 MiB page cache keeps the ledger's indexes in memory (the default is 2 MiB).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; "
            "PRAGMA cache_size=-65536;"
        ),
    }

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "counterpart.accounts.backends.RoleBackend",  # permissions from memberships
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Roles that must give a second factor (a code from an authenticator app) at sign-in, e.g.
# "programme_office,auditor"; anyone who sets one up gives it anyway.
REQUIRE_TWO_FACTOR = [r.strip() for r in os.environ.get("REQUIRE_TWO_FACTOR", "").split(",") if r]
OTP_TOTP_ISSUER = "Counterpart"

# Failed sign-ins allowed for a username from one address before a pause (four times as many
# from all addresses together).
LOGIN_THROTTLE_ATTEMPTS = int(os.environ.get("LOGIN_THROTTLE_ATTEMPTS", "5"))
LOGIN_THROTTLE_SECONDS = int(os.environ.get("LOGIN_THROTTLE_SECONDS", "900"))

# Proxies whose X-Forwarded-For is believed (comma-separated addresses); none by default.
TRUSTED_PROXIES = [a.strip() for a in os.environ.get("TRUSTED_PROXIES", "").split(",") if a.strip()]

# The database cache: the sign-in throttle's counts are shared by every worker process.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "counterpart_cache",
    }
}

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("zh-hans", _("Simplified Chinese")), ("ug", _("Uyghur"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["counterpart.formats"]
USE_I18N = True
TIME_ZONE = "Asia/Shanghai"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = PROJECT_DIR / "var" / "static"
# Front-end packages come from npm (package.json) and are served from node_modules, never committed.
NODE_MODULES = Path(os.environ.get("NODE_MODULES", PROJECT_DIR / "node_modules"))
STATICFILES_DIRS = [
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/chartjs", NODE_MODULES / "chart.js" / "dist"),
    # Uyghur's Arabic script, for machines without such a font (only its 400 and 700 are linked)
    ("vendor/noto-sans-arabic", NODE_MODULES / "@fontsource" / "noto-sans-arabic"),
    ("vendor/noto-sans-sc", NODE_MODULES / "@fontsource" / "noto-sans-sc"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_flag("SECURE_COOKIES", default=DEPLOYMENT == "production")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# What a browser may load: only this site's own files, no inline script or style (htmx's
# indicator style is turned off in base.html for that reason). Enforced everywhere but DEBUG,
# where Django's error pages need inline code: there the browser only reports what it would block.
SITE_CONTENT_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
if DEBUG:
    CONTENT_SECURITY_POLICY_REPORT_ONLY = SITE_CONTENT_POLICY
else:
    CONTENT_SECURITY_POLICY = SITE_CONTENT_POLICY
SECURE_REFERRER_POLICY = "same-origin"
CSRF_FAILURE_VIEW = "counterpart.core.errors.csrf_failure"
# Browser features no page uses, refused for every page (counterpart.core.middleware).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=()"
)

# E-mail: printed on the console in development; SMTP from the environment in production.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
# With the file backend (EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend), the
# folder each e-mail is written to: what the journey tests read.
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(PROJECT_DIR / "var" / "mail"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "counterpart@localhost")
# The address the e-mails' links start with: in production always this; elsewhere the address of
# the request that caused the e-mail, and this for scheduled work (core/site.py).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
if DEPLOYMENT == "production" and not os.environ.get("SITE_URL"):
    raise ImproperlyConfigured("SITE_URL must be set in production: the e-mails' links use it.")

# Files the work queue makes (large exports): handed out only through their job's page.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", PROJECT_DIR / "var" / "files"))

# Background work: Django's task framework (the django-tasks backport) on the database, so that
# it needs no other server; `counterpart worker` runs it (as many workers as wanted).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Scheduled work: the dotted path of a job's function → seconds between two runs.
JOB_SCHEDULE: dict[str, int] = {
    "counterpart.notifications.jobs.send_digests": 24 * 3600,
    "counterpart.portal.reminders.send_reminders": 24 * 3600,
    "counterpart.interchange.jobs.publish_open_data": 24 * 3600,
    "counterpart.audit.jobs.verify_audit_chain": 24 * 3600,
    "counterpart.audit.jobs.sign_checkpoint": 24 * 3600,
}
# The site's Ed25519 key that signs the audit chain's daily checkpoints (made there once when
# missing; keep a copy with the backups).
AUDIT_SIGNING_KEY_FILE = os.environ.get(
    "AUDIT_SIGNING_KEY_FILE", str(PROJECT_DIR / "var" / "audit-signing-key.pem")
)
# Reminders: a commitment with no disbursement for this many months is pointed out.
REMIND_IDLE_COMMITMENT_MONTHS = int(os.environ.get("REMIND_IDLE_COMMITMENT_MONTHS", "6"))

# A request body larger than this is refused (413 on the API, 400 on a page).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440))
# A spreadsheet to import (files stream to disk; this bounds what one upload keeps).
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", 200 * 2**20))
# Files larger than this, or of more rows (counted before they are read), are checked and
# imported on the work queue, with progress; a file of more than IMPORT_MAX_ROWS is refused,
# and a check or import that runs past its time budget is stopped and changes nothing.
IMPORT_IN_REQUEST_BYTES = int(os.environ.get("IMPORT_IN_REQUEST_BYTES", 512 * 2**10))
IMPORT_IN_REQUEST_ROWS = int(os.environ.get("IMPORT_IN_REQUEST_ROWS", 2_000))
# The most a sheet holds in Excel: a million rows of data with its titles, header and totals.
IMPORT_MAX_ROWS = int(os.environ.get("IMPORT_MAX_ROWS", 1_048_576))
IMPORT_TIME_BUDGET_SECONDS = int(os.environ.get("IMPORT_TIME_BUDGET_SECONDS", 3_600))
# Who `counterpart import` runs as when it is not told (--as): a person of the office, whose
# files then appear on their import page, never a user no one can sign in as.
IMPORT_AS = os.environ.get("IMPORT_AS", "office")

NINJA_PAGINATION_CLASS = "counterpart.core.pagination.BoundedLimitOffsetPagination"
NINJA_PAGINATION_PER_PAGE = 100

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# The IATI Standard's schemas and ruleset that `counterpart iati check` and the tests validate
# published files against (a copy of the standard's own files, kept beside the repository).
IATI_STANDARD_DIR = Path(
    os.environ.get("IATI_STANDARD_DIR", PROJECT_DIR.parent / "shared" / "iati")
)

if DEPLOYMENT == "production":
    # HTTPS only, remembered by browsers for a year; behind a proxy that ends TLS, set
    # SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto so that Django knows the request was secure.
    SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 365 * 24 * 3600))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if os.environ.get("SECURE_PROXY_SSL_HEADER"):
        header = "HTTP_" + os.environ["SECURE_PROXY_SSL_HEADER"].upper().replace("-", "_")
        SECURE_PROXY_SSL_HEADER = (header, "https")
    CSRF_COOKIE_HTTPONLY = True
    SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", 12 * 3600))
