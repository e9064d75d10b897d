"""What every answer carries (a policy forbidding inline code and foreign files, features no page
uses refused), and the error pages: in the site's look, in the reader's language, and a lost
database answered with 503 and a page that needs no database."""

import pytest
from django.db import OperationalError, connection
from django.test import Client

from tests.factories import PASSWORD


def test_every_page_forbids_inline_code_and_foreign_files(client, world):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_not_found_is_a_page_of_the_site_in_the_readers_language(client, world):
    response = client.get("/projects/999999999/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 404
    page = response.content.decode()
    assert "core/app.css" in page
    assert "<h1>未找到</h1>" in page
    assert 'lang="zh-hans"' in page


def test_not_allowed_is_a_page_of_the_site(client, world):
    client.login(username="hotan", password=PASSWORD)
    response = client.get("/people/invite/")
    assert response.status_code == 403
    assert "<h1>Not allowed</h1>" in response.content.decode()


def test_a_form_without_its_token_says_what_to_do(world):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/accounts/login/", {"username": "office", "password": PASSWORD})
    assert response.status_code == 403
    assert "Reload the page" in response.content.decode()


class DatabaseGone:
    """The driver's answer when the server has gone away, from the first query of the request."""

    def __call__(self, execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")


@pytest.mark.parametrize("language, title", [("en", "Unavailable for a moment"), ("ug", None)])
def test_a_lost_database_answers_503_with_a_page(world, language, title):
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE=language)
    client.login(username="office", password=PASSWORD)
    with connection.execute_wrapper(DatabaseGone()):
        response = client.get("/dashboard/")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    page = response.content.decode()
    assert "core/app.css" in page and "Traceback" not in page
    assert f'lang="{language}"' in page
    if title:
        assert f"<h1>{title}</h1>" in page
    else:  # read in Uyghur, not in English
        assert "Unavailable for a moment" not in page


def test_a_lost_database_answers_the_api_in_json(world):
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(DatabaseGone()):
        response = client.get("/api/pairings")
    assert response.status_code == 503
    assert "database" in response.json()["detail"]


def test_any_other_failure_is_a_500_page(world, monkeypatch):
    from counterpart.portal import views

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(views, "render", broken)
    client = Client(raise_request_exception=False)
    response = client.get("/glossary/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


class ServerEndsTheConnection:
    """PostgreSQL itself ends this request's connection (as a restart or a failover does) just
    before the request's first query: the driver's own error, not an imitation."""

    def __init__(self):
        self.done = False

    def __call__(self, execute, sql, params, many, context):
        if not self.done:
            self.done = True
            import psycopg

            where = context["connection"].settings_dict
            pid = context["connection"].connection.info.backend_pid
            with psycopg.connect(
                host=where["HOST"], port=where["PORT"], user=where["USER"], dbname=where["NAME"]
            ) as other:
                other.execute("SELECT pg_terminate_backend(%s)", [pid])
        return execute(sql, params, many, context)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a server to end the connection")
@pytest.mark.django_db(transaction=True)
def test_a_connection_ended_by_the_server_answers_503(world):
    client = Client(raise_request_exception=False)
    client.login(username="office", password=PASSWORD)
    try:
        with connection.execute_wrapper(ServerEndsTheConnection()):
            response = client.get("/dashboard/")
    finally:
        connection.close()  # the next query opens a new connection
    assert response.status_code == 503
    assert "Unavailable for a moment" in response.content.decode()
    assert client.get("/dashboard/").status_code == 200  # and the next request is served
