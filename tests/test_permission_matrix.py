"""The permission matrix, generated: every page and every API operation, as the public and as
each demo role (and a professional of a Hotan hospital, inside Hotan's reviewed chain), on a
record of the role's own, on one it sees that another organization's team keeps, on one it may
not see and on one that does not exist. Which rows a role may see is MAY_SEE, a table written
here; the selectors must agree with it. The answer must be what EXPECT says: 2xx where the role
may, 404 for a record the role may not see, 403 only where the role may see but not do, and the
sign-in page (or 401 on the API) for the public where one must sign in. An address without an
entry in EXPECT fails the test: a new page or operation states who may open it before it ships.

The API's writes are sent the least body their schema accepts, naming records the role may see (an
upload, a one-line file): 422 (refused for what was sent) counts as may, 403 or 404 as may not. A
record inside a record (a milestone of a project) is the first inside the one chosen.
MATRIX_DISCOVER=1 prints the answers seen instead, to review by eye."""

import functools
import json
import os
from collections import Counter
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Case, Q, When

from counterpart.accounts import permissions
from counterpart.accounts import selectors as accounts
from counterpart.accounts.choices import Role
from counterpart.accounts.selectors import SYSTEM_USERNAME
from counterpart.accounts.services import system_actor
from counterpart.api import api
from counterpart.audit import selectors as audit
from counterpart.care import selectors as care
from counterpart.core.openapi_links import PATH_PARAMETER, resolved
from counterpart.demo.places import DEMO_PASSWORD
from counterpart.design import selectors as design
from counterpart.enterprise import selectors as enterprise
from counterpart.exchanges import selectors as exchanges
from counterpart.funding import selectors as funding
from counterpart.funding.filters import TransactionFilter
from counterpart.interchange import selectors as interchange
from counterpart.jobs import selectors as jobs
from counterpart.pairings import selectors as pairings
from counterpart.places import selectors as places
from counterpart.places.filters import OrganizationFilter
from counterpart.projects import selectors as projects
from counterpart.projects.filters import ProjectFilter
from counterpart.reporting import selectors as reporting
from counterpart.talent import selectors as talent
from counterpart.talent.filters import PlacementFilter, PostFilter, ProfessionalFilter
from tests import factories, walk
from tests.walk import NOT_WALKED, OBJECT_OF_PAGE, pages

ROLES = [
    "public",
    "office",
    "auditor",
    "beijing",
    "beijing-admin",
    "hotan",
    "professional",
    "hotan-doctor",  # a professional of a hospital in Hotan City: inside Hotan's reviewed chain
]
OUTSIDE_THE_DEMO = {"hotan-doctor": ("demo-653201-hospital", Role.PROFESSIONAL)}

# Which rows of a model each role may see, written here from the design (ARCHITECTURE.md, house
# rule 5) in the demo's facts, not read from the selectors under test: a selector that shows a
# role more (or less) than this fails `test_the_selectors_show_each_role_what_the_table_says`,
# and the walk asks each page for a record the table says the role may not see.
READERS = {"office", "auditor"}  # read every record of the programme
NOTHING = Q(pk__in=[])
EVERYTHING = Q()


@functools.cache
def facts() -> tuple[str, str]:
    """The tree paths of Beijing (the demo's donor team) and of Hotan Prefecture (the place
    the demo's recipient team serves)."""
    beijing = apps.get_model("places.organization").objects.get(code="beijing")
    hotan = apps.get_model("places.region").objects.get(code="653200")
    return beijing.path, hotan.path


def beijings(role: str, field: str) -> Q:
    """Rows whose organization at `field` is Beijing or under it, for Beijing's team."""
    return Q(**{f"{field}path__startswith": facts()[0]}) if role == "beijing" else NOTHING


def in_hotan(role: str, field: str) -> Q:
    """Rows whose place at `field` lies in Hotan Prefecture, for Hotan's team."""
    return Q(**{f"{field}path__startswith": facts()[1]}) if role == "hotan" else NOTHING


def own(role: str, field: str) -> Q:
    """Rows of the role's own user (at `field`, e.g. "submitted_by__")."""
    return NOTHING if role == "public" else Q(**{f"{field}username": role})


def teams(role: str, donor: str, place: str) -> Q:
    return beijings(role, donor) | in_hotan(role, place)


def for_hospitals(role: str, *sides: str) -> Q:
    """Care records of hospitals a team speaks for: under its organization, or in its place."""
    found = NOTHING
    for side in sides:
        found |= beijings(role, f"{side}__") | in_hotan(role, f"{side}__region__")
    return found


def settled(model: str) -> Q:
    """Records whose review (if any) is approved: what the public may read."""
    kind = ContentType.objects.get_for_model(apps.get_model(model))
    waiting = apps.get_model("reporting.review").objects.filter(
        content_type=kind, status__in=["draft", "submitted", "returned"]
    )
    return ~Q(pk__in=waiting.values("object_id"))


def professionals_seen(role: str) -> Q:
    return own(role, "user__") | beijings(role, "organization__")


def placements_seen(role: str) -> Q:
    return (
        own(role, "professional__user__")
        | beijings(role, "professional__organization__")
        | in_hotan(role, "post__institution__region__")
    )


def posts_seen(role: str) -> Q:
    placements = apps.get_model("talent.placement").objects.filter(placements_seen(role))
    ranked = apps.get_model("talent.preference").objects.filter(own(role, "professional__user__"))
    return (
        (Q(status="open") & settled("talent.post"))
        | in_hotan(role, "institution__region__")
        | Q(pk__in=placements.values("post_id"))
        | Q(pk__in=ranked.values("post_id"))
    )


def couples_seen(role: str) -> Q:
    people = apps.get_model("talent.professional").objects.filter(professionals_seen(role))
    return Q(first__in=people) | Q(second__in=people)


def administered(role: str, field: str) -> Q:
    """What a team administrator looks after: its organization and those under it."""
    if role != "beijing-admin":
        return NOTHING
    return Q(**{f"{field}path__startswith": facts()[0]})


# {model: the rows a role outside READERS sees}; READERS see every row unless ONLY_FOR says who.
MAY_SEE = {
    "places.region": lambda role: EVERYTHING,
    "places.organization": lambda role: EVERYTHING,
    "pairings.pairinground": lambda role: EVERYTHING,
    "funding.compliancerule": lambda role: EVERYTHING,
    "pairings.pairing": lambda role: Q(is_published=True) | teams(role, "donor__", "recipient__"),
    "pairings.quotarule": lambda role: NOTHING,
    "funding.transaction": lambda role: (
        teams(role, "donor__", "region__") | beijings(role, "pairing__donor__")
    ),
    "interchange.importfile": lambda role: own(role, "uploaded_by__"),
    "projects.project": lambda role: (
        (Q(is_published=True, pairing__is_published=True) & settled("projects.project"))
        | teams(role, "pairing__donor__", "region__")
    ),
    "talent.post": posts_seen,
    "talent.professional": professionals_seen,
    "talent.matchrun": lambda role: NOTHING,
    "design.scenario": lambda role: Q(is_published=True),
    "talent.placement": placements_seen,
    "talent.mentorship": lambda role: (
        own(role, "mentor__user__") | teams(role, "mentor__organization__", "institution__region__")
    ),
    "talent.couple": couples_seen,
    "care.teleconsultation": lambda role: for_hospitals(
        role, "requesting_institution", "consulting_institution"
    ),
    "care.referral": lambda role: for_hospitals(role, "from_institution", "to_institution"),
    "exchanges.exchangeevent": lambda role: teams(role, "pairing__donor__", "pairing__recipient__"),
    "exchanges.schoolpartnership": lambda role: (
        teams(role, "pairing__donor__", "pairing__recipient__")
        | for_hospitals(role, "donor_class__school", "recipient_class__school")
    ),
    "enterprise.enterprisesupport": lambda role: teams(
        role, "pairing__donor__", "company__region__"
    ),
    "accounts.user": lambda role: administered(role, "memberships__organization__"),
    "accounts.membership": lambda role: administered(role, "organization__"),
    "accounts.invitation": lambda role: administered(role, "organization__"),
    "accounts.apitoken": lambda role: own(role, "user__"),
    "accounts.usersession": lambda role: own(role, "user__"),
    "jobs.job": lambda role: NOTHING,
    "audit.auditevent": lambda role: NOTHING,
    "reporting.review": lambda role: (
        own(role, "submitted_by__") | teams(role, "donor__", "region__")
    ),
}
# Models READERS do not all read, and what those who do see.
ONLY_FOR = {
    "accounts.user": {"office": ~Q(username=SYSTEM_USERNAME)},
    "accounts.membership": {"office": EVERYTHING},
    "accounts.invitation": {"office": EVERYTHING},
    "accounts.apitoken": {},
    "accounts.usersession": {},
    "jobs.job": {"office": EVERYTHING},
}
# The selectors under test, each compared with the table above.
SELECTORS = {
    "places.region": lambda actor: places.region_list(actor=actor),
    "places.organization": lambda actor: places.organization_list(actor=actor),
    "pairings.pairinground": lambda actor: pairings.round_list(actor=actor),
    "pairings.pairing": lambda actor: pairings.pairing_list(actor=actor),
    "funding.transaction": lambda actor: funding.transaction_list(actor=actor),
    "interchange.importfile": lambda actor: interchange.import_file_list(actor=actor),
    "projects.project": lambda actor: projects.project_list(actor=actor),
    "talent.post": lambda actor: talent.post_list(actor=actor),
    "talent.professional": lambda actor: talent.professional_list(actor=actor),
    "talent.matchrun": lambda actor: talent.match_run_list(actor=actor),
    "design.scenario": lambda actor: design.scenario_list(actor=actor),
    "talent.placement": lambda actor: talent.placement_list(actor=actor),
    "talent.mentorship": lambda actor: talent.mentorship_list(actor=actor),
    "talent.couple": lambda actor: talent.couple_list(actor=actor),
    "pairings.quotarule": lambda actor: pairings.quota_rule_list(actor=actor),
    "funding.compliancerule": lambda actor: funding.compliance_rule_list(actor=actor),
    "care.teleconsultation": lambda actor: care.consultation_list(actor=actor),
    "care.referral": lambda actor: care.referral_list(actor=actor),
    "exchanges.exchangeevent": lambda actor: exchanges.event_list(actor=actor),
    "exchanges.schoolpartnership": lambda actor: exchanges.partnership_list(actor=actor),
    "enterprise.enterprisesupport": lambda actor: enterprise.support_list(actor=actor),
    "accounts.user": lambda actor: accounts.user_list(actor=actor),
    "accounts.membership": lambda actor: accounts.membership_list(actor=actor),
    "accounts.invitation": lambda actor: accounts.invitation_list(actor=actor),
    "accounts.apitoken": lambda actor: apps.get_model("accounts.apitoken").objects.filter(
        user=actor.pk
    ),
    "accounts.usersession": lambda actor: apps.get_model("accounts.usersession").objects.filter(
        user=actor.pk
    ),
    "jobs.job": lambda actor: jobs.job_list(actor=actor),
    "audit.auditevent": lambda actor: audit.audit_event_list(actor=actor),
    "reporting.review": lambda actor: reporting.review_list(actor),
}
# The model an API path's parameter names.
OBJECT_OF_PARAMETER = {
    "region_id": "places.region",
    "organization_id": "places.organization",
    "round_id": "pairings.pairinground",
    "pairing_id": "pairings.pairing",
    "transaction_id": "funding.transaction",
    "file_id": "interchange.importfile",
    "project_id": "projects.project",
    "post_id": "talent.post",
    "professional_id": "talent.professional",
    "run_id": "talent.matchrun",
    "scenario_id": "design.scenario",
    "placement_id": "talent.placement",
    "consultation_id": "care.teleconsultation",
    "referral_id": "care.referral",
    "event_id": "exchanges.exchangeevent",
    "support_id": "enterprise.enterprisesupport",
    "mentorship_id": "talent.mentorship",
    "partnership_id": "exchanges.schoolpartnership",
    "couple_id": "talent.couple",
    "quota_rule_id": "pairings.quotarule",
    "compliance_rule_id": "funding.compliancerule",
    "user_id": "accounts.user",
    "job_id": "jobs.job",
    "review_id": "reporting.review",
    "membership_id": "accounts.membership",
    "invitation_id": "accounts.invitation",
}
# A record inside another's (its parameter): its model and the way from it to the outer record.
INSIDE = {
    "milestone_id": ("projects.milestone", "project"),
    "result_id": ("projects.result", "project"),
    "indicator_id": ("projects.indicator", "result__project"),
    "extension_id": ("talent.extension", "placement"),
}
FIXED_PARAMETERS = {"slug": "ledger", "name": "placed", "action": "approve"}
QUERY = {
    "GET /api/rounds/{round_id}/quotas": "?year=2020",
    "GET /api/scorecard": "?year=2020",
    "GET /api/search": "?q=hotan",
    "GET /api/reports/pivot": "?measure=committed&rows=donor&columns=year",
}
MISSING = 2_000_000_000


def may_see(model: str, role: str) -> Q:
    """The table's word on which rows of `model` the role may see."""
    if model in ONLY_FOR and role in ONLY_FOR[model]:
        return ONLY_FOR[model][role]
    if model in ONLY_FOR:
        return MAY_SEE[model](role)
    return EVERYTHING if role in READERS else MAY_SEE[model](role)


def seen(model: str, actor):
    """The rows of `model` the table lets `actor` see."""
    role = getattr(actor, "username", "") or "public"
    return apps.get_model(model).objects.filter(may_see(model, role)).order_by("pk")


def selected(model: str, actor):
    """The rows of `model` the product's selector shows `actor`."""
    try:
        return SELECTORS[model](actor).order_by("pk")
    except PermissionDenied:
        return apps.get_model(model).objects.none()


@dataclass
class Address:
    key: str  # the page's name, or "METHOD /api/…"
    route: str  # with <int:pk> or {…_id} left in
    model: str | None
    api: bool
    inside: str | None = None  # the parameter of a record inside `model`'s (a milestone's)


def addresses() -> list[Address]:
    found = []
    for name, route in pages():
        if name in NOT_WALKED or "<str:name>" in route:
            continue
        route = route.replace("<slug:slug>", "ledger")
        found.append(Address(name, route, OBJECT_OF_PAGE.get(name), api=False))
    for path, operations in document()["paths"].items():
        for method in operations:
            key = f"{method.upper()} {path}"
            route = path
            for parameter, value in FIXED_PARAMETERS.items():
                route = route.replace("{" + parameter + "}", value)
            outer, *inner = PATH_PARAMETER.findall(route) or [None]
            assert outer is None or outer in OBJECT_OF_PARAMETER, f"{key}: {outer} names what?"
            assert all(p in INSIDE for p in inner), f"{key}: {inner} inside what?"
            model = OBJECT_OF_PARAMETER[outer] if outer else None
            query = QUERY.get(key) or required_query(operations[method])
            found.append(Address(key, route + query, model, True, inner[0] if inner else None))
    return found


def filled(address: Address, pk) -> str:
    route = address.route.replace("<int:pk>", str(pk))
    for parameter in OBJECT_OF_PARAMETER:
        route = route.replace("{" + parameter + "}", str(pk))
    if address.inside:  # the first record inside the chosen one
        model, way = INSIDE[address.inside]
        inner = apps.get_model(model).objects.filter(**{way: pk}).order_by("pk").first()
        route = route.replace("{" + address.inside + "}", str(inner.pk if inner else MISSING))
    return route


# Models whose rows a team sees beyond its own (the lists' "mine only" switch says which are its
# own): for these the walk also asks for a row it sees that another organization's team keeps.
# The office and the auditor have no "theirs"; a professional's selectors show only their own.
TEAMS = (Role.DONOR_TEAM, Role.RECIPIENT_TEAM, Role.TEAM_ADMIN)
MINE = {
    "places.organization": OrganizationFilter,
    "projects.project": ProjectFilter,
    "funding.transaction": TransactionFilter,
    "talent.post": PostFilter,
    "talent.professional": ProfessionalFilter,
    "talent.placement": PlacementFilter,
}


def objects_for(address: Address, actor) -> dict[str, int]:
    """The role's own record, one it sees that is another organization's ("theirs"), one it may
    not see ("other") and a missing one ("none"), those that exist."""
    if address.model is None:
        return {"-": None}
    rows = apps.get_model(address.model).objects.all()
    visible = seen(address.model, actor)
    if address.inside:  # only records that hold one
        model, way = INSIDE[address.inside]
        holding = apps.get_model(model).objects.values(way)
        rows, visible = rows.filter(pk__in=holding), visible.filter(pk__in=holding)
    own, theirs = visible, visible.none()
    if address.model in MINE and permissions.organizations_in_role(actor, *TEAMS):
        own = MINE[address.model]({"mine": True}, queryset=visible, request=Asking(actor)).qs
        theirs = visible.exclude(pk__in=own.values("pk"))
    chosen = {
        "own": own.order_by("pk").first(),
        "theirs": theirs.order_by("pk").first(),
        "other": rows.exclude(pk__in=visible.values("pk")).order_by("pk").first(),
    }
    return {which: row.pk for which, row in chosen.items() if row is not None} | {"none": MISSING}


@dataclass
class Asking:
    """What a list's filters read of a request: who asks."""

    user: object


def answer(response) -> str:
    """The answer in the matrix's words: ok (2xx; for an action, any answer on its merits),
    login (sent to sign in), redirect, or the refusing status code."""
    status = response.status_code
    if status in (301, 302) and "/accounts/login/" in response.get("Location", ""):
        return "login"
    if 200 <= status < 300:
        return "ok"
    if getattr(response, "refused_for_a_record", False):
        return "404"
    if response.request["REQUEST_METHOD"] != "GET" and status in (301, 302, 303, 400, 422):
        return "ok"  # done, or refused for what was sent rather than for who sent it
    if status in (301, 302, 303):
        return "redirect"
    return str(status)


def expected(rule: str, address: Address, role: str, which: str) -> str:
    """What EXPECT's rule says for the role on that record.

    A rule is "WHO / DENIED": WHO are the roles that may (`anyone`, `signed-in` for everyone
    signed in, `none`, or the roles by name, `public` among them); DENIED is what the others
    get: 403 (not theirs at all: the same answer whether the record exists or not), 404 (not
    theirs to know of), `redirect`, or `scoped` (404 for a record they may not see, 403 for one
    they may see but not touch). Roles in parentheses after WHO ("office (auditor) / 403") may
    see the records but not act: scoped, whatever DENIED says for the rest. A record the role may
    not see, or one that does not exist, is 404 for those who may use the page. One it sees that
    is another team's ("theirs") is answered as to a role denied, unless anyone or everyone
    signed in may open the page. On a page it may not open the public is sent to sign in, unless
    a third part ("WHO / DENIED / PUBLIC") says what it gets instead."""
    who, denied, *public = (part.strip() for part in rule.split("/"))
    who, _, seers = who.partition("(")
    if role in seers.rstrip(")").split():
        denied = "scoped"
    allowed = {
        "anyone": set(ROLES),
        "signed-in": set(ROLES[1:]),
        "none": set(),
    }.get(who.strip(), set(who.split()))
    if role == "public" and role not in allowed and not address.key.startswith("GET /api/"):
        # sent to sign in on a page; refused at once (401) on an API write
        return public[0] if public else ("401" if address.api else "login")
    if which == "theirs":  # seen, another team's: read by all who may read, changed by none
        if role in allowed and who.strip() in ("anyone", "signed-in"):
            return "ok"
        return "403" if denied == "scoped" else denied
    if role in allowed:
        return "404" if which in ("other", "none") else "ok"
    if denied == "scoped":
        return "404" if which in ("other", "none") else "403"
    return denied


@pytest.fixture
def demo(db) -> dict:
    """The demo, loaded; {role: its user} (the public's is anonymous)."""
    walk.load_demo(10)
    facts.cache_clear()  # this load's paths
    for username, (organization, role) in OUTSIDE_THE_DEMO.items():
        factories.UserFactory(
            username=username,
            password=DEMO_PASSWORD,
            organization_=places.organization_by_code(actor=None, code=organization),
            role=role,
        )
    return {"public": AnonymousUser()} | {
        role: accounts.user_by_username(actor=system_actor(), username=role) for role in ROLES[1:]
    }


@pytest.fixture
def observed(client, demo):
    """Every address's answer to every role on each of its records, on the demo."""
    answers: dict[tuple[str, str, str], str] = {}
    for role in ROLES:
        client.logout()
        actor = demo[role]
        if role != "public":
            assert client.login(username=role, password=DEMO_PASSWORD)
        for address in addresses():
            for which, pk in objects_for(address, actor).items():
                answers[(address.key, role, which)] = answer(
                    asked(client, address, filled(address, pk), actor)
                )
    return answers


@functools.cache
def document() -> dict:
    return api.get_openapi_schema()


def required_query(operation: dict) -> str:
    """The operation's required query parameters, each its least value (`?version=1`)."""
    pairs = [
        f"{parameter['name']}={least(document(), parameter['schema'])}"
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "query" and parameter.get("required")
    ]
    return "?" + "&".join(pairs) if pairs else ""


def least_body(address: Address, actor):
    """The smallest body the operation's schema accepts (its required fields, each the first
    value of its type), so that what answers is the view, not the body's validation; the records
    it names are ones the role may see, so that a refusal is for the role, not for the record."""
    content = request_content(address)
    if form := content.get("multipart/form-data", {}).get("schema"):
        return {name: SimpleUploadedFile("least.csv", b"x\n") for name in form["required"]}
    schema = content.get("application/json", {}).get("schema")
    body = least(document(), schema) if schema else {}
    if isinstance(body, dict):
        named = Counter()  # two fields naming one model (a couple) name two records
        for field in body:
            if model := model_of_field(field):
                rows = seen(model, actor)
                if model == "places.organization":  # Beijing first: the expectations' donor
                    rows = rows.order_by(Case(When(code="beijing", then=0), default=1), "pk")
                rows = rows[named[model] : named[model] + 1]
                body[field] = rows[0].pk if rows else MISSING
                named[model] += 1
    return body


def request_content(address: Address) -> dict:
    method, path = address.key.split(" ", 1)
    operation = document()["paths"][path][method.lower()]
    return operation.get("requestBody", {}).get("content", {})


def refused_for_a_record(response, body) -> bool:
    """A 422 saying a record the body names is not one the caller may use ("No pairing with id 1
    that you work on."): the API's 404 for a record named in a body."""
    if response.status_code != 422 or not isinstance(body, dict):
        return False
    messages = response.json().get("errors", {}).values()
    return any(" with id " in text for texts in messages for text in texts)


# Body fields naming a record by its part rather than its model. Every id a body needs must be
# named here or in OBJECT_OF_PARAMETER: an unnamed one is sent as 1, a record that exists on a
# fresh SQLite database but not on PostgreSQL once earlier tests have advanced its sequences.
OBJECT_OF_FIELD = {
    "recipient_id": "places.region",
    "donor_id": "places.organization",
    "school_id": "places.organization",
    "first_id": "talent.professional",
    "second_id": "talent.professional",
}


def model_of_field(field: str) -> str | None:
    if field in OBJECT_OF_PARAMETER or field in OBJECT_OF_FIELD:
        return OBJECT_OF_PARAMETER.get(field) or OBJECT_OF_FIELD[field]
    if field.endswith("region_id"):
        return "places.region"
    if field.endswith(("organization_id", "institution_id")) or field == "company_id":
        return "places.organization"
    if field.endswith("_id"):
        raise AssertionError(f"{field}: which record does it name? (OBJECT_OF_FIELD)")
    return None


def least(whole: dict, schema: dict):
    schema = resolved(whole, schema)
    for option in schema.get("anyOf", []):
        if option.get("type") != "null":
            return least(whole, option)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        fields = schema.get("properties", {})
        return {name: least(whole, fields[name]) for name in schema.get("required", [])}
    if kind == "array":
        return [least(whole, schema["items"])] if schema.get("minItems") else []
    if kind == "string":
        return {
            "date": "2026-06-01",
            "date-time": "2026-06-01T00:00:00Z",
            "email": "someone@example.org",
        }.get(schema.get("format"), "x" * schema.get("minLength", 1))
    if kind == "integer" or kind == "number":
        return schema.get("minimum", 1)
    return False if kind == "boolean" else None


def asked(client, address: Address, path: str, actor):
    """The answer to the address's request (a POST for a page's action, which answers a GET with
    405; an empty JSON body for an API write); whatever it did is undone, so that no answer
    depends on the order of the walk."""
    method = address.key.split(" ", 1)[0] if address.api else "GET"
    with transaction.atomic():
        if method == "GET":
            response = client.get(path)
            if response.status_code == 405:
                response = client.post(path)
        else:
            body = least_body(address, actor)
            if "multipart/form-data" in request_content(address):
                response = client.post(path, body)  # a file upload
            else:
                response = client.generic(method, path, json.dumps(body), "application/json")
            response.refused_for_a_record = refused_for_a_record(response, body)
        transaction.set_rollback(True)
    return response


def disagreements(demo) -> list[str]:
    """Where a selector shows a role other rows than the table says, model by model."""
    found = []
    for model in SELECTORS:
        for role, actor in demo.items():
            shown = set(selected(model, actor).values_list("pk", flat=True))
            allowed = set(seen(model, actor).values_list("pk", flat=True))
            if shown - allowed:
                found.append(f"{model} as {role}: {len(shown - allowed)} rows too many")
            if allowed - shown:
                found.append(f"{model} as {role}: {len(allowed - shown)} rows missing")
    return found


@pytest.mark.django_db
def test_every_address_answers_each_role_as_expected(demo, observed):
    """One load of the demo for both checks: the selectors show each role what the table says,
    then every address answers each role as EXPECT says on the records the table picks."""
    assert set(SELECTORS) == set(MAY_SEE)
    assert disagreements(demo) == []
    every = {address.key: address for address in addresses()}
    if os.environ.get("MATRIX_DISCOVER"):
        for key in every:
            print(repr(key), {f"{r}/{w}": a for (k, r, w), a in observed.items() if k == key})
    assert sorted(set(every) - set(EXPECT)) == [], "addresses without an entry in EXPECT"
    assert sorted(set(EXPECT) - set(every)) == [], "entries for addresses that are gone"
    wrong = [
        f"{key} as {role} on {which} record: {got}, expected {want}"
        for (key, role, which), got in observed.items()
        if got != (want := expected(EXPECT[key], every[key], role, which))
    ]
    assert wrong == []


# Who may open each address ("WHO / DENIED[ / PUBLIC]", read by `expected`). Reviewed by eye
# when written: a change here is a change of who may see or do what.
EXPECT: dict[str, str] = {
    "home": "anyone / scoped",
    "dashboard": "anyone / scoped",
    "glossary": "anyone / scoped",
    "search:page": "anyone / scoped",  # each finds what its lists show (tests/search)
    "reports:builder": "anyone / scoped",  # each counts what its lists show (tests/reports)
    "pairings:list": "anyone / scoped",
    "pairings:create": "office / scoped",
    "pairings:detail": "anyone / scoped",
    "pairings:edit": "office / scoped",
    "pairings:end": "office / scoped",
    "pairings:quota": "signed-in / scoped",
    "funding:list": "office auditor beijing hotan / scoped",
    "funding:record": "office beijing / scoped",
    "funding:preview": "signed-in / scoped",
    "funding:record-projects": "signed-in / scoped",
    "funding:detail": "office auditor beijing hotan / scoped",
    "funding:settings": "office auditor / scoped",
    "funding:scorecard": "office auditor beijing / scoped",
    "funding:project_money": "office auditor beijing hotan / 404 / 404",
    "interchange:home": "signed-in / scoped",
    "interchange:file": "office auditor beijing / scoped",
    "interchange:marked": "office auditor beijing / scoped",
    "interchange:apply": "beijing / scoped",
    "interchange:kind": "office beijing / scoped",
    "interchange:recheck": "beijing / scoped",
    "interchange:map": "beijing / scoped",
    "interchange:template_xlsx": "office beijing / scoped",
    "interchange:template_csv": "office beijing / scoped",
    "opendata:home": "anyone / scoped",
    "opendata:publish": "office / scoped",
    "opendata:checkpoints": "anyone / scoped",
    "projects:list": "anyone / scoped",
    "projects:create": "office beijing / scoped",
    "projects:sector-options": "anyone / scoped",
    "projects:place-options": "signed-in / scoped",
    "projects:detail": "anyone / scoped",
    "projects:edit": "office beijing / scoped",
    "talent:home": "anyone / scoped",
    "talent:me": "professional hotan-doctor / scoped",  # any professional: its own page
    "talent:my-ranking": "professional / redirect",
    "talent:professionals": "office auditor beijing / scoped",
    "talent:register": "office beijing / scoped",
    "talent:professional-options": "anyone / scoped",
    "talent:professional": "office auditor beijing professional / scoped",
    "talent:ranking": "office beijing professional / scoped",
    "talent:posts": "anyone / scoped",
    "talent:post-create": "office hotan / scoped",
    "talent:post": "anyone / scoped",
    "talent:post-edit": "office hotan / scoped",
    "talent:runs": "office auditor / scoped",
    "talent:run": "office auditor / 403",
    "talent:run-publish": "office / 403",
    "design:scenarios": "anyone / scoped",
    "design:needs": "anyone / scoped",
    "design:scenario": "anyone / scoped",
    "design:figures": "office / scoped",
    "design:round": "office / scoped",
    "talent:placements": "signed-in / scoped",
    "talent:placement": "office auditor beijing hotan professional / scoped",
    "talent:timeline": "signed-in / scoped",
    "talent:mentorships": "signed-in / scoped",
    "talent:mentorship": "office auditor professional / scoped",
    "talent:trainings": "signed-in / scoped",
    "care:home": "anyone / scoped",
    "care:request": "office beijing hotan / scoped",  # each has a hospital
    "care:consultation": "office auditor / scoped",
    "care:referral": "office auditor / scoped",
    "exchanges:home": "anyone / scoped",
    "exchanges:record": "office beijing hotan / scoped",
    "exchanges:edit": "office / scoped",
    "exchanges:pen-pals": "signed-in / scoped",
    "exchanges:partnership": "office auditor / scoped",
    "enterprise:home": "anyone / scoped",
    "enterprise:support-create": "office beijing / scoped",
    "enterprise:support": "office auditor / scoped",
    "enterprise:sale-create": "office beijing hotan / scoped",
    "places:regions": "anyone / scoped",
    "places:region": "anyone / scoped",
    "places:organizations": "anyone / scoped",
    "places:organization": "anyone / scoped",
    "places:organization_edit": "office beijing hotan / scoped",
    "audit:log": "office auditor / scoped",
    "audit:event": "office auditor / 403",
    "audit:verify": "office auditor / scoped",
    "jobs:list": "office / scoped",
    "jobs:detail": "office / scoped",
    "jobs:file": "none / 404",
    "people:list": "office beijing-admin / scoped",
    "people:invite": "office beijing-admin / scoped",
    "people:person": "office beijing-admin / 403",
    "people:suspension": "office beijing-admin / 403",
    "people:revoke": "office beijing-admin / 403",
    "people:resend": "office beijing-admin / 403",
    "people:withdraw": "office beijing-admin / 403",
    "reporting:reviews": "signed-in / scoped",
    "reporting:review": "office auditor beijing beijing-admin hotan / scoped",
    "reporting:rules": "office auditor / 403",
    "notifications:list": "signed-in / scoped",
    "accounts:login": "public / redirect",
    "accounts:password_change": "signed-in / scoped",
    "accounts:password_reset": "anyone / scoped",
    "accounts:password_reset_done": "anyone / scoped",
    "accounts:password_reset_confirm": "anyone / scoped",
    "accounts:two_factor": "signed-in / scoped",
    "accounts:invitation": "none / 410 / 410",
    "accounts:account": "signed-in / scoped",
    "accounts:token_revoke": "none / scoped",
    "accounts:session_end": "signed-in / scoped",
    "GET /api/regions": "anyone / scoped",
    "GET /api/regions/{region_id}": "anyone / scoped",
    "PATCH /api/regions/{region_id}": "office / scoped",
    "GET /api/organizations": "anyone / scoped",
    "GET /api/organizations/{organization_id}": "anyone / scoped",
    "PATCH /api/organizations/{organization_id}": "office beijing hotan / scoped",
    "GET /api/rounds": "anyone / scoped",
    "PATCH /api/rounds/{round_id}": "office / scoped",
    "GET /api/rounds/{round_id}/quota-rules": "office auditor / scoped",
    "PATCH /api/quota-rules/{quota_rule_id}": "office (auditor) / 403",
    "GET /api/rounds/{round_id}/quotas": "anyone / scoped",
    "GET /api/pairings": "anyone / scoped",
    "POST /api/pairings": "office / scoped",
    "GET /api/pairings/{pairing_id}": "anyone / scoped",
    "PATCH /api/pairings/{pairing_id}": "office / scoped",
    "POST /api/pairings/{pairing_id}/end": "office / scoped",
    "GET /api/transactions": "anyone / scoped",
    "POST /api/transactions": "office beijing / scoped",
    "GET /api/transactions/{transaction_id}": "office auditor beijing hotan / scoped",
    "POST /api/transactions/{transaction_id}/reverse": "office beijing / scoped",
    "POST /api/transactions/{transaction_id}/receipt": "hotan / scoped",
    "GET /api/exchange-rates": "anyone / scoped",
    "GET /api/compliance-rules": "anyone / scoped",
    "PATCH /api/compliance-rules/{compliance_rule_id}": "office / scoped",
    "GET /api/totals": "anyone / scoped",
    "GET /api/shares": "anyone / scoped",
    "GET /api/imports/kinds": "anyone / scoped",
    "GET /api/imports/kinds/{slug}/template": "office beijing / scoped",
    "POST /api/imports/kinds/{slug}": "office beijing / scoped",
    "GET /api/imports/files": "anyone / scoped",
    "GET /api/imports/files/{file_id}": "office auditor beijing / scoped",
    "POST /api/imports/files/{file_id}/import": "beijing / scoped",
    "GET /api/projects": "anyone / scoped",
    "POST /api/projects": "office beijing / scoped",
    "GET /api/projects/{project_id}": "anyone / scoped",
    "PATCH /api/projects/{project_id}": "office beijing / scoped",
    "PUT /api/projects/{project_id}/sectors": "office beijing / scoped",
    "GET /api/projects/{project_id}/milestones": "anyone / scoped",
    "POST /api/projects/{project_id}/milestones": "office beijing / scoped",
    "POST /api/projects/{project_id}/milestones/{milestone_id}/complete": "office beijing / scoped",
    "GET /api/projects/{project_id}/documents": "anyone / scoped",
    "POST /api/projects/{project_id}/documents": "office beijing / scoped",
    "GET /api/projects/{project_id}/places": "anyone / scoped",
    "POST /api/projects/{project_id}/places": "office beijing / scoped",
    "GET /api/projects/{project_id}/results": "anyone / scoped",
    "POST /api/projects/{project_id}/results": "office beijing / scoped",
    "POST /api/projects/{project_id}/results/{result_id}/indicators": "office beijing / scoped",
    # the runners set targets and actuals; the recipient team of the place reports actuals
    "PUT /api/projects/{project_id}/indicators/{indicator_id}/periods": (
        "office beijing hotan / scoped"
    ),
    "GET /api/posts": "anyone / scoped",
    "POST /api/posts": "office / scoped",
    "GET /api/posts/{post_id}": "anyone / scoped",
    "PATCH /api/posts/{post_id}": "office hotan / scoped",
    "GET /api/posts/{post_id}/applicants": "office hotan / scoped",
    "PUT /api/posts/{post_id}/ranking": "office hotan / scoped",
    "DELETE /api/posts/{post_id}/ranking": "office hotan / scoped",
    "GET /api/professionals": "anyone / scoped",
    "POST /api/professionals": "office beijing / scoped",
    "GET /api/professionals/{professional_id}": "office auditor beijing professional / scoped",
    "PATCH /api/professionals/{professional_id}": "office beijing professional / scoped",
    "GET /api/professionals/{professional_id}/preferences": (
        "office auditor beijing professional / scoped"
    ),
    "PUT /api/professionals/{professional_id}/preferences": "office beijing professional / scoped",
    "GET /api/design/needs": "anyone / scoped",
    "POST /api/design/needs": "office / scoped",
    "GET /api/design/scenarios": "anyone / scoped",
    "POST /api/design/scenarios": "office / scoped",
    "GET /api/design/scenarios/{scenario_id}": "anyone / scoped",
    "PUT /api/design/scenarios/{scenario_id}/figures": "office / scoped",
    "POST /api/design/scenarios/{scenario_id}/solve": "office / scoped",
    "POST /api/design/scenarios/{scenario_id}/publish": "office / scoped",
    "GET /api/design/scenarios/{scenario_id}/comparison": "anyone / scoped",
    "POST /api/design/scenarios/{scenario_id}/round": "office / scoped",
    "GET /api/match-runs": "office auditor / scoped",
    "POST /api/match-runs": "office / scoped",
    "GET /api/match-runs/{run_id}": "office auditor / 403",
    "POST /api/match-runs/{run_id}/publish": "office auditor / 403",
    "POST /api/match-runs/{run_id}/discard": "office auditor / 403",
    "POST /api/match-runs/{run_id}/withdraw": "office auditor / 403",
    "GET /api/match-runs/{run_id}/preview": "office / 403",
    "GET /api/match-runs/{run_id}/lists/{name}": "office auditor / 403",
    "GET /api/placements": "anyone / scoped",
    "GET /api/placements/ending": "anyone / scoped",
    "GET /api/placements/{placement_id}": "office auditor beijing hotan professional / scoped",
    "POST /api/placements/{placement_id}/extensions": "office beijing professional / scoped",
    # the host decides: the recipient team of the post's place
    "POST /api/placements/{placement_id}/extensions/{extension_id}/decision": (
        "office hotan (auditor professional) / 404"
    ),
    "POST /api/placements/{placement_id}/withdraw": "office beijing hotan professional / scoped",
    "PUT /api/placements/{placement_id}/workload": "office beijing professional / scoped",
    "GET /api/mentorships": "anyone / scoped",
    "POST /api/mentorships": "office / scoped",
    "POST /api/mentorships/{mentorship_id}/meetings": "office professional (auditor) / 404",
    "GET /api/trainings": "anyone / scoped",
    "POST /api/trainings": "office / scoped",
    "GET /api/consultations": "anyone / scoped",
    "POST /api/consultations": "office beijing / scoped",
    "GET /api/consultations/{consultation_id}": "office auditor / scoped",
    "POST /api/consultations/{consultation_id}/schedule": "office / scoped",
    "POST /api/consultations/{consultation_id}/hold": "office / scoped",
    "POST /api/consultations/{consultation_id}/cancel": "office / scoped",
    "GET /api/referrals": "anyone / scoped",
    "POST /api/referrals": "office beijing / scoped",
    "GET /api/referrals/{referral_id}": "office auditor / scoped",
    "POST /api/referrals/{referral_id}/treatment": "office / scoped",
    "POST /api/referrals/{referral_id}/follow-up": "office / scoped",
    "GET /api/care/figures": "anyone / scoped",
    "GET /api/exchange-events": "anyone / scoped",
    "POST /api/exchange-events": "office beijing hotan / 404",
    "GET /api/exchange-events/{event_id}": "office auditor / scoped",
    "GET /api/school-classes": "anyone / scoped",
    "POST /api/school-classes": "office beijing / scoped",
    # the teams of the two schools
    "PUT /api/school-partnerships/{partnership_id}/letters": "office beijing hotan (auditor) / 404",
    "GET /api/school-partnerships": "anyone / scoped",
    "POST /api/school-partnerships/match": "office beijing hotan / 404",
    "GET /api/exchanges/figures": "anyone / scoped",
    "GET /api/enterprise-supports": "anyone / scoped",
    "GET /api/enterprise-supports/{support_id}": "office auditor / scoped",
    "GET /api/enterprise-supports/{support_id}/employment": "office auditor / scoped",
    "PUT /api/enterprise-supports/{support_id}/employment": "office / scoped",
    "GET /api/product-sales": "anyone / scoped",
    "POST /api/product-sales": "office beijing hotan / 404",
    "GET /api/enterprise/figures": "anyone / scoped",
    "GET /api/memberships": "office beijing-admin / scoped",
    "POST /api/memberships": "office / scoped",
    "DELETE /api/memberships/{membership_id}": "office beijing-admin / 403",
    "GET /api/users": "office beijing-admin / scoped",
    "GET /api/users/{user_id}": "office beijing-admin / 403",
    "POST /api/users/{user_id}/suspend": "office beijing-admin / 403",
    "POST /api/users/{user_id}/reactivate": "office beijing-admin / 403",
    "GET /api/invitations": "office beijing-admin / scoped",
    "POST /api/invitations": "office beijing-admin / 403",
    "POST /api/invitations/{invitation_id}/resend": "office beijing-admin / 403",
    "DELETE /api/invitations/{invitation_id}": "office beijing-admin / 403",
    "GET /api/jobs/{job_id}": "office / scoped",
    "GET /api/reviews": "anyone / scoped",
    "GET /api/reviews/{review_id}": "office auditor beijing beijing-admin hotan / scoped",
    "POST /api/reviews/{review_id}/{action}": "hotan / scoped",
    "GET /api/rounds/{round_id}/reporting-rules": "office auditor / 403",
    "PATCH /api/rounds/{round_id}/reporting-rules": "office (auditor) / 403",
    "GET /api/rounds/{round_id}/reopenings": "office auditor / 403",
    "POST /api/rounds/{round_id}/reopenings": "office (auditor) / 403",
    "POST /api/rounds/{round_id}/freeze-exceptions": "office (auditor) / 403",
    "GET /api/notifications": "anyone / scoped",
    "POST /api/notifications/read": "signed-in / scoped",
    "GET /api/notifications/preferences": "signed-in / scoped",
    "PUT /api/notifications/preferences": "signed-in / scoped",
    "GET /api/inbox": "anyone / scoped",
    "GET /api/search": "anyone / scoped",
    "GET /api/reports/pivot": "anyone / scoped",
    "GET /api/scorecard": "office auditor beijing / scoped",
    "GET /api/audit/events": "office auditor / scoped",
    "GET /api/audit/checkpoints": "anyone / scoped",
    "POST /api/couples": "office beijing (auditor) / 404",
    "DELETE /api/couples/{couple_id}": "office beijing professional (auditor) / 404",
    "POST /api/enterprise-supports": "office beijing (hotan) / 404",
}
