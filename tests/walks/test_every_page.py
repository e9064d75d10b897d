"""Every page, as every role and as the public, on the demo, in Chinese and in Uyghur: no page
answers a server error, carries a form that contradicts itself or shows a text of the English
catalogue; no page offers a link its reader may not open (a 403, a 404, or a way to the sign-in
page for someone signed in or the public), navigation, menus, lists and buttons alike; and no
page is left out of the walk."""

import re

import pytest
from django.conf import settings

from counterpart.demo.places import DEMO_PASSWORD, USERS
from tests import walk
from tests.forms import contradicting_hidden_fields
from tests.walks import english

LINK = re.compile(r'<a\b[^>]*\bhref="(/[^"#]*)')
# Links that act or leave: they are forms or files, opened by their own tests.
NOT_OPENED = ("/accounts/logout/", "/i18n/")
ROLES = [None, *[row["username"] for row in USERS]]


def test_every_page_has_an_object_to_show():
    parametrised = {name for name, route in walk.pages() if "<int:pk>" in route}
    assert parametrised - walk.NOT_WALKED == set(walk.OBJECT_OF_PAGE)


def refused(answer) -> bool:
    to_sign_in = answer.status_code == 302 and "/accounts/login" in answer.get("Location", "")
    return answer.status_code in (403, 404) or to_sign_in


@walk.SHOWN_THE_SAME_ON_EVERY_DATABASE
@pytest.mark.django_db
@pytest.mark.parametrize("username", ROLES, ids=lambda username: username or "public")
def test_every_page_as(client, demo, username):
    if username:
        client.login(username=username, password=DEMO_PASSWORD)
    failures, refusals = [], {}  # address → whether the walk found it refused
    shown: dict[str, str] = {}  # link → a page that shows it
    for language in ("zh-hans", "ug"):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        for address in demo.addresses:
            answer = client.get(address)
            refusals[address] = refused(answer)
            if answer.status_code >= 500:
                failures.append(f"{address}: {answer.status_code}")
            if answer.status_code != 200 or "html" not in answer.get("Content-Type", ""):
                continue
            html = answer.content.decode()
            if language == "zh-hans":  # what the two languages show alike, checked once
                for name in contradicting_hidden_fields(html):
                    failures.append(f"{address}: two hidden {name} inputs")
                for link in LINK.findall(html):
                    shown.setdefault(link.replace("&amp;", "&"), address)
            for text in english.english_on(html, language, demo.typed, demo.named):
                failures.append(f"{address} in {language}: {text!r}")
    for link, where in sorted(shown.items()):
        if link.startswith(NOT_OPENED):
            continue
        if refusals[link] if link in refusals else refused(client.get(link)):
            failures.append(f"{link}: refused, shown on {where}")
    assert failures == [], f"{len(failures)} failures:\n" + "\n".join(failures)


@walk.SHOWN_THE_SAME_ON_EVERY_DATABASE
@pytest.mark.django_db
def test_the_audit_log_reads_in_the_readers_language(demo):
    """Every event the demo wrote, beyond the pages the walk opens: its kind of record, its
    event and every field's label in Chinese and Uyghur."""
    found = english.audit_in_english()
    report = [f"{lang}: {text!r} e.g. {min(where)}" for (lang, text), where in found.items()]
    assert found == {}, "\n".join(report)
