"""Every link a role is shown, opened as that role: no page offers a link its reader may not
open (a 403, a 404, or a way to the sign-in page for someone signed in or the public). The walk
covers every page of the demo, its navigation, menus, lists and buttons alike."""

import re

import pytest

from counterpart.demo.places import DEMO_PASSWORD, USERS
from tests import walk

LINK = re.compile(r'<a\b[^>]*\bhref="(/[^"#]*)')
# Links that act or leave: they are forms or files, opened by their own tests.
NOT_OPENED = ("/accounts/logout/", "/i18n/")


def refused(answer) -> bool:
    to_sign_in = answer.status_code == 302 and "/accounts/login" in answer.get("Location", "")
    return answer.status_code in (403, 404) or to_sign_in


@walk.SHOWN_THE_SAME_ON_EVERY_DATABASE
@pytest.mark.django_db
def test_no_role_is_shown_a_link_it_cannot_open(client):
    walk.load_demo()
    addresses = walk.addresses()
    dead = []
    for username in [None, *[row["username"] for row in USERS]]:
        client.logout()
        if username:
            client.login(username=username, password=DEMO_PASSWORD)
        shown: dict[str, str] = {}  # link → a page that shows it
        for address in addresses:
            answer = client.get(address)
            if answer.status_code == 200 and "html" in answer.get("Content-Type", ""):
                for link in LINK.findall(answer.content.decode()):
                    shown.setdefault(link.replace("&amp;", "&"), address)
        for link, where in sorted(shown.items()):
            if not link.startswith(NOT_OPENED) and refused(answer := client.get(link)):
                dead.append(f"{username or 'public'}: {link} ({answer.status_code}) on {where}")
    assert dead == [], "\n".join(dead)
