"""Enterprise support: reports by the right teams, jobs that feed the project's indicators,
sales kept in CNY, and bad input that changes nothing."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from counterpart.enterprise import selectors, services
from counterpart.enterprise.models import EmploymentReport, EnterpriseSupport, ProductSale
from counterpart.projects import selectors as projects
from counterpart.projects.choices import Standard
from tests import factories as f
from tests.api.test_api import call, token_for

D = datetime.date


@pytest.fixture
def plant(world):
    company = f.OrganizationFactory(region_=world.shufu, kind="company", name="Shufu oil plant")
    project = f.ProjectFactory(pairing=world.guangdong_shufu, sectors={"32161": 100}, code="oil")
    return services.support_create(
        actor=world.user("guangdong_team"),
        company=company,
        pairing=world.guangdong_shufu,
        kind="capital",
        started_on=D(2020, 3, 1),
        project=project,
    )


def report(world, plant, user_key="guangdong_team", **fields):
    data = dict(
        period_start=D(2020, 1, 1), period_end=D(2020, 12, 31), employees=48, formerly_poor=34
    )
    return services.employment_report(
        actor=world.user(user_key), support=plant, **{**data, **fields}
    )


def test_jobs_reported_fill_the_projects_indicators(world, plant):
    report(world, plant)
    totals = projects.standard_totals(actor=world.user("office"))
    assert totals[Standard.JOBS].actual == 48
    assert totals[Standard.JOBS_FORMERLY_POOR].actual == 34
    report(world, plant, employees=50, formerly_poor=35)  # the same period again: replaced
    totals = projects.standard_totals(actor=world.user("office"))
    assert (totals[Standard.JOBS].actual, totals[Standard.JOBS_FORMERLY_POOR].actual) == (50, 35)
    figures = selectors.enterprise_figures(actor=world.user("office"))
    assert figures.jobs == [("Shufu oil plant", 2020, 50, 35, 70.0)]


def test_reports_come_from_the_supporting_donor_or_the_companys_place(world, plant):
    report(world, plant)  # Guangdong supports it
    for user_key in ("beijing_team", "hotan_team", "auditor", "nobody", "professional"):
        with pytest.raises(PermissionDenied):
            report(world, plant, user_key, period_start=D(2021, 1, 1), period_end=D(2021, 12, 31))
    with pytest.raises(PermissionDenied):  # only a donor team supports
        services.support_create(
            actor=world.user("beijing_team"),
            company=plant.company,
            pairing=world.guangdong_shufu,
            kind="technical",
            started_on=D(2021, 1, 1),
        )
    assert EmploymentReport.objects.count() == 1
    assert EnterpriseSupport.objects.count() == 1
    assert list(selectors.support_list(actor=world.user("guangdong_team"))) == [plant]
    assert not selectors.support_list(actor=world.user("beijing_team")).exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"formerly_poor": 49}, "formerly_poor"),
        ({"employees": -1, "formerly_poor": 0}, "employees"),
        ({"period_end": D(2019, 1, 1)}, "period_end"),
        ({"wages_paid_minor": -5}, "wages_paid_minor"),
        ({"currency": "XXX"}, "currency"),
    ],
)
def test_bad_employment_reports_name_the_field_and_change_nothing(world, plant, fields, field):
    with pytest.raises(ValidationError) as error:
        report(world, plant, **fields)
    assert field in error.value.message_dict
    assert not EmploymentReport.objects.exists()
    assert not projects.standard_totals(actor=world.user("office"))


def sale(world, user_key="guangdong_team", **fields):
    data = dict(
        pairing=world.guangdong_shufu,
        product="Cooking oil",
        market_region=world.guangdong.region,
        channel="livestream",
        period_start=D(2021, 7, 1),
        period_end=D(2021, 12, 31),
        volume=Decimal(12),
        unit="tonnes",
        value_minor=20_000_000,
    )
    return services.product_sale_record(actor=world.user(user_key), **{**data, **fields})


def test_sales_in_donor_markets_are_kept_in_cny(world):
    f.ExchangeRateFactory(base="USD", quote="CNY", valid_on=D(2021, 1, 1), rate="6.5")
    sale(world)
    sold = sale(world, channel="e_commerce", currency="USD", value_minor=100_000)
    assert sold.value_cny_minor == 650_000
    figures = selectors.enterprise_figures(actor=world.user("office"))
    assert figures.sales_by_channel == [("Livestream", 20_000_000), ("E-commerce", 650_000)]
    assert (
        selectors.enterprise_figures(
            actor=world.user("office"), donor=world.beijing
        ).sales_by_channel
        == []
    )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"currency": "EUR"}, "period_end"),  # no EUR rate recorded
        ({"market_region_key": "hotan_city"}, "market_region"),
        ({"value_minor": -1}, "value_minor"),
        ({"volume": Decimal(-2)}, "volume"),
    ],
)
def test_bad_sales_name_the_field_and_write_nothing(world, fields, field):
    if "market_region_key" in fields:
        fields = {"market_region": world.hotan_city}
    with pytest.raises(ValidationError) as error:
        sale(world, **fields)
    assert field in error.value.message_dict
    assert not ProductSale.objects.exists()


def test_pages_and_api(client, world, plant):
    report(world, plant)
    page = Client().get("/enterprise/")
    assert page.context["figures"].employees == 48 and page.context["share"] == 70.8
    token = token_for(world.user("beijing_team"))
    answer = call(
        client,
        "put",
        f"/enterprise-supports/{plant.pk}/employment",
        {
            "period_start": "2021-01-01",
            "period_end": "2021-12-31",
            "employees": 5,
            "formerly_poor": 1,
        },
        token,
    )
    assert answer.status_code == 404  # Beijing's team does not see Guangdong's support
    token = token_for(world.user("guangdong_team"))
    answer = call(
        client,
        "put",
        f"/enterprise-supports/{plant.pk}/employment",
        {
            "period_start": "2021-01-01",
            "period_end": "2021-12-31",
            "employees": 5,
            "formerly_poor": 6,
        },
        token,
    )
    assert answer.status_code == 422 and "formerly_poor" in answer.json()["errors"]
    figures = call(client, "get", "/enterprise/figures").json()
    assert figures["employees"] == 48
