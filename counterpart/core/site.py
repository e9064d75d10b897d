"""The address the site is reached at, for links that leave it (e-mails).

In production it is the configured `SITE_URL`, never a request's Host header. Elsewhere it is the
address of the request that caused the link, carried to the work queue with the job it started,
so that `make run PORT=8100` mails links to port 8100; work no request caused (a daily digest)
uses `SITE_URL`."""

import contextvars
from contextlib import contextmanager

from django.conf import settings

_origin: contextvars.ContextVar[str | None] = contextvars.ContextVar("origin", default=None)


def site_url() -> str:
    """Where links point: no trailing slash."""
    if settings.DEPLOYMENT == "production":
        return settings.SITE_URL
    return _origin.get() or settings.SITE_URL


def request_origin() -> str:
    """The address of the request being served, or "" outside one (a command, the queue):
    what a job keeps, so that work queued by `manage.py demo` links where the worker serves."""
    return _origin.get() or ""


@contextmanager
def origin(url: str | None):
    """Links made inside point at `url` (a request's or a job's origin)."""
    token = _origin.set(url.rstrip("/") if url else None)
    try:
        yield
    finally:
        _origin.reset(token)


class RequestOrigin:
    """Middleware: links made while a request is served point where it came to."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with origin(f"{request.scheme}://{request.get_host()}"):
            return self.get_response(request)
