"""Forms offer what fits: projects of the chosen pairing, places within its recipient, sectors
and people found by a search on the server rather than sent whole."""

import datetime
import re

from counterpart.talent import services as talent
from tests import factories as f


def options(response) -> list[str]:
    return re.findall(r'<option value="([^"]*)"', response.content.decode())


def test_the_record_form_offers_the_projects_of_the_chosen_pairing(client, world):
    hotan = f.ProjectFactory(pairing=world.beijing_hotan_city, code="hotan-hospital")
    f.ProjectFactory(pairing=world.guangdong_shufu, code="shufu-plant")
    client.force_login(world.user("office"))
    found = options(
        client.get("/funding/record/projects/", {"pairing": world.beijing_hotan_city.pk})
    )
    assert found == ["", str(hotan.pk)]
    form = client.get("/funding/record/", {"pairing": world.beijing_hotan_city.pk}).context["form"]
    assert list(form.fields["project"].queryset) == [hotan]
    client.force_login(world.user("beijing_team"))  # Guangdong's pairing is not Beijing's to use
    assert options(
        client.get("/funding/record/projects/", {"pairing": world.guangdong_shufu.pk})
    ) == [""]


def test_after_recording_the_entry_offers_to_record_another(client, world):
    client.force_login(world.user("beijing_team"))
    response = client.post(
        "/funding/record/",
        {
            "kind": "2",
            "pairing": world.beijing_hotan_city.pk,
            "amount": "300万",
            "currency": "CNY",
            "value_date": "2020-06-01",
            "sector": "12230",
        },
        follow=True,
    )
    html = response.content.decode()
    assert f"/funding/record/?pairing={world.beijing_hotan_city.pk}" in html
    assert "Record another for this pairing" in html


def test_the_project_form_offers_places_within_the_pairings_recipient(client, world):
    client.force_login(world.user("office"))
    found = options(client.get("/projects/places/options/", {"pairing": world.guangdong_shufu.pk}))
    assert found == ["", str(world.shufu.pk)]
    form = client.get("/projects/new/").context["form"]
    offered = set(form.fields["region"].queryset)
    assert world.china not in offered and world.xinjiang not in offered
    assert world.hotan_city in offered


def test_sectors_are_found_by_code_or_by_name_in_any_language(client, world):
    assert "12230" in options(client.get("/projects/sectors/options/", {"q": "1223"}))
    by_chinese = options(client.get("/projects/sectors/options/", {"q": "基本卫生"}))
    assert "12220" in by_chinese and "12230" in by_chinese  # 基本卫生保健, 基本卫生基础设施
    page = client.get("/projects/sectors/options/", {"q": ""})
    assert len(options(page)) <= 32  # a few at a time, never the whole list...
    assert "more: type more to narrow the search" in page.content.decode()  # ...and says so
    for hostile in ["x" * 10_000, "%", "'; drop table", "\u0660"]:
        assert client.get("/projects/sectors/options/", {"q": hostile}).status_code == 200


def test_people_are_searched_on_the_server_by_name_or_number_within_ones_scope(client, world):
    people = [
        talent.professional_register(
            actor=f.system(),
            organization=world.beijing,
            name=f"Doctor {n:02d}",
            specialty="paediatrics",
            seniority=2,
            available_from=datetime.date(2030, 9, 1),
            term_months=12,
        )
        for n in range(45)
    ]
    client.force_login(world.user("office"))
    form = client.get("/talent/mentorships/").context["form"]
    rendered = str(form["mentor"])
    assert rendered.count("<option") <= 31  # not 45
    assert options(client.get("/talent/professionals/options/", {"q": "Doctor 07"})) == [
        "",
        str(people[7].pk),
    ]
    assert options(client.get("/talent/professionals/options/", {"q": str(people[3].pk)})) == [
        "",
        str(people[3].pk),
    ]
    client.force_login(world.user("guangdong_team"))  # Beijing's people are not Guangdong's
    assert options(client.get("/talent/professionals/options/", {"q": "Doctor"})) == [""]
    client.force_login(world.user("auditor"))  # sees people by number: names find no one
    assert options(client.get("/talent/professionals/options/", {"q": "Doctor 07"})) == [""]
