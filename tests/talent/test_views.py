"""The talent pages: what each role sees and does, through the browser's requests."""

import datetime

from django.core.management import call_command
from django.test import Client

from counterpart.jobs.models import Job
from counterpart.talent import services
from counterpart.talent.models import MatchRun, Placement, Post, Preference
from tests import factories as f
from tests.forms import submit
from tests.talent.fixtures import START


def signed_in(world, key):
    client = Client()
    client.force_login(world.user(key))
    return client


def test_a_professional_ranks_posts_on_the_ranking_page(world, talent):
    client = signed_in(world, "professional")
    page = client.get("/talent/me/ranking/")
    assert page.status_code == 200
    assert "Paediatrician" in page.content.decode()  # an open post of their specialty
    answer = client.post(
        "/talent/me/ranking/", {"post": [str(talent.teaching.pk), str(talent.paediatrics.pk)]}
    )
    assert answer.status_code == 302
    assert list(talent.yu.preferences.values_list("post", flat=True)) == [
        talent.teaching.pk,
        talent.paediatrics.pk,
    ]
    # Someone else's ranking page is not found; a team of another donor cannot reach it either.
    assert client.get(f"/talent/professionals/{talent.li.pk}/ranking/").status_code == 404
    other = signed_in(world, "guangdong_team")
    assert other.get(f"/talent/professionals/{talent.yu.pk}/ranking/").status_code == 404


def test_the_receiving_team_orders_applicants_without_seeing_names(world, talent):
    for who in (talent.yu, talent.wang):
        services.preferences_set(actor=f.system(), professional=who, posts=[talent.paediatrics])
    client = signed_in(world, "hotan_team")
    page = client.get(f"/talent/posts/{talent.paediatrics.pk}/").content.decode()
    assert f"Applicant {talent.yu.pk}" in page and f"Applicant {talent.wang.pk}" in page
    assert "Yu Test" not in page and "Wang Test" not in page
    client.post(
        f"/talent/posts/{talent.paediatrics.pk}/",
        {
            "action": "hand",
            "applicant": [str(talent.wang.pk)],
            "version": talent.paediatrics.version,
        },
    )
    talent.paediatrics.refresh_from_db()
    assert talent.paediatrics.ranked_by_hand
    # Beijing's team may not reorder Hotan's applicants.
    beijing = signed_in(world, "beijing_team")
    answer = beijing.post(f"/talent/posts/{talent.paediatrics.pk}/", {"action": "rule"})
    assert answer.status_code == 403
    assert (
        "Applicant" not in beijing.get(f"/talent/posts/{talent.paediatrics.pk}/").content.decode()
    )


def test_the_office_runs_and_publishes_from_the_pages(world, talent):
    services.preferences_set(actor=f.system(), professional=talent.yu, posts=[talent.paediatrics])
    office = signed_in(world, "office")
    answer = office.post("/talent/runs/", {"optimal": "applicant"})
    job = Job.objects.get()  # the matching runs on the work queue, not in the request
    assert answer.status_code == 302 and answer["Location"] == f"/jobs/{job.pk}/"
    assert not MatchRun.objects.exists()
    call_command("worker", "--once")
    run = MatchRun.objects.get()
    progress = office.get(f"/jobs/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert "Done" in progress and f"/talent/runs/{run.pk}/" in progress
    page = office.get(f"/talent/runs/{run.pk}/").content.decode()
    assert "Yu Test" in page and 'data-testid="fill-rate"' in page
    auditor = signed_in(world, "auditor")
    publish = f"/talent/runs/{run.pk}/publish/"
    confirmed = {"version": run.version, "confirm": "yes"}
    assert auditor.post(publish, confirmed).status_code == 403
    assert signed_in(world, "beijing_team").get("/talent/runs/").status_code == 403
    preview = office.get(publish)
    assert preview.context["preview"].placements == 1 and not preview.context["preview"].problems
    office.post(publish, {"version": run.version})  # not confirmed: nothing happens
    assert not Placement.objects.exists()
    office.post(publish, confirmed)
    placement = Placement.objects.get()
    assert placement.professional == talent.yu and placement.start_date == START


def test_an_extension_asked_for_and_approved_on_the_placement_page(world, talent):
    placement = services.placement_create(
        actor=f.system(), professional=talent.yu, post=talent.paediatrics, start_date=START
    )
    url = f"/talent/placements/{placement.pk}/"
    me = signed_in(world, "professional")
    new_end = placement.end_date + datetime.timedelta(days=180)
    me.post(
        url, {"action": "extension", "new_end_date": new_end.isoformat(), "reason": "More to do."}
    )
    extension = placement.extensions.get()
    assert me.post(url, {"action": "approve", "extension": extension.pk}).status_code == 403
    hotan = signed_in(world, "hotan_team")
    hotan.post(url, {"action": "approve", "extension": extension.pk, "note": "Welcome."})
    placement.refresh_from_db()
    assert placement.end_date == new_end and placement.extended
    assert signed_in(world, "guangdong_team").get(url).status_code == 404


def test_the_public_sees_open_posts_only(world, talent):
    client = Client()
    assert client.get("/talent/posts/").status_code == 200
    assert "Paediatrician" in client.get("/talent/posts/").content.decode()
    assert client.get("/talent/placements/").status_code == 302  # to the login page
    assert client.get("/talent/professionals/").status_code == 302
    assert not Preference.objects.exists()


def test_trainings_and_terms_show_on_the_programme_dashboard(world, talent):
    from decimal import Decimal

    services.training_record(
        actor=f.system(),
        institution=talent.hospital,
        trainer=talent.yu,
        topic="Neonatal care",
        held_on=datetime.date(2030, 10, 1),
        hours=Decimal(6),
        attendees=25,
        local_staff_trained=21,
    )
    services.placement_create(
        actor=f.system(), professional=talent.yu, post=talent.paediatrics, start_date=START
    )
    figures = Client().get("/dashboard/").context["tables"]
    staff = [row for row in figures["indicators"].rows if row[0] == "Local staff trained"]
    assert staff == [["Local staff trained", None, 0, 21]]  # no target: no share reached
    assert figures["terms"].rows == [["2030", 1, 0]]
    # Filtered to another donor, Beijing's training and term are not counted.
    figures = Client().get(f"/dashboard/?donor={world.guangdong.pk}").context["tables"]
    assert not [row for row in figures["indicators"].rows if row[0] == "Local staff trained"]
    assert figures["terms"].rows == []


def test_a_partner_is_named_only_to_those_who_may_see_the_partner(world, talent):
    """Yu (Beijing) and Wang (Guangdong) serve as a couple: Beijing's team sees Yu's page and
    Yu's name, but Wang is Guangdong's to name."""
    services.couple_create(actor=f.system(), first=talent.yu, second=talent.wang)
    beijing = signed_in(world, "beijing_team").get(f"/talent/professionals/{talent.yu.pk}/")
    page = beijing.content.decode()
    assert "Yu Test" in page and "Wang Test" not in page and f"Applicant {talent.wang.pk}" in page
    yu_herself = signed_in(world, "professional").get(f"/talent/professionals/{talent.yu.pk}/")
    assert "Wang Test" not in yu_herself.content.decode()
    office = signed_in(world, "office").get(f"/talent/professionals/{talent.yu.pk}/")
    assert "Wang Test" in office.content.decode()


def test_the_auditor_reads_professionals_by_number(world, talent, client):
    auditor = signed_in(world, "auditor")
    page = auditor.get(f"/talent/professionals/{talent.li.pk}/").content.decode()
    assert "Li Test" not in page and f"Applicant {talent.li.pk}" in page
    listed = auditor.get("/api/professionals").json()["items"]
    assert {row["name"] for row in listed} == {
        f"Applicant {p.pk}" for p in (talent.yu, talent.li, talent.wang)
    }
    mentorships = auditor.get("/talent/mentorships/").content.decode()
    assert "Li Test" not in mentorships


def test_a_recipient_team_posts_a_need_with_a_chinese_title_only(client, world, talent):
    """Titles in either language: a county team writes in Chinese; none at all is refused,
    naming the field."""
    client.force_login(world.user("hotan_team"))
    fields = {
        "institution": talent.hospital.pk,
        "title_zh": "儿科医生",
        "specialty": "paediatrics",
        "places": 1,
        "term_months": 12,
        "start_date": "2031-09-01",
        "min_seniority": 1,
    }
    response = client.post("/talent/posts/new/", fields)
    assert response.status_code == 302
    post = Post.objects.get(title_zh="儿科医生")
    assert post.title_en == "" and str(post) == "儿科医生"  # an English reader sees the Chinese
    refused = client.post("/talent/posts/new/", {**fields, "title_zh": "  "})
    assert refused.status_code == 200
    assert "Write the title in English or in Chinese" in refused.content.decode()


def test_pages_listing_many_people_stay_small(client, world):
    """A thousand professionals used to make a 194 KB page: lists page, pickers search."""
    for n in range(150):
        services.professional_register(
            actor=f.system(),
            organization=world.beijing,
            name=f"Person {n:03d}",
            specialty="paediatrics",
            seniority=2,
            available_from=START,
            term_months=12,
        )
    client.force_login(world.user("office"))
    for address in ["/talent/professionals/", "/talent/mentorships/", "/talent/trainings/"]:
        response = client.get(address)
        assert response.status_code == 200
        assert len(response.content) < 100_000, address
    assert "1–50 of 150" in client.get("/talent/professionals/").content.decode()


def test_a_placement_is_withdrawn_with_the_form_its_page_shows(world, talent):
    office = world.user("office")
    placement = services.placement_create(
        actor=office, professional=talent.yu, post=talent.paediatrics, start_date=START
    )
    client = signed_in(world, "professional")
    address = f"/talent/placements/{placement.pk}/"
    answer = submit(client, address, ("action", "withdraw"), reason="Called home.")
    assert answer.status_code == 302
    placement.refresh_from_db()
    assert placement.withdrawn
    assert "Withdraw this placement" not in client.get(address).content.decode()


def test_no_withdrawal_is_offered_on_a_term_that_has_ended(world, talent):
    past = services.placement_create(
        actor=world.user("office"),
        professional=talent.yu,
        post=talent.paediatrics,
        start_date=datetime.date(2020, 9, 1),
        end_date=datetime.date(2021, 8, 31),
    )
    for key in ("professional", "hotan_team"):
        page = signed_in(world, key).get(f"/talent/placements/{past.pk}/").content.decode()
        assert "Withdraw this placement" not in page
