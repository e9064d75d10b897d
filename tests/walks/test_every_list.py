"""No list cuts silently: with three rows to a page, every page of the demo, as the office and as
teams, shows at most a page of each list and says which rows these are out of how many."""

import re

import pytest
from django.core.paginator import Page

from counterpart.core import pagination
from counterpart.demo.places import DEMO_PASSWORD
from tests import walk
from tests.walk import NOT_WALKED, pages

PER_PAGE = 3
ROW = re.compile(r"<tr\b")
TABLE = re.compile(r"<table\b([^>]*)>(.*?)</table>", re.S)
ITEM = re.compile(r"<li\b")
LIST = re.compile(r"<(ul|ol)\b([^>]*)>(.*?)</\1>", re.S)
BOUNDED = re.compile(r"\bdata-(whole|preview)\b")
WHOLE = re.compile(r"<table\b[^>]*data-whole[^>]*>.*?</table>", re.S)  # bounded by nature


def pages_in(context) -> list[Page]:
    found = []
    for layer in context or []:
        values = layer.flatten().values() if hasattr(layer, "flatten") else layer.values()
        for value in values:
            if isinstance(value, Page) and all(value is not seen for seen in found):
                found.append(value)
    return found


@walk.SHOWN_THE_SAME_ON_EVERY_DATABASE
@pytest.mark.django_db
def test_no_list_renders_more_than_a_page_or_cuts_without_saying(client, monkeypatch, demo):
    monkeypatch.setattr(pagination, "PER_PAGE", PER_PAGE)
    addresses = [route for name, route in pages() if "<" not in route and name not in NOT_WALKED]
    failures, counted = [], 0
    for username in ["office", "bj", "hotan"]:
        client.login(username=username, password=DEMO_PASSWORD)
        for address in addresses:
            response = client.get(address)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            html = response.content.decode()
            listed = pages_in(response.context)
            widest = max([PER_PAGE, *(p.paginator.per_page for p in listed)])
            for page in listed:
                counted += 1
                total = page.paginator.count
                if total > page.paginator.per_page and f"of {total}" not in html:
                    failures.append((username, address, f"cuts {total} rows without saying"))
            for attributes, table in TABLE.findall(WHOLE.sub("", html)):
                body = table.split("<tbody", 1)[-1]
                rows = len(ROW.findall(body))
                if rows > widest and "data-whole" not in attributes:
                    failures.append((username, address, f"a table of {rows} rows, not paged"))
            main = html.split("<main", 1)[-1].split("</main>", 1)[0]
            main = re.sub(r"<small\b.*?</small>", "", main, flags=re.S)  # a field's help
            for _tag, attributes, items in LIST.findall(main):
                count = len(ITEM.findall(items))
                # data-preview: a few, with a link to all of them and their count (the inbox)
                if count > widest and not BOUNDED.search(attributes):
                    failures.append((username, address, f"a list of {count} items, not paged"))
        client.logout()
    assert counted > 30  # the walk saw the lists
    assert failures == [], "\n".join(map(str, sorted(set(failures))))
