"""The programme's IATI file read into another instance: exported here, imported into an empty,
migrated database (`--create-missing --historical`, as its office), exported there, the two files
the same but for when they were written. The other instance runs in a child process, on its own
SQLite file, as a second installation would."""

import datetime
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from django.core.management import call_command
from django.utils import timezone
from lxml import etree

from counterpart.accounts.services import system_actor
from counterpart.funding import services as funding
from counterpart.pairings import services as pairings
from counterpart.places import services as places
from counterpart.projects import services as projects

ROOT = Path(__file__).resolve().parents[2]
D = datetime.date

ANOTHER_INSTANCE = """
import os, sys
import django
django.setup()
from django.core.management import call_command
from counterpart.accounts import services as accounts
from counterpart.accounts.services import system_actor
from counterpart.places import services as places

call_command("migrate", verbosity=0)
system = system_actor()  # the installation: its office, as an administrator makes it
country = places.region_create(actor=system, code="CN", name_en="China", level="country")
office = places.organization_create(
    actor=system, code="office", name_en="Programme Office", kind="central_agency", region=country
)
person = accounts.user_create(
    actor=system, username="office", password="a long pass phrase", display_name="Office"
)
accounts.membership_grant(actor=system, user=person, organization=office, role="programme_office")
file, out = sys.argv[1:3]
call_command(
    "iati", "import", file, "--create-missing", "--historical", "moved here", "--as", "office"
)
call_command("iati", "export", "--out", out)
"""


def a_programme():
    """A donor paired with a prefecture, two projects in two of its counties: budgets, a result,
    a document, commitments, a disbursement reversed, a promise dated ahead."""
    office = system_actor()
    china = places.region_create(actor=office, code="CN", name_en="China", level="country")
    xinjiang = places.region_create(
        actor=office,
        code="650000",
        name_en="Xinjiang",
        name_zh="新疆",
        level="province",
        parent=china,
    )
    hotan = places.region_create(
        actor=office,
        code="653200",
        name_en="Hotan Prefecture",
        name_zh="和田地区",
        level="prefecture",
        parent=xinjiang,
    )
    counties = [
        places.region_create(
            actor=office, code=code, name_en=name, name_zh=zh, level="county", parent=hotan
        )
        for code, name, zh in (
            ("653201", "Hotan City", "和田市"),
            ("653221", "Hotan County", "和田县"),
        )
    ]
    home = places.region_create(
        actor=office, code="110000", name_en="Beijing", level="province", parent=china
    )
    beijing = places.organization_create(
        actor=office,
        code="beijing",
        name_en="Beijing",
        name_zh="北京市",
        kind="municipality",
        region=home,
        iati_ref="CN-USCI-11110000MB0000001Y",
    )
    hospital = places.organization_create(
        actor=office, code="hospital", name_en="Hotan City Hospital", kind="hospital", region=hotan
    )
    round_ = pairings.pairing_round_create(
        actor=office, year=2010, name_en="2010 round", starts_on=D(2010, 5, 1)
    )
    pairing = pairings.pairing_create(
        actor=office,
        round=round_,
        donor=beijing,
        recipient=hotan,
        valid_from=D(2010, 5, 1),
        is_published=True,
    )
    for number, county in enumerate(counties, start=1):
        project = projects.project_create(
            actor=office,
            pairing=pairing,
            code=f"hospital-{number}",
            title_en=f"Hospital, phase {number}",
            title_zh=f"医院{number}期",
            region=county,
            sectors={"12230": 70, "11220": 30},
            planned_start=D(2019, 3, 1),
            actual_start=D(2019, 4, 1),
            planned_end=D(2023, 12, 31),
            status="2",
            implementer=hospital,
            is_published=True,
        )
        projects.project_budget_set(
            actor=office, project=project, year=2020, amount_minor=5_000_000 * number
        )
        projects.document_add(
            actor=office, project=project, title="News", url=f"https://example.org/{number}"
        )
        result = projects.result_create(actor=office, project=project, kind="1", title_en="Beds")
        indicator = projects.indicator_create(
            actor=office,
            result=result,
            title_en="Hospital beds",
            baseline_year=2019,
            baseline_value=Decimal("200"),
        )
        projects.indicator_period_record(
            actor=office,
            indicator=indicator,
            period_start=D(2020, 1, 1),
            period_end=D(2020, 12, 31),
            target=Decimal("300"),
            actual=Decimal("260.5"),
        )
        record = dict(actor=office, pairing=pairing, project=project, currency="CNY")
        funding.transaction_record(
            **record,
            kind="2",
            amount_minor=9_000_000,
            value_date=D(2020, 2, 1),
            reference=f"C{number}",
        )
        paid = funding.transaction_record(
            **record, kind="3", amount_minor=1_000_000 * number, value_date=D(2020, 6, 1)
        )
        funding.transaction_reverse(actor=office, transaction=paid, reason="Wrong account")
        funding.transaction_record(
            **record, kind="3", amount_minor=700_000, value_date=D(2020, 7, 1)
        )
        funding.transaction_record(
            **record,
            kind="2",
            amount_minor=2_000_000,
            value_date=D(timezone.localdate().year + 1, 6, 1),
        )


def canonical(path: Path) -> list[bytes]:
    """The activities, sorted by identifier, without the times the files were written."""
    root = etree.parse(str(path)).getroot()
    activities = []
    for activity in root.findall("iati-activity"):
        activity.attrib.pop("last-updated-datetime", None)
        activities.append(etree.tostring(activity, method="c14n"))
    return sorted(activities)


def test_an_export_imported_into_an_empty_instance_exports_the_same(db, tmp_path):
    a_programme()
    here, there = tmp_path / "here.xml", tmp_path / "there.xml"
    call_command("iati", "export", "--out", str(here))
    exported = canonical(here)
    assert len(exported) == 2
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "counterpart.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'there.sqlite3'}",
    }
    child = subprocess.run(
        [sys.executable, "-c", ANOTHER_INSTANCE, str(here), str(there)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert child.returncode == 0, child.stdout[-3000:] + child.stderr[-3000:]
    assert canonical(there) == exported
    transactions = etree.parse(str(there)).getroot().findall("iati-activity/transaction")
    assert len(transactions) == 8  # each project's commitment, payment, reversal and payment
