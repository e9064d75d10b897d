"""Projects and their results: who may change what, what is refused, and how results add up."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from counterpart.audit.models import AuditEvent
from counterpart.funding.models import LedgerTotal
from counterpart.projects import selectors, services
from counterpart.projects.choices import Standard
from counterpart.projects.models import Project
from tests import factories as f


def make(world, user_key="beijing_team", **fields):
    defaults = dict(pairing=world.beijing_hotan_city, code="kunyu", title_en="Kunyu hospital")
    return services.project_create(actor=world.user(user_key), **{**defaults, **fields})


def test_a_donor_team_creates_its_own_project_with_a_sector_split(world):
    project = make(world, sectors={"12230": 70, "11220": 30})
    assert project.region == world.hotan_city
    assert dict(project.sectors.values_list("sector_id", "percentage")) == {
        "12230": 70,
        "11220": 30,
    }
    assert AuditEvent.objects.filter(event_type="project.created").count() == 1


@pytest.mark.parametrize("user_key", ["guangdong_team", "hotan_team", "auditor", "nobody"])
def test_no_one_else_creates_a_project_for_beijing(world, user_key):
    with pytest.raises(PermissionDenied):
        make(world, user_key)
    assert not Project.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"region_key": "shufu"}, "region"),
        (
            {"planned_start": datetime.date(2021, 1, 1), "planned_end": datetime.date(2020, 1, 1)},
            "planned_end",
        ),
        ({"sectors": {"12230": 60, "11220": 30}}, "sectors"),
        ({"sectors": {"99999": 100}}, "sectors"),
    ],
)
def test_bad_project_input_names_the_field_and_writes_nothing(world, fields, field):
    if "region_key" in fields:
        fields = {"region": getattr(world, fields.pop("region_key"))}
    with pytest.raises(ValidationError) as error:
        make(world, **fields)
    assert field in error.value.message_dict
    assert not Project.objects.exists()


def test_a_stale_edit_is_refused_and_changes_nothing(world):
    project = make(world)
    services.project_update(
        actor=world.user("office"), project=project, expected_version=1, title_en="Renamed"
    )
    with pytest.raises(ValidationError) as error:
        services.project_update(
            actor=world.user("beijing_team"),
            project=Project.objects.get(pk=project.pk),
            expected_version=1,
            title_en="Overwritten",
        )
    assert "version" in error.value.message_dict
    assert Project.objects.get(pk=project.pk).title_en == "Renamed"


def test_publishing_a_project_moves_its_money_into_the_public_totals(world):
    project = make(world, sectors={"12230": 100}, is_published=False)
    f.EntryFactory(pairing=world.beijing_hotan_city, project=project, amount_minor=500)

    def public_total():
        return sum(LedgerTotal.objects.filter(public=True).values_list("amount_minor", flat=True))

    assert public_total() == 0
    services.project_update(
        actor=world.user("beijing_team"),
        project=project,
        expected_version=project.version,
        is_published=True,
    )
    assert public_total() == 500


def _indicator(world, project, standard=Standard.JOBS):
    result = services.result_create(
        actor=world.user("beijing_team"), project=project, kind="1", title_en="Jobs"
    )
    return services.indicator_create(
        actor=world.user("beijing_team"), result=result, title_en="Jobs", standard=standard
    )


def test_the_recipient_team_reports_actuals_but_sets_no_target(world):
    indicator = _indicator(world, make(world))
    period = dict(period_start=datetime.date(2021, 1, 1), period_end=datetime.date(2021, 12, 31))
    first = services.indicator_period_record(
        actor=world.user("beijing_team"), indicator=indicator, target=Decimal(50), **period
    )
    services.indicator_period_record(
        actor=world.user("hotan_team"),
        indicator=indicator,
        actual=Decimal(48),
        expected_version=first.version,
        **period,
    )
    with pytest.raises(PermissionDenied):
        services.indicator_period_record(
            actor=world.user("hotan_team"), indicator=indicator, target=Decimal(10), **period
        )
    with pytest.raises(PermissionDenied):
        services.indicator_period_record(
            actor=world.user("guangdong_team"), indicator=indicator, actual=Decimal(1), **period
        )
    (stored,) = indicator.periods.all()
    assert (stored.target, stored.actual) == (Decimal(50), Decimal(48))


def test_two_teams_writing_one_period_from_the_same_read_cannot_both_win(world):
    indicator = _indicator(world, make(world))
    period = dict(period_start=datetime.date(2021, 1, 1), period_end=datetime.date(2021, 12, 31))
    read = services.indicator_period_record(
        actor=world.user("beijing_team"), indicator=indicator, target=Decimal(50), **period
    ).version
    services.indicator_period_record(
        actor=world.user("hotan_team"),
        indicator=indicator,
        actual=Decimal(48),
        expected_version=read,
        **period,
    )
    for version in (read, None):  # the same stale read, or none at all
        with pytest.raises(ValidationError) as error:
            services.indicator_period_record(
                actor=world.user("beijing_team"),
                indicator=indicator,
                actual=Decimal(30),
                expected_version=version,
                **period,
            )
        assert "version" in error.value.message_dict
    assert indicator.periods.get().actual == Decimal(48)


def test_a_value_below_zero_is_refused(world):
    indicator = _indicator(world, make(world))
    with pytest.raises(ValidationError) as error:
        services.indicator_period_record(
            actor=world.user("beijing_team"),
            indicator=indicator,
            period_start=datetime.date(2021, 1, 1),
            period_end=datetime.date(2021, 12, 31),
            actual=Decimal(-1),
        )
    assert "actual" in error.value.message_dict
    assert not indicator.periods.exists()


def test_results_roll_up_by_prefecture_and_across_donors(world):
    period = dict(period_start=datetime.date(2021, 1, 1), period_end=datetime.date(2021, 12, 31))
    hotan = _indicator(world, make(world))
    shufu_project = services.project_create(
        actor=world.user("guangdong_team"),
        pairing=world.guangdong_shufu,
        code="shufu-oil",
        title_en="Oil plant",
    )
    result = services.result_create(
        actor=world.user("guangdong_team"), project=shufu_project, kind="1", title_en="Jobs"
    )
    shufu = services.indicator_create(
        actor=world.user("guangdong_team"), result=result, title_en="Jobs", standard=Standard.JOBS
    )
    office = world.user("office")
    for indicator, target, actual in ((hotan, 50, 40), (shufu, 48, 48)):
        services.indicator_period_record(
            actor=office,
            indicator=indicator,
            target=Decimal(target),
            actual=Decimal(actual),
            **period,
        )
    by_place = {
        p.label: (p.target, p.actual)
        for p in selectors.indicator_rollup(
            actor=office, standard=Standard.JOBS, by="place", level="prefecture"
        )
    }
    assert by_place == {"Hotan Prefecture": (50, 40), "Kashgar Prefecture": (48, 48)}
    (year,) = selectors.indicator_rollup(actor=office, standard=Standard.JOBS, by="year")
    assert (year.key, year.target, year.actual, year.percent) == (2021, 98, 88, 89)
    assert selectors.standard_totals(actor=office)[Standard.JOBS].actual == 88
