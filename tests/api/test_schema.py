"""Generated requests against the OpenAPI document: reads never fail on the server side and
answer in the documented shape."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from counterpart.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application).include(method="GET")


@pytest.fixture
def wsgi_in_test_transaction():
    """Calling the WSGI app directly fires the request signals, whose connection clean-up would
    close the test's transaction on PostgreSQL; Django's test client unhooks them the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_reads_follow_the_schema(case, world, wsgi_in_test_transaction):
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
