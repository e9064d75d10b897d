import datetime

import pytest
from django.urls import reverse

from counterpart.audit.models import AuditEvent
from counterpart.pairings.models import Pairing


def form_data(world, **overrides):
    data = {
        "round": world.round.pk,
        "donor": world.beijing.pk,
        "recipient": world.kashgar.pk,
        "valid_from": "2011-01-01",
        "valid_to": "",
        "confidence": "medium",
        "source": "",
        "notes": "",
    }
    data.update(overrides)
    return data


def test_office_creates_a_pairing_from_the_form(client, world):
    client.force_login(world.user("office"))
    response = client.post(reverse("pairings:create"), form_data(world))
    pairing = Pairing.objects.get(donor=world.beijing, recipient=world.kashgar)
    assert response.url == reverse("pairings:detail", args=[pairing.pk])


def test_the_end_date_error_shows_next_to_the_field(client, world):
    client.force_login(world.user("office"))
    count = Pairing.objects.count()
    response = client.post(reverse("pairings:create"), form_data(world, valid_to="2010-06-01"))
    assert response.status_code == 200
    assert response.context["form"].errors["valid_to"] == ["The end date is before the start date."]
    assert 'id="id_valid_to_error"' in response.content.decode()
    assert Pairing.objects.count() == count


def test_an_unknown_region_is_refused_by_the_form(client, world):
    client.force_login(world.user("office"))
    response = client.post(reverse("pairings:create"), form_data(world, recipient=999999))
    assert "recipient" in response.context["form"].errors


@pytest.mark.parametrize("role", ["beijing_team", "hotan_team", "auditor", "professional"])
def test_others_cannot_reach_the_pairing_forms(client, world, role):
    client.force_login(world.user(role))
    pairing = world.beijing_hotan_city
    assert client.get(reverse("pairings:create")).status_code == 403
    assert client.post(reverse("pairings:create"), form_data(world)).status_code == 403
    assert client.post(reverse("pairings:edit", args=[pairing.pk]), {}).status_code == 403
    assert client.post(reverse("pairings:end", args=[pairing.pk]), {}).status_code == 403
    assert not Pairing.objects.filter(recipient=world.kashgar).exists()


def test_re_dating_through_the_form_records_only_what_changed(client, world):
    client.force_login(world.user("office"))
    pairing = world.beijing_hotan_city
    response = client.post(
        reverse("pairings:edit", args=[pairing.pk]),
        {
            "version": pairing.version,
            "valid_from": "2010-01-01",
            "valid_to": "2021-12-31",
            "is_published": "on",
            "confidence": "high",
            "source": "",
            "notes": "",
            "reason": "fix",
        },
    )
    assert response.status_code == 302
    event = AuditEvent.objects.filter(
        object_id=str(pairing.pk), object_type="pairings.pairing"
    ).first()
    assert {name for name, _b, _a in event.changed_fields()} == {
        "valid_to",
        "confidence",
        "version",
    }


def test_a_stale_form_is_refused(client, world):
    client.force_login(world.user("office"))
    pairing = world.beijing_hotan_city
    response = client.post(
        reverse("pairings:end", args=[pairing.pk]),
        {"version": pairing.version - 1 if pairing.version > 1 else 99, "valid_to": "2020-01-01"},
    )
    assert "Someone else changed this record" in response.content.decode()
    pairing.refresh_from_db()
    assert pairing.valid_to is None


def test_ending_from_the_form(client, world):
    client.force_login(world.user("office"))
    pairing = world.beijing_hotan_city
    client.post(
        reverse("pairings:end", args=[pairing.pk]),
        {"version": pairing.version, "valid_to": "2020-12-31", "reason": "done"},
    )
    pairing.refresh_from_db()
    assert pairing.valid_to == datetime.date(2020, 12, 31)


def test_a_hidden_draft_answers_404(client, world):
    client.force_login(world.user("beijing_team"))
    assert (
        client.get(reverse("pairings:detail", args=[world.guangdong_draft.pk])).status_code == 404
    )
    client.logout()
    assert client.get(reverse("pairings:detail", args=[world.beijing_draft.pk])).status_code == 404


def test_the_list_filters_by_donor_and_answers_htmx_with_the_table(client, world):
    response = client.get(
        reverse("pairings:list"), {"donor": world.guangdong.pk}, HTTP_HX_REQUEST="true"
    )
    assert [t.name for t in response.templates][0] == "pairings/_table.html"
    assert list(response.context["page"].object_list) == [world.guangdong_shufu]


def test_quota_page_records_revenue(client, world):
    from counterpart.pairings import services

    services.quota_rule_create(
        actor=world.user("office"), round=world.round, share_ppm=5_000, first_year=2011
    )
    client.force_login(world.user("office"))
    url = reverse("pairings:quota", args=[world.round.pk])
    response = client.post(
        url + "?year=2020",
        {"donor": world.beijing.pk, "year": 2019, "amount": "581,710,000,000", "source": "report"},
    )
    assert response.status_code == 302
    page = client.get(url, {"year": 2020}).content.decode()
    assert "¥2,908,550,000.00" in page
    # Without a year, the page opens on the year the recorded revenue gives a quota for...
    assert "¥2,908,550,000.00" in client.get(url).content.decode()
    # ...and the pairings list links to it.
    assert url in client.get(reverse("pairings:list")).content.decode()


def test_quota_page_names_a_bad_amount(client, world):
    client.force_login(world.user("office"))
    response = client.post(
        reverse("pairings:quota", args=[world.round.pk]),
        {"donor": world.beijing.pk, "year": 2019, "amount": "lots"},
    )
    assert "amount" in response.context["form"].errors


def test_a_pairings_history_is_for_those_who_read_the_log(client, world):
    from counterpart.pairings import services

    services.pairing_update(
        actor=world.user("office"),
        pairing=world.beijing_hotan_city,
        expected_version=world.beijing_hotan_city.version,
        notes="Checked against the 2010 list.",
        reason="Source checked",
    )
    url = f"/pairings/{world.beijing_hotan_city.pk}/"
    for user in ("beijing_team", "hotan_team", "guangdong_team", "professional", None):
        client.logout()
        if user:
            client.force_login(world.user(user))
        page = client.get(url)
        assert page.status_code == 200
        assert not page.context["history"], user
        assert "Source checked" not in page.content.decode()
    for user in ("office", "auditor"):
        client.force_login(world.user(user))
        assert "Source checked" in client.get(url).content.decode()
