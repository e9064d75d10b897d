"""The programme dashboard: who sees which figures, in which currency, and the CSV of a chart."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth.models import AnonymousUser

from counterpart.funding.models import Transaction
from counterpart.funding.selectors import Filters, disbursed_of_committed, display_in
from counterpart.portal.dashboard import dashboard_tables
from counterpart.reporting import selectors as reporting_selectors
from counterpart.reporting import services as reporting
from tests import factories as f


@pytest.fixture
def money(world):
    """Beijing: ¥700 published on health, ¥300 unpublished on industry; Guangdong ¥500."""
    published = f.ProjectFactory(pairing=world.beijing_hotan_city, sectors={"12230": 100})
    draft = f.ProjectFactory(
        pairing=world.beijing_hotan_city, sectors={"32130": 100}, is_published=False
    )
    shufu = f.ProjectFactory(pairing=world.guangdong_shufu, sectors={"25010": 100})
    f.EntryFactory(pairing=world.beijing_hotan_city, project=published, amount_minor=70_000)
    f.EntryFactory(pairing=world.beijing_hotan_city, project=draft, amount_minor=30_000)
    f.EntryFactory(pairing=world.guangdong_shufu, project=shufu, amount_minor=50_000)
    f.ExchangeRateFactory(valid_on=datetime.date(2020, 1, 1), rate="6.9")


def committed_by_donor(actor, **filters):
    figures = dashboard_tables(
        actor=actor,
        filters=Filters(**filters),
        display=display_in("CNY", datetime.date(2021, 1, 1)),
    )
    return {row[0]: row[1] for row in figures.tables["by-donor"].rows}


def test_the_office_sees_every_donor_and_the_public_only_published_money(world, money, anonymous):
    assert committed_by_donor(world.user("office")) == {"Beijing": 100_000, "Guangdong": 50_000}
    assert committed_by_donor(anonymous) == {"Beijing": 70_000, "Guangdong": 50_000}


def test_a_donor_team_sees_its_own_drafts_and_only_published_figures_of_others(world, money):
    seen = committed_by_donor(world.user("beijing_team"))
    assert seen == {"Beijing": 100_000, "Guangdong": 50_000}
    guangdong_view = committed_by_donor(world.user("guangdong_team"))
    assert guangdong_view["Beijing"] == 70_000


def test_the_wellbeing_share_counts_health_in_and_industry_out(world, money):
    office = world.user("office")
    figures = dashboard_tables(
        actor=office,
        filters=Filters(donor=world.beijing),
        display=display_in("CNY", datetime.date(2021, 1, 1)),
    )
    wellbeing = figures.checks["wellbeing_share"]
    assert (wellbeing.part_minor, wellbeing.whole_minor) == (70_000, 100_000)
    assert not wellbeing.met  # 70 % is below the 80 % line


def test_figures_in_dollars_state_their_rate(client, world, money):
    client.force_login(world.user("office"))
    page = client.get("/dashboard/", {"currency": "USD", "rate_on": "2021-01-01"})
    text = page.content.decode()
    assert "6.9" in text and "2020" in text  # the rate and the day it was set
    figures = dashboard_tables(
        actor=world.user("office"),
        filters=Filters(),
        display=display_in("USD", datetime.date(2021, 1, 1)),
    )
    by_donor = {row[0]: row[1] for row in figures.tables["by-donor"].rows}
    assert by_donor["Guangdong"] == 7_246  # ¥500.00 / 6.9 = $72.46


def test_each_chart_downloads_as_csv(client, world, money):
    client.force_login(world.user("office"))
    response = client.get("/dashboard/", {"download": "by-donor"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Donor"
    assert [row[:2] for row in rows[1:]] == [["Beijing", "1000.00"], ["Guangdong", "500.00"]]


def test_results_show_by_prefecture(world, money):
    from decimal import Decimal

    from counterpart.projects import services as projects
    from counterpart.projects.choices import Standard
    from counterpart.projects.models import Project

    office = world.user("office")
    shufu = Project.objects.get(pairing=world.guangdong_shufu)
    result = projects.result_create(actor=office, project=shufu, kind="1", title_en="Jobs")
    jobs = projects.indicator_create(
        actor=office, result=result, title_en="Jobs", standard=Standard.JOBS
    )
    projects.indicator_period_record(
        actor=office,
        indicator=jobs,
        period_start=datetime.date(2021, 1, 1),
        period_end=datetime.date(2021, 12, 31),
        target=Decimal(48),
        actual=Decimal(48),
    )
    figures = dashboard_tables(
        actor=office, filters=Filters(), display=display_in("CNY", datetime.date(2021, 1, 1))
    )
    table = figures.tables["indicators-by-prefecture"]
    assert table.columns == ["Prefecture", "Jobs created"]
    assert table.rows == [["Kashgar Prefecture", 48]]


def test_no_public_disbursement_rate_is_above_a_hundred_percent(client, world):
    """A disbursement approved while its commitment waits in review, or one beyond what was
    committed, made the public dashboard say 101.6 %: each pairing's disbursements now count up
    to its commitments."""
    reporting.reporting_rules_set(
        actor=world.user("office"),
        round=world.round,
        review_mode="new",
        levels=[("programme_office", "")],
    )
    project = f.ProjectFactory(pairing=world.guangdong_shufu, sectors={"25010": 100})
    office = world.user("office")
    for kind, amount in (("2", 100_000), ("3", 160_000)):
        entry = f.EntryFactory(
            pairing=world.guangdong_shufu,
            project=project,
            kind=kind,
            amount_minor=amount,
            reason="The second phase was paid early.",
        )
        review = reporting_selectors.review_of(entry)
        if kind == "3":  # only the disbursement is approved; the commitment waits
            reporting.review_approve(actor=office, review=review)
    covered, committed = disbursed_of_committed(actor=AnonymousUser())
    assert committed == 0 and covered == 0
    reporting.review_approve(
        actor=office, review=reporting_selectors.review_of(Transaction.objects.get(kind="2"))
    )
    covered, committed = disbursed_of_committed(actor=AnonymousUser())
    assert (covered, committed) == (100_000, 100_000)  # 160,000 disbursed, counted up to 100 %
    page = client.get("/dashboard/").content.decode()
    rates = [float(r) for r in re.findall(r"([\d.]+) %", page)]
    assert rates and max(rates) <= 100
