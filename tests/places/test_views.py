import pytest
from django.urls import reverse


def test_a_donor_team_edits_its_own_profile(client, world):
    client.force_login(world.user("beijing_team"))
    url = reverse("places:organization_edit", args=[world.beijing.pk])
    response = client.post(
        url,
        {
            "version": world.beijing.version,
            "description_en": "Hello",
            "description_zh": "",
            "website": "",
            "contact_email": "",
        },
    )
    assert response.status_code == 302
    world.beijing.refresh_from_db()
    assert world.beijing.description_en == "Hello"


@pytest.mark.parametrize("role", ["beijing_team", "hotan_team", "auditor", "professional"])
def test_nobody_edits_another_organization(client, world, role):
    client.force_login(world.user(role))
    url = reverse("places:organization_edit", args=[world.guangdong.pk])
    assert client.get(url).status_code == 403
    response = client.post(url, {"version": world.guangdong.version, "description_en": "x"})
    assert response.status_code == 403
    world.guangdong.refresh_from_db()
    assert world.guangdong.description_en == ""


def test_regions_and_organizations_are_public(client, world):
    assert client.get(reverse("places:regions")).status_code == 200
    assert client.get(reverse("places:region", args=[world.hotan.pk])).status_code == 200
    page = client.get(reverse("places:organization", args=[world.beijing.pk])).content.decode()
    assert f'hx-get="/pairings/?donor={world.beijing.pk}"' in page
    # The place page loads its pairings from the pairings app (which sits above places):
    # the public sees the published one, not the draft.
    response = client.get(f"/pairings/?donor={world.beijing.pk}", HTTP_HX_REQUEST="true")
    assert list(response.context["page"].object_list) == [world.beijing_hotan_city]


def test_a_places_page_shows_the_seat_of_its_government_in_the_readers_language(client, world):
    from counterpart.places.models import Region

    url = reverse("places:region", args=[world.hotan.pk])
    assert 'data-testid="region-seat"' not in client.get(url).content.decode()
    Region.objects.filter(pk=world.hotan.pk).update(latitude="37.11416", longitude="79.92221")
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "政府驻地" in page and "37.11416, 79.92221" in page
