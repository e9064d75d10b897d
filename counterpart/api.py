"""The REST API under /api/: wiring of each app's router, authentication and error shapes."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.security import HttpBearer, django_auth

from counterpart.accounts.api import router as accounts_router
from counterpart.accounts.services import api_token_authenticate
from counterpart.audit.api import router as audit_router
from counterpart.care.api import router as care_router
from counterpart.core.openapi_links import add_links
from counterpart.design.api import router as design_router
from counterpart.enterprise.api import router as enterprise_router
from counterpart.exchanges.api import router as exchanges_router
from counterpart.funding.api import router as funding_router
from counterpart.interchange.api import router as interchange_router
from counterpart.jobs.api import router as jobs_router
from counterpart.notifications.api import router as notifications_router
from counterpart.pairings.api import router as pairings_router
from counterpart.places.api import router as places_router
from counterpart.portal.api import router as portal_router
from counterpart.projects.api import router as projects_router
from counterpart.reporting.api import router as reporting_router
from counterpart.reports.api import router as reports_router
from counterpart.search.api import router as search_router
from counterpart.talent.api import router as talent_router


class TokenAuth(HttpBearer):
    """`Authorization: Bearer cp_…` with a token made on the account page."""

    def authenticate(self, request, token):
        user = api_token_authenticate(token)
        if user is not None:
            request.user = user
        return user


def public(request):
    """No credentials at all: the caller is the public, who reads published data only (a write
    without credentials is refused at once, before its body is looked at)."""
    if "HTTP_AUTHORIZATION" in request.META or request.user.is_authenticated:
        return None
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        return None
    return AnonymousUser()


class CounterpartAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        return add_links(super().get_openapi_schema(*args, **kwargs))


api = CounterpartAPI(
    title="Counterpart API",
    version="1",
    description="Pairings, places, the ledger, projects and results, people who serve (posts, "
    "professionals, matching, placements), remote care, exchanges and pen pals, enterprise "
    "support and markets, and the audit log of a pairing-assistance programme.",
    urls_namespace="api",
    auth=[TokenAuth(), django_auth, public],
)


@api.exception_handler(ValidationError)
def validation_failed(request, exc: ValidationError):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(
        request, {"detail": _("The request was not accepted."), "errors": errors}, status=422
    )


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return api.create_response(request, {"detail": _("You may not do this.")}, status=403)


api.add_router("/", places_router)
api.add_router("/", pairings_router)
api.add_router("/", funding_router)
api.add_router("/", interchange_router)
api.add_router("/", projects_router)
api.add_router("/", talent_router)
api.add_router("/", design_router)
api.add_router("/", care_router)
api.add_router("/", exchanges_router)
api.add_router("/", enterprise_router)
api.add_router("/", accounts_router)
api.add_router("/", jobs_router)
api.add_router("/", reporting_router)
api.add_router("/", notifications_router)
api.add_router("/", portal_router)
api.add_router("/", search_router)
api.add_router("/", reports_router)
api.add_router("/audit", audit_router)
