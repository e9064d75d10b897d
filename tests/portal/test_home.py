import pytest
from django.core.management import call_command
from django.urls import reverse

from counterpart.accounts.services import system_actor
from counterpart.demo.load import DemoLoader
from counterpart.demo.places import DEMO_PASSWORD, USERS
from counterpart.funding.models import Transaction
from counterpart.pairings.models import Pairing

DONORS_2010 = {
    "Anhui",
    "Beijing",
    "Fujian",
    "Guangdong",
    "Hebei",
    "Heilongjiang",
    "Henan",
    "Hubei",
    "Hunan",
    "Jiangsu",
    "Jiangxi",
    "Jilin",
    "Liaoning",
    "Shandong",
    "Shanghai",
    "Shanxi",
    "Shenzhen",
    "Tianjin",
    "Zhejiang",
}


@pytest.fixture
def demo(db):
    DemoLoader(actor=system_actor(), generated_professionals=30).load()


def test_home_shows_the_19_donors_with_their_places(client, demo):
    response = client.get(reverse("home"))
    summaries = response.context["summaries"]
    assert {s.donor.name_en for s in summaries} == DONORS_2010
    beijing = next(s for s in summaries if s.donor.name_en == "Beijing")
    assert {p.recipient.name_en for p in beijing.pairings} == {
        "Hotan City",
        "Hotan County",
        "Lop County",
        "Moyu County",
        "XPCC 14th Division (Kunyu City)",
    }
    chart = response.context["chart"]
    assert len(chart["labels"]) == 19
    assert sum(sum(d["data"]) for d in chart["datasets"]) == 51
    assert 'id="pairings-chart-data"' in response.content.decode()


def test_sub_pairings_show_under_their_province(client, demo):
    summaries = client.get(reverse("home")).context["summaries"]
    shandong = next(s for s in summaries if s.donor.name_en == "Shandong")
    assert [(p.donor.name_en, p.recipient.name_en) for p in shandong.sub_pairings] == [
        ("Jining", "Yengisar County")
    ]


def test_demo_loading_is_idempotent(demo):
    count = Pairing.objects.count()
    assert DemoLoader(actor=system_actor(), generated_professionals=30).load() == 0
    # 51 from the 2010 file, 2 city sub-pairings, 1 draft inferred from seed 004 (Karamay)
    assert Pairing.objects.count() == count == 54
    assert Transaction.objects.count() == 4


def test_each_demo_login_works(client, demo):
    for username in (row["username"] for row in USERS):
        assert client.login(username=username, password=DEMO_PASSWORD), username
        client.logout()


def test_demo_command_prints_the_logins(demo, capsys):
    call_command("demo", "--logins-only")
    out = capsys.readouterr().out
    assert all(username in out for username in (row["username"] for row in USERS))
    assert DEMO_PASSWORD in out


def test_the_language_switch_translates_the_pages(client, demo):
    response = client.post(
        reverse("set_language"), {"language": "zh-hans", "next": "/"}, follow=True
    )
    page = response.content.decode()
    assert '<html lang="zh-hans">' in page
    assert "结对" in page  # the navigation's "Pairings"
    assert "北京市" in page  # names follow the language too
    english = client.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)
    assert "Pairings" in english.content.decode()


@pytest.mark.parametrize(
    "url", ["/", "/pairings/", "/regions/", "/organizations/", "/accounts/login/", "/api/docs"]
)
def test_pages_load_no_third_party_host(client, demo, url):
    page = client.get(url).content.decode()
    assert "https://cdn" not in page and "googleapis" not in page and "unpkg" not in page
