"""The walk of every page on the demo: each page's address with a record to show (the first and
the last of its kind), shared by the tests that open every page as every role."""

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver

from counterpart.accounts.services import system_actor
from counterpart.demo.load import DemoLoader
from counterpart.interchange.kinds import KINDS

# A walk that checks what pages and downloads show, not what the database does: the SQLite run
# walks it; on PostgreSQL it would repeat the same pages for minutes. The permission matrix, which
# opens every page as every role (and so meets any server error a query raises there), still runs
# on both.
SHOWN_THE_SAME_ON_EVERY_DATABASE = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="what a page shows does not depend on the database; the SQLite run walks it",
)

# The model whose id fills `<int:pk>` in each page's address.
OBJECT_OF_PAGE = {
    "pairings:detail": "pairings.pairing",
    "pairings:edit": "pairings.pairing",
    "pairings:end": "pairings.pairing",
    "pairings:quota": "pairings.pairinground",
    "funding:detail": "funding.transaction",
    "funding:project_money": "projects.project",
    "projects:detail": "projects.project",
    "projects:edit": "projects.project",
    "talent:professional": "talent.professional",
    "talent:ranking": "talent.professional",
    "talent:post": "talent.post",
    "talent:post-edit": "talent.post",
    "talent:run": "talent.matchrun",
    "talent:run-publish": "talent.matchrun",
    "talent:placement": "talent.placement",
    "design:scenario": "design.scenario",
    "design:figures": "design.scenario",
    "design:round": "design.scenario",
    "talent:timeline": "places.organization",
    "talent:mentorship": "talent.mentorship",
    "care:consultation": "care.teleconsultation",
    "care:referral": "care.referral",
    "exchanges:edit": "exchanges.exchangeevent",
    "exchanges:partnership": "exchanges.schoolpartnership",
    "enterprise:support": "enterprise.enterprisesupport",
    "places:region": "places.region",
    "places:organization": "places.organization",
    "places:organization_edit": "places.organization",
    "accounts:token_revoke": "accounts.apitoken",
    "accounts:session_end": "accounts.usersession",
    "jobs:detail": "jobs.job",
    "jobs:file": "jobs.job",
    "people:person": "accounts.user",
    "audit:event": "audit.auditevent",
    "reporting:review": "reporting.review",
    "reporting:rules": "pairings.pairinground",
    "people:suspension": "accounts.user",
    "people:revoke": "accounts.membership",
    "people:resend": "accounts.invitation",
    "people:withdraw": "accounts.invitation",
    "interchange:file": "interchange.importfile",
    "interchange:marked": "interchange.importfile",
    "interchange:apply": "interchange.importfile",
    "interchange:recheck": "interchange.importfile",
    "interchange:map": "interchange.importfile",
}
NOT_WALKED = {"accounts:logout", "set_language"}  # they act on GET-less posts, not pages


def pages(patterns=None, prefix="/", namespace=None):
    """(name, route) of every page, leaving the API and the admin to their own tests."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            if inner not in ("admin", "api"):
                yield from pages(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, prefix + str(pattern.pattern)


def addresses() -> list[str]:
    """Every page's address on the database as it is (the demo loaded)."""
    addresses = []
    for name, route in pages():
        if name in NOT_WALKED:
            continue
        if "<int:pk>" in route:
            model = apps.get_model(OBJECT_OF_PAGE[name])
            for row in (model.objects.order_by("pk").first(), model.objects.order_by("pk").last()):
                if row is not None:
                    addresses.append(route.replace("<int:pk>", str(row.pk)))
        elif "<str:name>" in route:  # the open data files the demo published
            names = apps.get_model("interchange.publishedfile").objects.values_list("name")
            addresses.extend(route.replace("<str:name>", name) for (name,) in names)
        elif "<slug:slug>" in route:  # an import kind's pages
            addresses.extend(route.replace("<slug:slug>", slug) for slug in [*KINDS, "iati"])
        else:
            addresses.append(route)
    return addresses


def load_demo(generated_professionals: int = 20) -> None:
    """The demo, for a walk: on PostgreSQL with the table statistics a server keeps (ANALYZE,
    as autovacuum does), without which the planner takes minutes over queries of milliseconds."""
    DemoLoader(actor=system_actor(), generated_professionals=generated_professionals).load()
    if connection.vendor == "postgresql":
        # Table by table: a bare ANALYZE also takes the cluster's shared catalogues, and waits
        # for every other worker's open transaction to end.
        with connection.cursor() as cursor:
            for table in connection.introspection.table_names(cursor):
                cursor.execute(f'ANALYZE "{table}"')
