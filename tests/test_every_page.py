"""Every page, as every role and as the public, on a programme with one of each kind of record:
no page answers a server error or carries a form that contradicts itself, and no page is left out
of the walk."""

import pytest

from counterpart.demo.places import DEMO_PASSWORD, USERS
from tests import walk
from tests.forms import contradicting_hidden_fields


def test_every_page_has_an_object_to_show():
    parametrised = {name for name, route in walk.pages() if "<int:pk>" in route}
    assert parametrised - walk.NOT_WALKED == set(walk.OBJECT_OF_PAGE)


@walk.SHOWN_THE_SAME_ON_EVERY_DATABASE
@pytest.mark.django_db
def test_no_page_fails_for_any_role(client):
    walk.load_demo()
    failures = []
    addresses = walk.addresses()
    for username in [None, *[row["username"] for row in USERS]]:
        client.logout()
        if username:
            client.login(username=username, password=DEMO_PASSWORD)
        for address in addresses:
            answer = client.get(address)
            if answer.status_code >= 500:
                failures.append((username, address, answer.status_code))
            elif answer.status_code == 200 and "html" in answer.get("Content-Type", ""):
                for name in contradicting_hidden_fields(answer.content.decode()):
                    failures.append((username, address, f"two hidden {name} inputs"))
    assert failures == []
