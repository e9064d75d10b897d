"""Projects and posts under review: the public and professionals see them once approved."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from counterpart.accounts.services import api_token_create
from counterpart.projects import selectors as projects
from counterpart.projects import services as projects_services
from counterpart.reporting import selectors, services
from counterpart.talent import selectors as talent
from counterpart.talent import services as talent_services
from counterpart.talent.selectors.runs import round_inputs
from tests import factories as f
from tests.reporting.conftest import report
from tests.talent.fixtures import post


@pytest.fixture
def reviewed(world):
    services.reporting_rules_set(
        actor=world.user("office"),
        round=world.round,
        review_mode="new",
        levels=[("programme_office", "")],
    )
    return world


def test_a_project_is_public_once_approved(reviewed, anonymous):
    world = reviewed
    project = f.ProjectFactory(pairing=world.beijing_hotan_city, title_en="Reading room")
    assert project not in projects.project_list(actor=anonymous)
    assert project in projects.project_list(actor=world.user("beijing_team"))
    review = selectors.review_of(project)
    services.review_submit(actor=world.user("beijing_team"), review=review)
    services.review_approve(actor=world.user("office"), review=review)
    assert project in projects.project_list(actor=anonymous)


def test_an_approved_projects_documents_and_milestones_change_through_review(reviewed, anonymous):
    """An approved project had taken new documents and milestones at once, its links shown
    to the public and in the IATI file without anyone reviewing them."""
    world = reviewed
    team, office = world.user("beijing_team"), world.user("office")
    project = f.ProjectFactory(pairing=world.beijing_hotan_city, title_en="Reading room")
    review = selectors.review_of(project)
    services.review_submit(actor=team, review=review)
    services.review_approve(actor=office, review=review)
    link = {"title": "Report", "url": "https://example.org/report.pdf"}
    with pytest.raises(ValidationError, match="approved"):
        projects_services.document_add(actor=team, project=project, **link)
    with pytest.raises(ValidationError, match="approved"):
        projects_services.milestone_add(
            actor=team, project=project, title_en="Opened", due_on=datetime.date(2021, 9, 1)
        )
    assert not project.documents.exists() and not project.milestones.exists()

    services.review_reopen(actor=team, review=review, reason="The final report is out.")
    projects_services.document_add(actor=team, project=project, **link)
    assert project not in projects.project_list(actor=anonymous)  # nor its link, until approved
    services.review_submit(actor=team, review=selectors.review_of(project))
    services.review_approve(actor=office, review=selectors.review_of(project))
    shown = projects.project_get(actor=anonymous, pk=project.pk)
    assert [d.url for d in shown.documents.all()] == [link["url"]]


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://example.org/report.pdf", "data:text/html,hi"]
)
def test_a_document_is_a_web_address(world, url):
    project = f.ProjectFactory(pairing=world.beijing_hotan_city)
    with pytest.raises(ValidationError) as refused:
        projects_services.document_add(
            actor=world.user("beijing_team"), project=project, title="Report", url=url
        )
    assert "url" in refused.value.message_dict


def test_a_post_is_ranked_and_matched_once_approved(reviewed, talent):
    world = reviewed
    hospital = talent.hospital
    new_post = post(hospital, "Radiologist", specialty="paediatrics")
    review = selectors.review_of(new_post)
    assert review is not None and review.donor == world.beijing  # Beijing assists Hotan City
    assert new_post not in talent_list(world)
    with pytest.raises(ValidationError, match="not open"):
        talent_services.preferences_set(
            actor=world.user("professional"), professional=talent.yu, posts=[new_post]
        )
    assert new_post.pk not in round_inputs(today=datetime.date(2030, 1, 1))["posts"]
    services.review_submit(actor=world.user("hotan_team"), review=review)
    services.review_approve(actor=world.user("office"), review=review)
    assert new_post in talent_list(world)
    talent_services.preferences_set(
        actor=world.user("professional"), professional=talent.yu, posts=[new_post]
    )


def talent_list(world):
    return list(talent.post_list(actor=world.user("professional")))


def test_the_api_gives_the_public_approved_periods_and_teams_their_status(client, world):
    office = world.user("office")
    project = f.ProjectFactory(pairing=world.beijing_hotan_city)
    result = projects_services.result_create(actor=office, project=project, kind="2", title_en="R")
    indicator = projects_services.indicator_create(actor=office, result=result, title_en="I")
    services.reporting_rules_set(
        actor=office, round=world.round, review_mode="new", levels=[("programme_office", "")]
    )
    report(world.user("hotan_team"), indicator, 12)
    public = client.get(f"/api/projects/{project.pk}/results").json()
    assert public[0]["indicators"][0]["periods"] == []
    _token, raw = api_token_create(actor=world.user("hotan_team"), name="t")
    team = client.get(
        f"/api/projects/{project.pk}/results", HTTP_AUTHORIZATION=f"Bearer {raw}"
    ).json()
    assert team[0]["indicators"][0]["periods"][0]["review_status"] == "draft"
