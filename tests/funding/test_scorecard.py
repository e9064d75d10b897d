"""The donor scorecard: each donor's quarters on time, late or missing; as CSV and XLSX."""

import datetime
import io

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from counterpart.funding.scorecard import LATE, MISSING, NOT_DUE, ON_TIME, donor_scorecard
from tests import factories as f


def recorded_on(entry, day: datetime.date) -> None:
    """As if the entry had been recorded that day (the ledger refuses changes, so the test
    reaches past it)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE funding_transaction SET recorded_at = %s WHERE id = %s",
            [timezone.make_aware(datetime.datetime.combine(day, datetime.time(12))), entry.pk],
        )


def test_on_time_late_missing_and_not_yet_due(world):
    on_time = f.EntryFactory(
        pairing=world.beijing_hotan_city, sector="12230", value_date=datetime.date(2021, 2, 10)
    )
    recorded_on(on_time, datetime.date(2021, 4, 20))  # within 30 days of the quarter's end
    late = f.EntryFactory(
        pairing=world.guangdong_shufu, sector="12230", value_date=datetime.date(2021, 2, 10)
    )
    recorded_on(late, datetime.date(2021, 6, 1))
    quarters, rows = donor_scorecard(
        actor=world.user("office"),
        round=world.round,
        year=2021,
        today=datetime.date(2021, 8, 15),
    )
    marks = {row.donor.name: row.marks for row in rows}
    assert marks["Beijing"] == [ON_TIME, MISSING, NOT_DUE, NOT_DUE]
    assert marks["Guangdong"] == [LATE, MISSING, NOT_DUE, NOT_DUE]
    assert [q.label for q, _d in quarters] == ["2021 Q1", "2021 Q2", "2021 Q3", "2021 Q4"]


def test_a_donor_team_sees_its_own_row_and_downloads_it(client, world):
    f.EntryFactory(
        pairing=world.beijing_hotan_city, sector="12230", value_date=datetime.date(2021, 2, 10)
    )
    client.force_login(world.user("beijing_team"))
    page = client.get(reverse("funding:scorecard") + "?year=2021")
    assert [row.donor.name for row in page.context["rows"]] == ["Beijing"]
    sheet = client.get(
        reverse("funding:scorecard") + "?year=2021&download=donor-scorecard-2021&format=xlsx"
    )
    book = load_workbook(io.BytesIO(sheet.content))
    cells = list(book.active.values)
    assert cells[0][0] == "Donor" and cells[1][0] == "Beijing"
    csv = client.get(reverse("funding:scorecard") + "?year=2021&download=donor-scorecard-2021")
    assert csv.content.decode().splitlines()[1].startswith("Beijing,")


@pytest.mark.parametrize("key", ["hotan_team", "professional", "nobody"])
def test_the_scorecard_is_not_for_others(client, world, key):
    client.force_login(world.user(key))
    assert client.get(reverse("funding:scorecard")).status_code == 403


def test_the_office_sees_every_donor(client, world):
    client.force_login(world.user("office"))
    rows = client.get(reverse("funding:scorecard") + "?year=abc&round=999999999999999999999")
    assert {r.donor.name for r in rows.context["rows"]} == {"Beijing", "Guangdong"}
