"""Forty sign-in attempts for one account from one address, sent at the same moment to a live
server over real connections: at most the allowance is judged (the rest are refused before a
password hash runs), whichever order they arrive in. Before, every one was judged and the right
password among them signed in."""

import re
import threading

import pytest
import requests
from django.contrib.auth.backends import ModelBackend
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread

from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)

ATTEMPTS = 40
LOGIN = "/accounts/login/"


class _Backlogged(ThreadedWSGIServer):
    request_queue_size = 128  # the test server's 10 would reset most of forty connections


class _Server(LiveServerThread):
    server_class = _Backlogged


@pytest.fixture
def server():
    """A live server that takes forty connections at once, as a production one does."""
    thread = _Server("127.0.0.1", StaticFilesHandler)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()


@pytest.mark.parametrize("with_the_password", [False, True])
def test_forty_attempts_at_once_are_judged_at_most_the_allowance(
    server, settings, monkeypatch, with_the_password
):
    """All wrong: at most the allowance is judged. With the right password among them: it
    signs in only if judged within the allowance, and its success starts the count again (so
    the wrong ones judged are at most the allowance for each window a success opened)."""
    settings.LOGIN_THROTTLE_ATTEMPTS = 5
    f.UserFactory(username="amina", password="right-password-1")
    judged = []
    lock = threading.Lock()
    authenticate = ModelBackend.authenticate

    def counted(self, request, username=None, password=None, **kwargs):
        with lock:
            judged.append(password)
        return authenticate(self, request, username=username, password=password, **kwargs)

    monkeypatch.setattr(ModelBackend, "authenticate", counted)
    first = requests.Session()
    page = first.get(server + LOGIN, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    passwords = ["wrong"] * (ATTEMPTS - 1) + ["right-password-1" if with_the_password else "wrong"]
    barrier = threading.Barrier(ATTEMPTS)
    answers = [None] * ATTEMPTS

    def attempt(index: int, password: str) -> None:
        session = requests.Session()
        session.cookies.update(first.cookies)
        barrier.wait()
        answers[index] = session.post(
            server + LOGIN,
            data={"username": "amina", "password": password, "csrfmiddlewaretoken": token},
            headers={"Referer": server + LOGIN},
            allow_redirects=False,
            timeout=60,
        )

    threads = [threading.Thread(target=attempt, args=pair) for pair in enumerate(passwords)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(answer is not None and answer.status_code in (200, 302) for answer in answers)
    allowance = settings.LOGIN_THROTTLE_ATTEMPTS
    signed_in = judged.count("right-password-1")
    assert judged.count("wrong") <= allowance * (1 + signed_in)
    assert [a.status_code for a in answers].count(302) == signed_in
    refused = [a for a in answers if "Too many failed sign-ins" in a.text]
    assert len(refused) == ATTEMPTS - len(judged)
    if not with_the_password:
        assert len(judged) <= allowance
