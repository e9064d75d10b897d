"""Remote care through pages and the API: each side's steps, and counts for the public."""

import datetime

from django.test import Client
from django.utils import timezone

from counterpart.care.models import Referral, Teleconsultation
from tests.api.test_api import call, token_for
from tests.care.test_services import ASKED, ask, hospitals  # noqa: F401 (a fixture)


def signed_in(world, key):
    client = Client()
    client.force_login(world.user(key))
    return client


def test_a_consultation_from_request_to_referral_on_the_pages(world, hospitals):  # noqa: F811
    hotan = signed_in(world, "hotan_team")
    answer = hotan.post(
        "/care/consultations/new/",
        {
            "requesting_institution": hospitals.hotan.pk,
            "consulting_institution": hospitals.beijing.pk,
            "specialty": "cardiology",
            "case_code": "HTN-2024-0011",
            "question": "Refer or operate here?",
        },
    )
    consultation = Teleconsultation.objects.get()
    assert answer["Location"] == f"/care/consultations/{consultation.pk}/"
    url = answer["Location"]
    assert hotan.post(url, {"action": "hold", "version": 1}).status_code == 403
    beijing = signed_in(world, "beijing_team")
    Teleconsultation.objects.filter(pk=consultation.pk).update(requested_at=ASKED)  # in the past
    held_at = timezone.localtime(ASKED) + datetime.timedelta(hours=3)
    beijing.post(
        url,
        {
            "action": "hold",
            "version": 1,
            "held_at": held_at.strftime("%Y-%m-%dT%H:%M"),
            "advice": "Refer for surgery.",
            "outcome": "referral",
        },
    )
    consultation.refresh_from_db()
    assert consultation.outcome == "referral"
    answer = hotan.post(url, {"action": "refer", "referred_on": held_at.date().isoformat()})
    referral = Referral.objects.get()
    assert answer["Location"] == f"/care/referrals/{referral.pk}/"
    assert signed_in(world, "guangdong_team").get(url).status_code == 404


def test_the_public_sees_counts_and_no_case(world, hospitals):  # noqa: F811
    ask(world, hospitals)
    page = Client().get("/care/")
    assert page.status_code == 200
    assert page.context["tables"]["consultations"].rows == [["2024-03", 1, 0]]
    assert "HTN-2024-0007" not in page.content.decode()
    csv = Client().get("/care/?download=consultations")
    assert csv.content.decode().splitlines()[1] == "2024-03,1,0"


def test_the_api_follows_the_same_rules(client, world, hospitals):  # noqa: F811
    hotan = token_for(world.user("hotan_team"))
    body = {
        "requesting_institution_id": hospitals.hotan.pk,
        "consulting_institution_id": hospitals.beijing.pk,
        "specialty": "cardiology",
        "case_code": "Somebody Real",
        "question": "x",
    }
    answer = call(client, "post", "/consultations", body, hotan)
    assert answer.status_code == 422 and "case_code" in answer.json()["errors"]
    body["case_code"] = "HTN-2024-0012"
    created = call(client, "post", "/consultations", body, hotan).json()
    guangdong = token_for(world.user("guangdong_team"))
    assert (
        call(client, "get", f"/consultations/{created['id']}", token=guangdong).status_code == 404
    )
    beijing = token_for(world.user("beijing_team"))
    early = call(
        client,
        "post",
        f"/consultations/{created['id']}/hold",
        {
            "version": created["version"],
            "held_at": (ASKED - datetime.timedelta(days=400)).isoformat(),
            "advice": "x",
            "outcome": "advice",
        },
        beijing,
    )
    assert early.status_code == 422 and "held_at" in early.json()["errors"]
    figures = call(client, "get", "/care/figures").json()
    assert figures["by_month"][0]["requested"] == 1
