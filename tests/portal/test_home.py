"""The home page and what every page shares: the language switch, nothing from the internet."""

import pytest
from django.urls import reverse


def test_the_language_switch_translates_the_pages(client, world):
    response = client.post(
        reverse("set_language"), {"language": "zh-hans", "next": "/"}, follow=True
    )
    page = response.content.decode()
    assert '<html lang="zh-hans" dir="ltr">' in page
    assert "结对" in page  # the navigation's "Pairings"
    assert "机构" in page  # names follow the language too (the Chinese names of the world)
    english = client.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)
    assert "Pairings" in english.content.decode()


@pytest.mark.parametrize(
    "url", ["/", "/pairings/", "/regions/", "/organizations/", "/accounts/login/", "/api/docs"]
)
def test_pages_load_no_third_party_host(client, world, url):
    page = client.get(url).content.decode()
    assert "https://cdn" not in page and "googleapis" not in page and "unpkg" not in page


def test_no_demo_banner_on_a_programme_of_its_own(client, world):
    assert "Demo data." not in client.get("/").content.decode()


def test_the_glossary_explains_the_programmes_terms_in_each_language(client, db):
    page = client.get("/glossary/").content.decode()
    for anchor in ["value-date", "commitment", "disbursement", "blocking-pair", "wellbeing-share"]:
        assert f'id="{anchor}"' in page
    assert "/glossary/" in client.get("/").content.decode()  # linked from every page
    client.cookies["django_language"] = "zh-hans"
    assert "起息日" in client.get("/glossary/").content.decode()
