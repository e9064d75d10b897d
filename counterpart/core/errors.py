"""Error pages in the site's own look and the reader's language. A server error page needs
nothing from the database, which may be what failed: a lost database answers 503 (try again)."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _

RETRY_AFTER_SECONDS = 30


def database_lost() -> bool:
    """Whether the error being handled is the database going away (or being locked too long)."""
    return isinstance(sys.exc_info()[1], OperationalError | InterfaceError)


def server_error(request):
    """handler500: Django calls it inside its `except`, so the error is still at hand."""
    status = 503 if database_lost() else 500
    if request.path.startswith("/api/"):
        detail = (
            _("The database is unavailable for a moment. Please try again shortly.")
            if status == 503
            else _("Something went wrong on the server. It has been logged.")
        )
        response = JsonResponse({"detail": detail}, status=status)
    else:
        response = HttpResponse(error_page(status, request), status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def error_page(status: int, request) -> str:
    try:
        return loader.get_template(f"{status}.html").render({"request": request})
    except Exception:  # the page's own parts failing (static files not collected) must not hide it
        return _("Something went wrong on the server. It has been logged.")


def csrf_failure(request, reason=""):
    """A form sent without its token (an old tab, cookies off): the 403 page says what to do."""
    page = loader.get_template("403.html")
    context = {
        "message": _(
            "The form was sent without the token that proves it came from this site. Reload the "
            "page (cookies must be allowed) and send it again."
        )
    }
    return HttpResponse(page.render(context, request), status=403)
