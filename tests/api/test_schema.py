"""Generated requests against the OpenAPI document: every operation, every method, as every demo
role and as the public. No answer is a server error, every answer has its documented shape, and
after each write: the auditor and the public wrote nothing, and a donor or recipient team,
or a professional, left every record of another organization as it was.

Bounded here (FUZZ_EXAMPLES per operation and role, 3 by default); `make fuzz` runs 100."""

import os
import random

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from counterpart.accounts.services import api_token_create
from counterpart.audit.models import AuditEvent
from counterpart.funding.models import Transaction
from counterpart.pairings.models import Pairing
from counterpart.places.models import Organization
from counterpart.projects.models import Project
from counterpart.talent.models import Professional
from counterpart.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "3"))
# The explicit examples: the schema's own, and its boundaries (0, negatives, 2**63, true for a
# number; empty and huge strings) for every parameter. Reads meet them as the office always; every
# role and every write meets them in the long run (`make fuzz`), as they are many and slow.
PHASES = [Phase.generate] if EXAMPLES < 20 else [Phase.explicit, Phase.generate]
# The bounded run draws the same examples every time (a CI run fails for a change, not for
# luck); the long run draws fresh ones.
FIXED = EXAMPLES < 20
FUZZING = settings(
    max_examples=EXAMPLES,
    phases=PHASES,
    deadline=None,
    derandomize=FIXED,
    suppress_health_check=list(HealthCheck),
)
ROLES = [None, "office", "beijing_team", "hotan_team", "professional", "auditor"]
NEVER_WRITE = {None, "auditor"}
# One's own inbox is one's own to mark, the auditor's too: not a write to the programme.
PERSONAL = {"/api/notifications/read", "/api/notifications/preferences"}
EXISTING_IDS: list[int] = [1]  # the world's ids, so that paths name records that exist


@schema.hook
def map_path_parameters(context, path_parameters):
    """Half the ids in a path are ones the world holds (its own records and others'); the rest
    stay as generated (0, negatives, ids no record has)."""
    if not path_parameters:
        return path_parameters
    chooser = random.Random(repr(sorted(path_parameters.items())))
    return {
        name: chooser.choice(EXISTING_IDS)
        if name.endswith("_id") and isinstance(value, int) and chooser.random() < 0.5
        else value
        for name, value in path_parameters.items()
    }


@schema.hook
def map_body(context, body):
    """Likewise the ids a body refers to, so that some creations succeed and their links lead
    somewhere."""
    if not isinstance(body, dict):
        return body
    chooser = random.Random(repr(sorted(body.items(), key=str)))
    return {
        name: chooser.choice(EXISTING_IDS)
        if name.endswith("_id") and isinstance(value, int) and chooser.random() < 0.5
        else value
        for name, value in body.items()
    }


@pytest.fixture
def wsgi_in_test_transaction():
    """Calling the WSGI app directly fires the request signals, whose connection clean-up would
    close the test's transaction on PostgreSQL; Django's test client unhooks them the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def credentials(world):
    EXISTING_IDS[:] = sorted(
        {*Pairing.objects.values_list("pk", flat=True)}
        | {*Organization.objects.values_list("pk", flat=True)}
        | {user.pk for user in world.users.values()}
    )
    tokens = {None: {}}
    for role in ROLES[1:]:
        _token, raw = api_token_create(actor=world.user(role), name="fuzzing")
        tokens[role] = {"Authorization": f"Bearer {raw}"}
    return tokens


def others_records(world, role) -> tuple:
    """What the role must never change: the records of an organization not its own."""
    if role in ("beijing_team", "professional"):
        pairings, organizations = Pairing.objects.filter(donor=world.guangdong), [world.guangdong]
    elif role == "hotan_team":
        pairings, organizations = Pairing.objects.exclude(recipient__parent=world.hotan), []
    else:
        return ()
    return (
        list(pairings.values_list("pk", "version", "is_published").order_by("pk")),
        Transaction.objects.filter(pairing__in=pairings).count(),
        list(Project.objects.filter(pairing__in=pairings).values_list("pk", "version")),
        list(Organization.objects.filter(pk__in=[o.pk for o in organizations]).values("version")),
        list(Professional.objects.exclude(organization=world.beijing).values_list("pk", "version")),
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES, ids=lambda role: role or "public")
@schema.include(method="GET").parametrize()
@FUZZING
def test_every_read_as_every_role(case, role, world, credentials, wsgi_in_test_transaction):
    call_as(case, role, credentials)


@pytest.mark.django_db
@schema.include(method="GET").parametrize()
@settings(FUZZING, phases=[Phase.explicit, Phase.generate])
def test_every_read_at_its_boundaries(case, world, credentials, wsgi_in_test_transaction):
    """As the office, who reaches every branch of a read."""
    call_as(case, "office", credentials)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES, ids=lambda role: role or "public")
@schema.exclude(method="GET").parametrize()
@FUZZING
def test_every_write_as_every_role(case, role, world, credentials, wsgi_in_test_transaction):
    events = AuditEvent.objects.count()
    untouchable = others_records(world, role)
    response = call_as(case, role, credentials)
    if case.path in PERSONAL:
        return
    if role in NEVER_WRITE:
        assert response.status_code >= 400, f"{role or 'the public'} wrote: {response.text[:300]}"
        assert AuditEvent.objects.count() == events
    assert others_records(world, role) == untouchable, f"{role} changed another's records"


def call_as(case, role, credentials):
    """The case as the role, with its own credentials only (none generated from the security
    schemes): no server error, and the answer in its documented shape."""
    case.headers = {k: v for k, v in (case.headers or {}).items() if k.lower() != "authorization"}
    case.cookies = {}
    response = case.call(headers=credentials[role])
    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])
    return response


STEPS = int(os.environ.get("FUZZ_STEPS", "8"))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES, ids=lambda role: role or "public")
def test_ids_flow_from_one_call_to_the_next(
    role, world, talent, credentials, wsgi_in_test_transaction
):
    """Sequences of calls along the document's links (what a POST creates, the next call
    reads, changes or acts on), as each role, with the same checks after each step."""

    class AsTheRole(schema.as_state_machine()):
        def setup(self):
            # Each sequence starts from the same database (Hypothesis replays sequences, and a
            # sequence that met another's writes would not play the same twice).
            self.savepoint = transaction.savepoint()

        def teardown(self):
            transaction.savepoint_rollback(self.savepoint)

        def before_call(self, case):
            self.before = (AuditEvent.objects.count(), others_records(world, role))

        def call(self, case, **kwargs):
            return call_as(case, role, credentials)

        def validate_response(self, response, case, **kwargs):
            if case.method.upper() == "GET" or case.path in PERSONAL:
                return
            events, untouchable = self.before
            if role in NEVER_WRITE:
                assert response.status_code >= 400, f"{role or 'the public'} wrote"
                assert AuditEvent.objects.count() == events
            assert others_records(world, role) == untouchable, f"{role} changed another's"

    AsTheRole.run(settings=settings(FUZZING, max_examples=EXAMPLES * 5, stateful_step_count=STEPS))
