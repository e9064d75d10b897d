"""The project pages: list, create with a split, edit with the version check, detail forms."""

import datetime
import re

import pytest

from counterpart.projects.models import IndicatorPeriod, Milestone, Project
from tests import factories as f


@pytest.fixture
def kunyu(world):
    return f.ProjectFactory(
        pairing=world.beijing_hotan_city,
        code="kunyu",
        title_en="Kunyu hospital",
        is_published=False,
    )


def test_a_draft_project_is_seen_by_its_teams_and_not_by_others(client, world, kunyu):
    for user_key, sees in [
        ("beijing_team", True),
        ("hotan_team", True),
        ("office", True),
        ("guangdong_team", False),
        ("nobody", False),
    ]:
        client.force_login(world.user(user_key))
        listed = "Kunyu hospital" in client.get("/projects/").content.decode()
        assert listed is sees, user_key
        assert client.get(f"/projects/{kunyu.pk}/").status_code == (200 if sees else 404)


def test_a_donor_team_creates_a_project_with_its_split(client, world):
    client.force_login(world.user("beijing_team"))
    response = client.post(
        "/projects/new/",
        {
            "pairing": world.beijing_hotan_city.pk,
            "code": "reading-room",
            "title_en": "Reading room",
            "status": "2",
            "region": world.hotan_city.pk,
            "budget": "1,250,000.50",
            "currency": "CNY",
            "sector_1": "11220",
            "percentage_1": "80",
            "sector_2": "16061",
            "percentage_2": "20",
        },
    )
    project = Project.objects.get(code="reading-room")
    assert response.status_code == 302
    assert project.budget_minor == 125_000_050
    assert dict(project.sectors.values_list("sector_id", "percentage")) == {
        "11220": 80,
        "16061": 20,
    }


def test_a_split_that_does_not_add_up_is_shown_and_nothing_is_saved(client, world):
    client.force_login(world.user("beijing_team"))
    response = client.post(
        "/projects/new/",
        {
            "pairing": world.beijing_hotan_city.pk,
            "code": "half",
            "title_en": "Half",
            "status": "1",
            "region": world.hotan_city.pk,
            "currency": "CNY",
            "sector_1": "11220",
            "percentage_1": "50",
        },
    )
    assert response.status_code == 200
    assert "not 100" in response.content.decode()
    assert not Project.objects.filter(code="half").exists()


def test_an_edit_made_from_a_stale_page_is_refused(client, world, kunyu):
    client.force_login(world.user("beijing_team"))
    form = {
        "title_en": "Kunyu People's Hospital",
        "status": "2",
        "region": world.hotan_city.pk,
        "currency": "CNY",
        "budget": "70,000,000",
        "version": kunyu.version,
    }
    assert client.post(f"/projects/{kunyu.pk}/edit/", form).status_code == 302
    stale = client.post(f"/projects/{kunyu.pk}/edit/", {**form, "title_en": "Other"})
    assert stale.status_code == 200
    kunyu.refresh_from_db()
    assert (kunyu.title_en, kunyu.budget_minor) == ("Kunyu People's Hospital", 7_000_000_000)


def test_another_donor_cannot_edit(client, world, kunyu):
    client.force_login(world.user("guangdong_team"))
    assert client.get(f"/projects/{kunyu.pk}/edit/").status_code == 404
    kunyu.is_published = True  # even a published project stays Beijing's to change
    kunyu.save()
    assert client.get(f"/projects/{kunyu.pk}/edit/").status_code == 403
    assert client.post(f"/projects/{kunyu.pk}/", {"action": "milestone"}).status_code == 403


def test_milestones_and_results_are_entered_on_the_detail_page(client, world, kunyu):
    client.force_login(world.user("beijing_team"))
    url = f"/projects/{kunyu.pk}/"
    client.post(url, {"action": "milestone", "title_en": "Roof", "due_on": "2021-09-01"})
    milestone = Milestone.objects.get(project=kunyu)
    client.post(
        url,
        {
            "action": "milestone_done",
            "milestone": milestone.pk,
            "version": milestone.version,
            "completed_on": "2021-08-20",
        },
    )
    client.post(url, {"action": "result", "kind": "1", "title_en": "Beds"})
    result = kunyu.results.get()
    client.post(
        url,
        {
            "action": "indicator",
            "result": result.pk,
            "standard": "hospital_beds",
            "title_en": "Beds",
            "measure": "1",
            "ascending": "on",
        },
    )
    indicator = result.indicators.get()
    client.post(
        url,
        {
            "action": "period",
            "indicator": indicator.pk,
            "period_start": "2021-01-01",
            "period_end": "2021-12-31",
            "target": "300",
        },
    )
    client.force_login(world.user("hotan_team"))
    actual = {
        "action": "period",
        "indicator": indicator.pk,
        "period_start": "2021-01-01",
        "period_end": "2021-12-31",
        "actual": "280",
    }
    first = client.post(url, actual).content.decode()  # recorded already: read it first
    assert "Save again to replace" in first and "300" in first
    read = IndicatorPeriod.objects.get(indicator=indicator).version
    assert re.search(rf'<input[^>]*name="version" value="{read}"[^>]*id="period-version"', first)
    client.post(url, {**actual, "version": read})
    milestone.refresh_from_db()
    assert milestone.completed_on == datetime.date(2021, 8, 20)
    period = IndicatorPeriod.objects.get(indicator=indicator)
    assert (period.target, period.actual) == (300, 280)
    page = client.get(url).content.decode()
    assert 'value="280' in page and "Roof" in page


def test_the_public_reads_a_published_project_but_not_its_money(client, world):
    project = f.ProjectFactory(pairing=world.beijing_hotan_city, title_en="Reading room")
    f.EntryFactory(pairing=world.beijing_hotan_city, project=project, amount_minor=12_345)
    page = client.get(f"/projects/{project.pk}/")
    assert page.status_code == 200
    assert "Reading room" in page.content.decode()
    assert not page.context["shows_money"]
    assert client.get(f"/funding/projects/{project.pk}/").status_code == 404
    assert client.post(f"/projects/{project.pk}/", {"action": "milestone"}).status_code == 403


def test_the_project_page_loads_its_money_from_the_ledger(client, world):
    project = f.ProjectFactory(pairing=world.beijing_hotan_city, title_en="Reading room")
    f.EntryFactory(pairing=world.beijing_hotan_city, project=project, amount_minor=12_345)
    client.force_login(world.user("beijing_team"))
    page = client.get(f"/projects/{project.pk}/").content.decode()
    assert f'hx-get="/funding/projects/{project.pk}/"' in page
    money = client.get(f"/funding/projects/{project.pk}/", HTTP_HX_REQUEST="true")
    text = money.content.decode()
    assert money.status_code == 200 and "¥123.45" in text and "1–1 of 1" in text
    client.force_login(world.user("guangdong_team"))  # another donor: neither project nor money
    assert client.get(f"/funding/projects/{project.pk}/").status_code == 404
