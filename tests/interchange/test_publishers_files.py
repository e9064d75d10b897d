"""Files other publishers wrote (tests/interchange/files/publishers/, their sources in
SOURCES.md) read into the programme as the office would: with what is missing made and as
history. What each imports is counted from the file itself; what is left out is said, element
by element, and nothing else is lost."""

import datetime
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from counterpart.core.said import words
from counterpart.funding.choices import TransactionKind
from counterpart.funding.models import Transaction
from counterpart.interchange import services
from counterpart.interchange.choices import ImportStatus
from counterpart.places.models import Organization, Region
from counterpart.projects.models import Project
from tests import factories as f

FILES = Path(__file__).resolve().parent / "files" / "publishers"
KEPT = set(TransactionKind.values)


def checked(office, name: str):
    received = services.import_receive(
        actor=office,
        kind="iati",
        filename=name,
        data=(FILES / name).read_bytes(),
        historical="An earlier programme's records",
        create_missing=True,
    )
    return services.import_check(actor=office, upload=received)


def in_the_file(name: str) -> dict:
    """What the file holds that the ledger keeps: transactions above zero, of a type it keeps,
    summed by currency and type; and how many left out for each reason."""
    root = etree.parse(str(FILES / name)).getroot()
    sums, left_out = defaultdict(Decimal), Counter()
    for activity in root.iter("iati-activity"):
        currency = activity.get("default-currency")
        for item in activity.iterfind("transaction"):
            value = item.find("value")
            amount = Decimal(value.text)
            kind = item.find("transaction-type").get("code")
            if amount == 0:
                left_out["no_amount"] += 1
            elif amount < 0:
                left_out["unmatched_negative"] += 1  # neither file reverses its own entries
            elif kind in KEPT:
                sums[(value.get("currency") or currency, kind)] += amount
        for plan in activity.iterfind("planned-disbursement/value"):
            if Decimal(plan.text) > 0:
                sums[(plan.get("currency") or currency, TransactionKind.COMMITMENT)] += Decimal(
                    plan.text
                )
            elif Decimal(plan.text) < 0:
                left_out["negative_planned"] += 1
    return {
        "activities": len(root.findall("iati-activity")),
        "sums": {key: value for key, value in sums.items()},
        "left_out": left_out,
    }


def imported_sums(projects) -> dict:
    found = defaultdict(Decimal)
    for entry in Transaction.objects.filter(project__in=projects, reverses__isnull=True):
        found[(entry.currency_id, entry.kind)] += Decimal(entry.amount_minor).scaleb(-2)
    return dict(found)


def note_kinds(upload) -> Counter:
    return Counter(
        note["message"]["said"].removeprefix("import.note.") for note in upload.summary["notes"]
    )


@pytest.fixture
def office(world):
    return world.user("office")


def test_dfids_albania_file_with_a_break_in_what_is_not_read(office):
    name = "gb-dfid-albania-2.01.xml"
    expected = in_the_file(name)

    refused = checked(office, name)  # no GBP rate yet: one problem, not one per amount
    assert refused.status == ImportStatus.REFUSED
    (problem,) = [m for error in refused.errors for m in error["messages"]]
    assert "GBP" in problem and "April 1, 2005" in problem and "wait for it" in problem

    f.ExchangeRateFactory(base="GBP", valid_on=datetime.date(2005, 1, 1), rate="15.6")
    upload = checked(office, name)
    assert upload.status == ImportStatus.READY, upload.errors
    kinds = note_kinds(upload)
    assert kinds["unread_element"] == 5  # each capital-spend without its percentage
    assert kinds["negative_budget"] == 1  # a revised quarter of −7,826 that leaves 2009 below 0
    capital = [n for n in upload.summary["notes"] if "unread" in n["message"]["said"]]
    assert "<capital-spend>" in words(capital[0]["message"], "en")
    assert "GB-1-109616-101" in words(capital[0]["message"], "zh-hans")

    done = services.import_apply(actor=office, upload=upload)
    assert done.status == ImportStatus.IMPORTED, done.errors
    projects = Project.objects.filter(code__startswith="GB-1-")
    assert projects.count() == expected["activities"] == 8
    assert imported_sums(projects) == expected["sums"]
    albania = Region.objects.get(code="AL")
    names = (albania.name_en, albania.name_zh, albania.name_ug)
    assert names == ("Albania", "阿尔巴尼亚", "ئالبانىيە")  # CLDR's, through Babel
    assert {p.region_id for p in projects} == {albania.pk}  # no location: its country
    assert Organization.objects.filter(iati_ref="GB-GOV-1").exists()


def test_spains_indonesia_file_with_what_no_ledger_can_keep(office):
    name = "es-maec-indonesia-2.01.xml"
    expected = in_the_file(name)
    f.ExchangeRateFactory(base="EUR", valid_on=datetime.date(2010, 1, 1), rate="9.8")

    upload = checked(office, name)
    assert upload.status == ImportStatus.READY, upload.errors
    kinds = note_kinds(upload)
    for reason, count in expected["left_out"].items():
        assert kinds[reason] == count, reason
    assert kinds["negative_budget"] > 0

    done = services.import_apply(actor=office, upload=upload)
    assert done.status == ImportStatus.IMPORTED, done.errors
    projects = Project.objects.filter(pairing__donor__name_en="Spain")
    assert projects.count() == expected["activities"] == 83
    assert imported_sums(projects) == expected["sums"]
    indonesia = Region.objects.get(code="ID")
    assert indonesia.name_zh == "印度尼西亚"
    # a location named "Indonesia" is the country, not a county of that name under it
    assert not Region.objects.filter(parent=indonesia, name_en="Indonesia").exists()
    assert projects.filter(region=indonesia).count() >= 81
    government = Organization.objects.get(region__parent=indonesia, kind="local_government")
    assert government.name_en.startswith("Government of ")
