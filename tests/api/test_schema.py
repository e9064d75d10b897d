"""Generated requests against the OpenAPI document: reads never fail on the server side and
answer in the documented shape."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from counterpart.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application).include(method="GET")


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_reads_follow_the_schema(case, world):
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
