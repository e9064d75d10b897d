"""Lists filter, search, sort and narrow to one's own, and their exports hold what they show."""

import csv
import io

from tests import factories as f


def names(response):
    return [row.name_en for row in response.context["page"].object_list]


def test_organizations_search_by_name_or_code_filter_by_kind_and_sort(client, world):
    assert names(client.get("/organizations/", {"q": "beij"})) == ["Beijing"]
    kinds = {
        o.kind for o in client.get("/organizations/", {"kind": "city"}).context["page"].object_list
    }
    assert kinds == {"city"}
    ascending = names(client.get("/organizations/", {"sort": "name"}))
    descending = names(client.get("/organizations/", {"sort": "-name"}))
    assert ascending == sorted(ascending) and descending == ascending[::-1]
    page = client.get("/organizations/", {"q": "beij"})
    assert "1–1 of 1" in page.content.decode()


def test_mine_only_leaves_a_teams_own(client, world):
    client.force_login(world.user("guangdong_team"))
    mine = names(client.get("/organizations/", {"mine": "on"}))
    assert set(mine) == {"Guangdong", "Shenzhen"}  # the team's organization and those under it
    assert len(names(client.get("/organizations/"))) > len(mine)


def test_bad_filters_are_named_and_change_nothing(client, world):
    everything = names(client.get("/organizations/"))
    for query in [
        {"kind": "no-such-kind"},
        {"sort": "password"},
        {"q": "x" * 10_000},
        {"page": "2**63"},
        {"mine": "true"},
    ]:
        response = client.get("/organizations/", query)
        assert response.status_code == 200, query
    response = client.get("/organizations/", {"kind": "no-such-kind"})
    assert "Kind" in response.content.decode().split('role="alert"', 1)[-1][:400]
    assert names(response) == everything


def test_the_ledger_export_holds_what_the_filters_show(client, world):
    for number in range(3):
        f.EntryFactory(pairing=world.beijing_hotan_city, sector="12230", reference=f"C-{number}")
    f.EntryFactory(
        pairing=world.beijing_hotan_city,
        sector="12230",
        kind="3",
        reference="D-1",
        amount_minor=10_000,
    )
    client.force_login(world.user("office"))
    shown = client.get("/funding/", {"kind": "3"}).context["page"]
    assert shown.paginator.count == 1
    exported = client.get("/funding/", {"kind": "3", "export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(exported.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 2  # the header and the one disbursement
    assert client.get("/funding/", {"q": "C-1"}).context["page"].paginator.count == 1


def test_regions_filter_by_level_search_in_any_language_and_sort(client, world):
    counties = client.get("/regions/", {"level": "county"}).context["page"].object_list
    assert counties and {r.level for r in counties} == {"county"}
    found = client.get("/regions/", {"q": world.hotan.name_zh}).context["page"].object_list
    assert list(found) == [world.hotan]
    by_code = [
        r.code for r in client.get("/regions/", {"sort": "-code"}).context["page"].object_list
    ]
    assert by_code == sorted(by_code, reverse=True)


def test_people_sort_and_filter_by_status(client, world):
    from counterpart.accounts import services

    services.user_suspend(actor=world.user("office"), user=world.user("nobody"), reason="left")
    client.force_login(world.user("office"))
    suspended = client.get("/people/", {"status": "suspended"}).context["page"].object_list
    assert [u.username for u in suspended] == [world.user("nobody").username]
    names = [
        u.username
        for u in client.get("/people/", {"sort": "-username"}).context["page"].object_list
    ]
    assert names == sorted(names, reverse=True)
