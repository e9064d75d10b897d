"""The open data page: the files as generated (public), served with their ETag and
Last-Modified, regenerated after an approval; the office's licence and codes."""

import codecs

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from counterpart.interchange import selectors, services
from counterpart.interchange.models import PublishedFile
from counterpart.interchange.receivers import PUBLISH
from counterpart.jobs.models import Job
from tests.interchange.test_iati_export import published  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("iati_standard")


def test_the_page_lists_and_serves_the_generated_files(published, world, client):  # noqa: F811
    services.open_data_publish(actor=world.user("office"))
    world.beijing.refresh_from_db()
    names = set(PublishedFile.objects.values_list("name", flat=True))
    assert {
        "ledger-totals.csv",
        "projects.xlsx",
        "results.csv",
        "iati-activities.xml",
        "iati-organisations.xml",
        f"iati-activities-{world.beijing.iati_ref}.xml",
        f"iati-organisation-{world.beijing.iati_ref}.xml",
    } <= names
    page = client.get("/open-data/")
    assert page.status_code == 200 and b"iati-activities.xml" in page.content
    assert b"amount_cny" in page.content  # the data dictionary
    served = client.get("/open-data/files/projects.csv")
    assert served.status_code == 200
    raw = b"".join(served.streaming_content)
    # A spreadsheet opens it with its Chinese intact: UTF-8 with a byte-order mark, said so,
    # under the name the page gives it (not the stored file's).
    assert raw.startswith(codecs.BOM_UTF8)
    assert served["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="projects.csv"' in served["Content-Disposition"]
    body = raw.decode("utf-8-sig")
    assert body.splitlines()[0].startswith("code,title_en") and "hotan-hospital" in body
    assert "draft" not in body and "gd-school" in body  # published ones only
    etag, modified = served["ETag"], served["Last-Modified"]
    again = client.get("/open-data/files/projects.csv", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    since = client.get("/open-data/files/projects.csv", HTTP_IF_MODIFIED_SINCE=modified)
    assert since.status_code == 304
    assert client.get("/open-data/files/nothing.csv").status_code == 404


def test_an_approval_queues_one_regeneration(world):
    from counterpart.reporting import services as reporting
    from counterpart.reporting.selectors import review_of
    from tests import factories as f

    reporting.reporting_rules_set(
        actor=world.user("office"),
        round=world.round,
        review_mode="new",
        levels=[("programme_office", "")],
    )
    first = f.ProjectFactory(pairing=world.beijing_hotan_city, code="one")
    second = f.ProjectFactory(pairing=world.beijing_hotan_city, code="two")
    for project in (first, second):
        review = review_of(project)
        reporting.review_submit(actor=world.user("beijing_team"), review=review)
        reporting.review_approve(actor=world.user("office"), review=review_of(project))
    assert Job.objects.filter(kind=PUBLISH).count() == 1
    call_command("worker", "--once")
    assert PublishedFile.objects.filter(name="projects.csv").exists()


def test_only_the_office_sets_the_licence_and_codes(world, client):
    client.force_login(world.user("beijing_team"))
    assert client.post("/open-data/", {"licence": "CC0-1.0"}).status_code == 403
    assert client.post("/open-data/publish/").status_code == 403
    client.force_login(world.user("office"))
    answer = client.post("/open-data/", {"licence": "CC0-1.0", "flow_type": "99"})
    assert answer.status_code == 200 and b"Not a code of IATI" in answer.content
    answer = client.post("/open-data/", {"licence": "CC0-1.0", "flow_type": "10"})
    assert answer.status_code == 302
    assert b"Creative Commons Zero" in client.get("/open-data/").content
    assert not selectors.iati_codes().spread_budgets
    client.post("/open-data/", {"licence": "CC0-1.0", "spread_budgets": "on"})
    assert selectors.iati_codes().spread_budgets


@pytest.mark.parametrize("given", ["yes", 1, None])
def test_spreading_budgets_is_said_with_a_yes_or_no(world, given):
    with pytest.raises(ValidationError) as refused:
        services.open_data_settings_set(actor=world.user("office"), spread_budgets=given)
    assert "spread_budgets" in refused.value.message_dict


@pytest.mark.parametrize("who", [None, "nobody", "beijing_team"])
def test_the_page_is_public(world, client, who):
    if who:
        client.force_login(world.user(who))
    assert client.get("/open-data/").status_code == 200
