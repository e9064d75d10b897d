"""Exchanges and pen pals: who records what, counts only, classes matched into stable pairs."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from counterpart.exchanges import selectors, services
from counterpart.exchanges.models import ExchangeEvent, SchoolClass, SchoolPartnership
from tests import factories as f
from tests.api.test_api import call, token_for

D = datetime.date


def camp(world, user_key="beijing_team", **fields):
    data = dict(
        pairing=world.beijing_hotan_city,
        kind="summer_camp",
        title_en="Summer camp in Beijing",
        host_region=world.beijing.region,
        visiting_region=world.hotan_city,
        starts_on=D(2019, 7, 15),
        ends_on=D(2019, 7, 28),
        visiting_teenagers=40,
        visiting_adults=4,
        host_teenagers=40,
    )
    return services.exchange_event_record(actor=world.user(user_key), **{**data, **fields})


def test_the_donor_and_the_recipient_team_record_exchanges_of_their_pairing(world):
    camp(world)
    camp(
        world,
        "hotan_team",
        kind="sports_camp",
        host_region=world.hotan_city,
        visiting_region=world.beijing.region,
    )
    for user_key in ("guangdong_team", "auditor", "nobody", "professional"):
        with pytest.raises(PermissionDenied):
            camp(world, user_key)
    figures = selectors.exchange_figures(actor=world.user("office"))
    assert figures.participants == 168
    assert figures.by_year == [(2019, {"summer_camp": 84, "sports_camp": 84})]
    assert figures.by_side == [(2019, 80, 88)]
    assert {e.kind for e in selectors.event_list(actor=world.user("hotan_team"))} == {
        "summer_camp",
        "sports_camp",
    }
    assert not selectors.event_list(actor=world.user("guangdong_team")).exists()
    # Filtered to Guangdong, Beijing's exchanges are not counted.
    assert (
        selectors.exchange_figures(actor=world.user("office"), donor=world.guangdong).participants
        == 0
    )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"visiting_teenagers": -1}, "visiting_teenagers"),
        ({"ends_on": D(2019, 7, 1)}, "ends_on"),
        ({"visiting_teenagers": 0, "visiting_adults": 0, "host_teenagers": 0}, "host_adults"),
        ({"visiting_region_key": "beijing"}, "visiting_region"),
    ],
)
def test_bad_counts_and_dates_name_the_field_and_write_nothing(world, fields, field):
    if "visiting_region_key" in fields:
        fields = {"visiting_region": world.beijing.region}
    with pytest.raises(ValidationError) as error:
        camp(world, **fields)
    assert field in error.value.message_dict
    assert not ExchangeEvent.objects.exists()


@pytest.fixture
def schools(world):
    class Schools:
        beijing = f.OrganizationFactory(
            region_=world.beijing.region, kind="school", parent=world.beijing, name="BJ School"
        )
        hotan = f.OrganizationFactory(region_=world.hotan_city, kind="school", name="Hotan School")
        shufu = f.OrganizationFactory(region_=world.shufu, kind="school", name="Shufu School")

    return Schools


def register(school, grade, number, pupils, language="zh"):
    return services.school_class_register(
        actor=f.system(),
        school=school,
        grade=grade,
        class_number=number,
        pupils=pupils,
        language=language,
    )


def test_classes_are_matched_as_pen_pals_and_count_their_letters(world, schools):
    b8 = register(schools.beijing, 8, 1, 42)
    b3 = register(schools.beijing, 3, 2, 30)
    h8 = register(schools.hotan, 8, 2, 40)
    h9 = register(schools.hotan, 9, 1, 44)
    register(schools.hotan, 8, 4, 39, language="ug")  # writes another language
    register(schools.shufu, 8, 1, 42)  # not in the pairing's place
    proposed = selectors.proposed_partnerships(pairing=world.beijing_hotan_city)
    assert proposed == [(b8, h8)]  # the nearer grade; grade 3 fits no one; h9 stays free
    made = services.school_partnerships_match(
        actor=world.user("hotan_team"), pairing=world.beijing_hotan_city, started_on=D(2018, 12, 1)
    )
    assert [(p.donor_class, p.recipient_class) for p in made] == [(b8, h8)]
    assert selectors.proposed_partnerships(pairing=world.beijing_hotan_city) == []
    assert b3 and h9
    services.letters_record(
        actor=world.user("hotan_team"),
        partnership=made[0],
        term_start=D(2019, 3, 1),
        term_end=D(2019, 7, 10),
        from_donor_side=40,
        from_recipient_side=38,
    )
    assert selectors.exchange_figures(actor=world.user("office")).letters == [("2019-03", 40, 38)]
    with pytest.raises(ValidationError) as error:
        services.letters_record(
            actor=world.user("hotan_team"),
            partnership=made[0],
            term_start=D(2019, 9, 1),
            term_end=D(2019, 12, 31),
            from_donor_side=-3,
            from_recipient_side=2,
        )
    assert "from_donor_side" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        services.letters_record(
            actor=world.user("guangdong_team"),
            partnership=made[0],
            term_start=D(2019, 9, 1),
            term_end=D(2019, 12, 31),
            from_donor_side=3,
            from_recipient_side=2,
        )


def test_schools_see_their_own_partnerships_only(world, schools):
    b8 = register(schools.beijing, 8, 1, 42)
    h8 = register(schools.hotan, 8, 2, 40)
    partnership = services.school_partnership_create(
        actor=f.system(),
        pairing=world.beijing_hotan_city,
        donor_class=b8,
        recipient_class=h8,
        started_on=D(2019, 1, 1),
    )
    assert list(selectors.partnership_list(actor=world.user("hotan_team"))) == [partnership]
    assert list(selectors.partnership_list(actor=world.user("beijing_team"))) == [partnership]
    assert not selectors.partnership_list(actor=world.user("guangdong_team")).exists()
    with pytest.raises(ValidationError) as error:  # a class has one set of pen pals at a time
        services.school_partnership_create(
            actor=f.system(),
            pairing=world.beijing_hotan_city,
            donor_class=b8,
            recipient_class=register(schools.hotan, 8, 5, 40),
            started_on=D(2019, 1, 1),
        )
    assert "donor_class" in error.value.message_dict
    with pytest.raises(ValidationError) as error:  # Shufu is not the place Beijing assists here
        services.school_partnership_create(
            actor=f.system(),
            pairing=world.beijing_hotan_city,
            donor_class=register(schools.beijing, 7, 1, 40),
            recipient_class=register(schools.shufu, 7, 2, 40),
            started_on=D(2019, 1, 1),
        )
    assert "recipient_class" in error.value.message_dict
    assert SchoolPartnership.objects.count() == 1


def test_a_class_is_a_group_of_counted_pupils(world, schools):
    with pytest.raises(PermissionDenied):
        services.school_class_register(
            actor=world.user("guangdong_team"),
            school=schools.hotan,
            grade=8,
            class_number=1,
            pupils=40,
            language="zh",
        )
    with pytest.raises(ValidationError) as error:
        register(schools.hotan, 13, 1, 40)
    assert not SchoolClass.objects.exists()
    assert error.value.message_dict
    first = register(schools.hotan, 8, 3, 40)
    assert first.label == "Grade 8, Class 3"  # built from numbers: no text to hold a name
    with pytest.raises(ValidationError) as error:
        register(schools.hotan, 8, 3, 38)
    assert "class_number" in error.value.message_dict
    assert not any(field.name == "label" for field in SchoolClass._meta.fields)


def test_pages_and_api_show_counts_to_the_public_and_records_to_teams(client, world):
    camp(world)
    page = Client().get("/exchanges/")
    assert page.status_code == 200 and page.context["figures"].participants == 84
    assert "Summer camp in Beijing" not in page.content.decode()
    team = Client()
    team.force_login(world.user("beijing_team"))
    assert "Summer camp in Beijing" in team.get("/exchanges/").content.decode()
    token = token_for(world.user("guangdong_team"))
    body = {
        "pairing_id": world.beijing_hotan_city.pk,
        "kind": "summer_camp",
        "title_en": "x",
        "host_region_id": world.beijing.region.pk,
        "visiting_region_id": world.hotan_city.pk,
        "starts_on": "2020-07-01",
        "ends_on": "2020-07-10",
        "visiting_teenagers": 5,
    }
    answer = call(client, "post", "/exchange-events", body, token)
    assert answer.status_code == 422 and "pairing_id" in answer.json()["errors"]
    token = token_for(world.user("beijing_team"))
    assert call(client, "post", "/exchange-events", body, token).status_code == 201
    assert call(client, "get", "/exchanges/figures").json()["participants"] == 89


def test_an_exchange_is_corrected_on_its_page_and_a_stale_edit_is_refused(world):
    event = camp(world)
    url = f"/exchanges/events/{event.pk}/edit/"
    hotan = Client()
    hotan.force_login(world.user("hotan_team"))
    form = hotan.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data.update(
        visiting_teenagers=45,
        host_region=world.beijing.region.pk,
        visiting_region=world.hotan_city.pk,
    )
    data = {k: ("" if v is None else v) for k, v in data.items()}
    assert hotan.post(url, data).status_code == 302
    event.refresh_from_db()
    assert (event.visiting_teenagers, event.version) == (45, 2)
    stale = hotan.post(url, {**data, "visiting_teenagers": 50})  # still says version 1
    assert stale.status_code == 200 and "version" in stale.context["form"].errors
    event.refresh_from_db()
    assert event.visiting_teenagers == 45
    guangdong = Client()
    guangdong.force_login(world.user("guangdong_team"))
    assert guangdong.get(url).status_code == 404


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("description", "领队：李华，学生王小明、阿卜杜拉·买买提"),
        ("description", "Led by teacher; pupil Zhang Wei won the race"),
        ("title_zh", "王小明同学的夏令营"),
        ("description", "Contact 138 0013 8000"),
    ],
)
def test_an_exchange_names_no_one(world, field, text):
    with pytest.raises(ValidationError) as error:
        camp(world, **{field: text})
    assert field in error.value.message_dict
    assert not ExchangeEvent.objects.exists()


def test_the_counts_cover_what_the_reader_sees_as_the_money_does(world):
    """An exchange of a draft pairing counts for its own team and the office, not for the
    public or another donor's team: one universe with the dashboard's money."""
    camp(world, pairing=world.beijing_draft)
    counted = {
        user: selectors.exchange_figures(
            actor=world.user(user) if user else AnonymousUser()
        ).participants
        for user in ("office", "auditor", "beijing_team", "guangdong_team", None)
    }
    assert counted == {
        "office": 84,
        "auditor": 84,
        "beijing_team": 84,
        "guangdong_team": 0,
        None: 0,
    }
