"""The report builder: any set of ledger entries, pivoted by donor and year, gives the sums a
reader computes from the entries it may see (Hypothesis, through the services), with each row's,
each column's and the whole total; places roll up to the level asked; a rate is made of its
sums, totals included; a question the measure cannot answer is refused naming the field; and
the report downloads as the page shows it."""

import datetime
from collections import defaultdict
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counterpart.reports.measures import Asked
from counterpart.reports.selectors import pivot
from tests import factories as f
from tests.talent.fixtures import post

pytestmark = pytest.mark.django_db

ENTRIES = st.lists(
    st.tuples(
        st.sampled_from(["beijing_hotan_city", "guangdong_shufu", "beijing_draft"]),
        st.sampled_from(["2", "3"]),  # a commitment, a disbursement
        st.integers(2011, 2014),
        st.integers(1, 10**9),
    ),
    max_size=12,
)


def as_dict(table) -> dict:
    """{row: {column: figure}}, without the cells nothing was recorded in (shown as "—")."""
    return {
        row[0]: {c: v for c, v in zip(table.columns[1:], row[1:], strict=True) if v is not None}
        for row in table.rows
    }


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(entries=ENTRIES)
def test_money_by_donor_and_year_is_the_sum_of_what_each_reader_sees(world, entries):
    with transaction.atomic():
        for number, (pairing, kind, year, amount) in enumerate(entries):
            f.EntryFactory(
                pairing=getattr(world, pairing),
                kind=kind,
                amount_minor=amount,
                value_date=datetime.date(year, 3, 1),
                sector="12230",
                reference=f"R-{number}",
                reason="An advance on a commitment to come" if kind == "3" else "",
            )
        for reader in (world.user("office"), AnonymousUser()):
            seen = [e for e in entries if e[0] != "beijing_draft" or reader.is_authenticated]
            want = defaultdict(lambda: defaultdict(int))
            for pairing, kind, year, amount in seen:
                if kind == "2":
                    donor = getattr(world, pairing).donor.name_en
                    for row, column in (
                        (donor, str(year)),
                        (donor, "Total"),
                        ("Total", str(year)),
                        ("Total", "Total"),
                    ):
                        want[row][column] += amount
            got = as_dict(pivot(actor=reader, measure="committed", rows="donor", columns="year"))
            assert got == {row: dict(columns) for row, columns in want.items()} or (
                not want and got == {}
            )
            rate = as_dict(pivot(actor=reader, measure="disbursement_rate", rows="donor"))
            committed = sum(e[3] for e in seen if e[1] == "2")
            disbursed = sum(e[3] for e in seen if e[1] == "3")
            if committed:
                expected = (Decimal(disbursed) * 100 / committed).quantize(Decimal("0.1"))
                assert rate["Total"]["Disbursement rate (%)"] == expected
        transaction.set_rollback(True)


def test_places_roll_up_to_the_level_asked(world):
    prefecture_pairing = f.PairingFactory(
        round_=world.round, donor=world.shenzhen, recipient=world.kashgar
    )
    f.EntryFactory(
        pairing=world.beijing_hotan_city, sector="12230", reference="A", amount_minor=100
    )
    f.EntryFactory(pairing=world.guangdong_shufu, sector="12230", reference="B", amount_minor=20)
    f.EntryFactory(pairing=prefecture_pairing, sector="12230", reference="C", amount_minor=3)
    office = world.user("office")
    by_prefecture = as_dict(pivot(actor=office, measure="committed", rows="prefecture"))
    assert {row: columns["Committed"] for row, columns in by_prefecture.items()} == {
        "Hotan Prefecture": 100,
        "Kashgar Prefecture": 23,
        "Total": 123,
    }
    by_county = as_dict(pivot(actor=office, measure="committed", rows="county"))
    assert {row: columns["Committed"] for row, columns in by_county.items()} == {
        "Hotan City": 100,
        "Shufu County": 20,
        "Above this level": 3,  # Kashgar's own money is in no one county
        "Total": 123,
    }
    only_hotan = pivot(
        actor=office, measure="committed", rows="county", asked=Asked(area=world.hotan)
    )
    assert [row[0] for row in only_hotan.rows] == ["Hotan City", "Total"]


def test_posts_by_specialty_and_status(world, talent):
    post(talent.hospital, specialty="cardiology", places=2)
    post(talent.hospital, specialty="cardiology", places=1, status="closed")
    post(talent.school, specialty="mathematics_teaching", places=3)
    office = world.user("office")
    posts = as_dict(pivot(actor=office, measure="posts", rows="specialty", columns="status"))
    assert posts["Cardiology"] == {"Open": 1, "Closed": 1, "Total": 2}
    assert posts["Mathematics teaching"] == {"Open": 1, "Total": 1}
    places = as_dict(pivot(actor=office, measure="places", rows="specialty"))
    assert places["Cardiology"]["Places asked for"] == 3
    public = as_dict(pivot(actor=AnonymousUser(), measure="posts", rows="specialty"))
    assert public["Cardiology"]["Posts"] == 1  # a closed post is not public


def test_a_question_the_measure_cannot_answer_is_refused_naming_the_field(client, world):
    page = client.get("/reports/", {"measure": "posts", "rows": "donor"}).content.decode()
    assert "Posts cannot be counted by Donor." in page
    api = client.get(
        "/api/reports/pivot", {"measure": "posts", "rows": "year", "donor_id": world.beijing.pk}
    )
    assert api.status_code == 422 and "donor" in api.json()["errors"]
    years = client.get(
        "/api/reports/pivot",
        {"measure": "committed", "rows": "year", "year_from": 2020, "year_to": 2010},
    )
    assert years.status_code == 422 and "year_to" in years.json()["errors"]
    for bad in (
        {"measure": "committed", "rows": "year", "year_from": 2**63},
        {"measure": "committed", "rows": "x"},
        {"measure": "committed", "rows": "year", "columns": "year"},
    ):
        assert client.get("/api/reports/pivot", bad).status_code == 422
    chinese = client.get(
        "/reports/", {"measure": "posts", "rows": "donor"}, HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert "不能按" in chinese.content.decode()


def test_the_report_downloads_as_the_page_shows_it(client, world):
    f.EntryFactory(
        pairing=world.beijing_hotan_city, sector="12230", reference="A", amount_minor=123_456
    )
    asked = {"measure": "committed", "rows": "donor", "columns": "year"}
    page = client.get("/reports/", asked).content.decode()
    assert "¥1,234.56" in page
    csv = client.get("/reports/", asked | {"download": "committed-by-donor-and-year"})
    text = csv.content.decode("utf-8-sig")
    assert text.splitlines()[0] == "Donor,2020 (CNY),Total (CNY)"
    assert "Beijing,1234.56,1234.56" in text and "Total,1234.56,1234.56" in text
    xlsx = client.get(
        "/reports/", asked | {"download": "committed-by-donor-and-year", "format": "xlsx"}
    )
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
