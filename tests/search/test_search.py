"""The search box: a record is found by any part of any of its names (Chinese, English, Uyghur),
by pinyin whole or by initials, and by its codes, whatever digits and width are typed; each
reader finds only what its lists show, people whose names it may not see by number only; and
the entries follow every change to the records in any order (Hypothesis, through the
services)."""

import contextlib
from urllib.parse import quote

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from counterpart.pairings import selectors as pairings
from counterpart.places import services as places
from counterpart.projects import services as projects
from counterpart.search import selectors, services
from counterpart.search.choices import Kind
from counterpart.search.models import Entry
from counterpart.talent import services as talent_services
from counterpart.talent.selectors import professionals_named_for
from tests import factories as f
from tests.talent.fixtures import post, professional

pytestmark = pytest.mark.django_db


def found(actor, query, kind) -> list[int]:
    return [entry.object_id for entry in selectors.matching(actor=actor, query=query, kind=kind)]


@pytest.fixture
def hospital(world):
    return places.organization_create(
        actor=f.system(),
        code="kunyu-hospital",
        name_en="Kunyu People's Hospital",
        name_zh="昆玉市人民医院",
        name_ug="قۇرۇمقاش شەھەرلىك خەلق دوختۇرخانىسى",
        kind="hospital",
        region=world.hotan_city,
        iati_ref="CN-XJ-KY01",
    )


@pytest.mark.parametrize(
    "query",
    [
        "昆玉",  # any part of the Chinese name
        "人民医院",
        "kunyu",  # pinyin, and the English name
        "kunyushirenmin",  # pinyin run together
        "kysrmyy",  # pinyin initials
        "KUNYU PEOPLE",  # any case, words in any order
        "people kunyu",
        "ｋｕｎｙｕ",  # full-width
        "خەلق دوختۇرخانىسى",  # any part of the Uyghur name
        "kunyu-hospital",  # its code
        "cn-xj-ky01",  # its IATI organisation identifier
    ],
)
def test_an_organization_is_found_by_any_part_of_any_name_and_by_its_codes(world, hospital, query):
    assert found(world.user("hotan_team"), query, Kind.ORGANIZATION) == [hospital.pk]


def test_a_place_is_found_by_its_code_in_any_digits(world):
    xinjiang = places.region_update(
        actor=f.system(),
        region=world.xinjiang,
        expected_version=world.xinjiang.version,
        code="650000",
    )
    for query in (
        "650000",
        "６５００００",
        "٦٥٠٠٠٠",
        "۶۵۰۰۰۰",
    ):  # ASCII, full-width, Arabic, Persian
        assert found(AnonymousUser(), query, Kind.PLACE) == [xinjiang.pk], query


def test_a_project_is_found_by_its_title_code_iati_identifier_and_dac_sector(world):
    beijing = places.organization_update(
        actor=f.system(),
        organization=world.beijing,
        expected_version=world.beijing.version,
        iati_ref="CN-BJ-1",
    )
    project = f.ProjectFactory(
        pairing=world.beijing_hotan_city,
        code="hotan-clinics",
        title_en="Township clinics",
        title_zh="乡镇卫生院",
        sectors={"12220": 100},
    )
    other = f.ProjectFactory(pairing=world.beijing_hotan_city, sectors={"11220": 100})
    assert beijing.iati_ref == "CN-BJ-1"
    for query in (
        "卫生院",
        "xiangzhen",
        "township clinics",
        "hotan-clinics",
        "CN-BJ-1-hotan-clinics",
        "12220",
    ):
        assert found(AnonymousUser(), query, Kind.PROJECT) == [project.pk], query
    assert found(AnonymousUser(), "11220", Kind.PROJECT) == [other.pk]


def test_each_reader_finds_what_its_lists_show_and_nothing_else(world, talent):
    """Every record below carries "zeta" in a name: each reader finds exactly the ones of them
    its list shows it, whatever the kind."""
    bj_project = f.ProjectFactory(pairing=world.beijing_hotan_city, title_en="Zeta school")
    draft_project = f.ProjectFactory(
        pairing=world.beijing_draft, title_en="Zeta draft", is_published=False
    )
    projects.document_add(
        actor=f.system(), project=bj_project, title="Zeta report", url="https://example.org/z"
    )
    projects.document_add(
        actor=f.system(),
        project=draft_project,
        title="Zeta draft plan",
        url="https://example.org/d",
    )
    round_ = pairings.round_list(actor=f.system()).get()
    zeta_round = f.PairingRoundFactory(year=2020, name_en="Zeta round")
    f.PairingFactory(
        round_=zeta_round, donor=world.beijing, recipient=world.shufu, is_published=False
    )
    f.PairingFactory(round_=zeta_round, donor=world.guangdong, recipient=world.hotan_city)
    post(talent.hospital, title="Zeta surgeon")
    post(talent.school, title="Zeta teacher", status="closed")
    professional(world, talent.beijing_hospital, "Zeta Yu")
    professional(world, world.guangdong, "Zeta Wang")
    f.RegionFactory(parent=world.hotan, name="Zeta County")
    f.OrganizationFactory(region_=world.shufu, kind="school", name="Zeta School")
    assert round_.pk != zeta_round.pk
    scopes = {kind: scope.visible for kind, scope in selectors.SCOPES.items()}
    readers = [AnonymousUser(), *world.users.values()]
    seen_somewhere = set()
    for reader in readers:
        for kind, visible in scopes.items():
            got = found(reader, "zeta", kind)
            entries = Entry.objects.filter(kind=kind, text__contains="zeta").values("object_id")
            if kind == Kind.PERSON:  # by name: only those whose names the reader may see
                entries = (
                    professionals_named_for(actor=reader)
                    .filter(name__icontains="zeta")
                    .values("pk")
                )
            want = set(visible(actor=reader).filter(pk__in=entries).values_list("pk", flat=True))
            assert set(got) == want, (reader, kind)
            seen_somewhere |= {(kind, pk) for pk in got}
    # Every kind was found by someone, and the scopes differ (the draft pairing, the closed
    # post, the names), so the comparison above was not between empty sets.
    assert {kind for kind, _ in seen_somewhere} == set(Kind.values)
    public = AnonymousUser()
    assert found(public, "zeta", Kind.PERSON) == []
    assert (
        found(public, "zeta draft", Kind.PROJECT)
        == found(public, "zeta draft", Kind.DOCUMENT)
        == []
    )
    assert len(found(world.user("office"), "zeta draft", Kind.DOCUMENT)) == 1
    assert len(found(public, "zeta", Kind.PAIRING)) == 1  # the published one
    assert len(found(world.user("beijing_team"), "zeta", Kind.PAIRING)) == 2  # and its own draft


def test_people_whose_names_are_hidden_are_found_by_number_only(world, talent):
    office, auditor = world.user("office"), world.user("auditor")
    beijing, guangdong = world.user("beijing_team"), world.user("guangdong_team")
    yu = talent.yu
    assert found(office, yu.name, Kind.PERSON) == [yu.pk]
    assert found(beijing, yu.name, Kind.PERSON) == [yu.pk]  # her own organization's team
    assert found(auditor, yu.name, Kind.PERSON) == []  # reads everything, names hidden
    assert found(auditor, str(yu.pk), Kind.PERSON)[0] == yu.pk  # by number
    hit = selectors.search(actor=auditor, query=str(yu.pk))
    person = next(group for group in hit if group.kind == Kind.PERSON).hits[0]
    assert yu.name not in person.label and str(yu.pk) in person.label
    assert found(guangdong, yu.name, Kind.PERSON) == found(guangdong, str(yu.pk), Kind.PERSON) == []
    assert found(world.user("hotan_team"), str(yu.pk), Kind.PERSON) == []


@pytest.mark.parametrize(
    "query",
    ["", "   ", "\x00", "\ud800", "%", "_", "\x1f", "a" * 100_000, "'; DROP TABLE x; --", "=1+1"],
)
def test_any_query_answers_and_wildcards_are_plain_characters(client, world, hospital, query):
    asked = quote(query, errors="surrogatepass")  # a lone surrogate arrives as its bytes
    for kind in ("", "project", "person", "nothing"):
        for live in ({}, {"HTTP_HX_REQUEST": "true"}):
            response = client.get(f"{reverse('search:page')}?q={asked}&kind={kind}", **live)
            assert response.status_code == 200
        api = client.get(f"/api/search?q={asked}" + (f"&kind={kind}" if kind else ""))
        assert api.status_code == (200 if kind != "nothing" and len(query) <= 300 else 422)
    if query.strip() in ("%", "_", "\x1f"):
        assert selectors.search(actor=AnonymousUser(), query=query) == []


def test_the_page_groups_kinds_and_pages_one_kind(client, world, talent):
    for n in range(60):
        post(talent.hospital, title=f"Omega {n}")
    client.force_login(world.user("hotan_team"))
    page = client.get(reverse("search:page"), {"q": "omega"}).content.decode()
    assert "60" in page and "Omega 0" in page and "kind=post" in page
    second = client.get(reverse("search:page"), {"q": "omega", "kind": "post", "page": 2})
    assert "51–60 of 60" in second.content.decode()
    live = client.get(
        reverse("search:page"), {"q": "omega"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "<html" not in live and live.count("<li>") == 3
    chinese = client.get(
        reverse("search:page"), {"q": "omega"}, HTTP_ACCEPT_LANGUAGE="zh-hans"
    ).content.decode()
    assert "岗位" in chinese


def test_the_api_groups_kinds_and_pages_one_kind(client, world, talent):
    for n in range(12):
        post(talent.hospital, title=f"Sigma {n}")
    body = client.get("/api/search", {"q": "sigma"}).json()
    assert [(g["kind"], g["count"], len(g["results"])) for g in body] == [("post", 12, 5)]
    paged = client.get(
        "/api/search", {"q": "sigma", "kind": "post", "limit": 5, "offset": 10}
    ).json()
    assert paged[0]["count"] == 12 and len(paged[0]["results"]) == 2
    assert paged[0]["results"][0]["url"].startswith("/talent/posts/")
    for bad in (
        {"q": "x", "limit": 2**63},
        {"q": "x", "kind": "nothing"},
        {"q": "x", "offset": -1},
    ):
        assert client.get("/api/search", bad).status_code == 422


class EntriesFollowTheRecords(RuleBasedStateMachine):
    """Records renamed, recoded, moved and added in any order: the entries kept as they changed
    are the ones written from scratch."""

    world = None

    def __init__(self):
        super().__init__()
        self.savepoint = transaction.atomic()
        self.savepoint.__enter__()
        self.office = f.system()
        world = self.world
        self.regions = [world.hotan_city, world.shufu]
        self.organizations = [world.beijing, world.guangdong]
        self.hospital = f.OrganizationFactory(region_=world.hotan_city, kind="hospital")
        self.posts = [post(self.hospital)]
        self.people = [professional(world, world.beijing, "Li Ming")]
        self.projects = [f.ProjectFactory(pairing=world.beijing_hotan_city)]

    def teardown(self):
        transaction.set_rollback(True)
        self.savepoint.__exit__(None, None, None)

    def _fresh(self, record):
        return type(record).objects.get(pk=record.pk)

    names = st.sampled_from(["和田", "Hotan", "喀什 Kashgar", "قەشقەر", "Zeta", "阿克苏"])

    @rule(
        which=st.integers(0, 1),
        name=names,
        language=st.sampled_from(["name_en", "name_zh", "name_ug"]),
    )
    def rename_region(self, which, name, language):
        region = self._fresh(self.regions[which])
        places.region_update(
            actor=self.office, region=region, expected_version=region.version, **{language: name}
        )

    @rule(which=st.integers(0, 1), name=names, iati=st.sampled_from(["", "CN-1", "CN-2"]))
    def rename_organization(self, which, name, iati):
        org = self._fresh(self.organizations[which])
        with contextlib.suppress(ValidationError):  # an identifier the other one has
            places.organization_update(
                actor=self.office,
                organization=org,
                expected_version=org.version,
                name_zh=name,
                iati_ref=iati,
            )

    @rule(name=names)
    def rename_hospital(self, name):
        org = self._fresh(self.hospital)
        places.organization_update(
            actor=self.office, organization=org, expected_version=org.version, name_en=name
        )

    @rule(name=names)
    def add_post(self, name):
        self.posts.append(post(self.hospital, title=name))

    @rule(which=st.integers(0, 3), name=names)
    def rename_post(self, which, name):
        chosen = self._fresh(self.posts[which % len(self.posts)])
        talent_services.post_update(
            actor=self.office, post=chosen, expected_version=chosen.version, title_zh=name
        )

    @rule(name=names)
    def rename_person(self, name):
        person = self._fresh(self.people[0])
        talent_services.professional_update(
            actor=self.office, professional=person, expected_version=person.version, name=name
        )

    @rule(sector=st.sampled_from(["12220", "11220", "12230"]))
    def resector_project(self, sector):
        project = self._fresh(self.projects[0])
        projects.project_sectors_set(
            actor=self.office,
            project=project,
            expected_version=project.version,
            sectors={sector: 100},
        )

    @rule(title=names)
    def add_document(self, title):
        projects.document_add(
            actor=self.office, project=self.projects[0], title=title, url="https://example.org/"
        )

    @rule(name=names)
    def add_project(self, name):
        self.projects.append(f.ProjectFactory(pairing=self.world.beijing_hotan_city, title_zh=name))

    @invariant()
    def entries_are_as_written_from_scratch(self):
        kept = set(Entry.objects.values_list("kind", "object_id", "text", "private"))
        services.search_entries_rebuild(actor=f.system())
        assert set(Entry.objects.values_list("kind", "object_id", "text", "private")) == kept


def test_the_entries_follow_every_change_in_any_order(world):
    EntriesFollowTheRecords.world = world
    run_state_machine_as_test(
        EntriesFollowTheRecords,
        settings=settings(
            max_examples=15,
            stateful_step_count=12,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )


def test_records_a_migration_made_are_found_after_migrating(world):
    Entry.objects.filter(kind=Kind.PLACE).delete()
    assert found(AnonymousUser(), "hotan city", Kind.PLACE) == []
    assert services.search_entries_fill() > 0
    assert found(AnonymousUser(), "hotan city", Kind.PLACE) == [world.hotan_city.pk]
