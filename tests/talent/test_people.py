"""Professionals, posts and rankings: who may do what, and bad input that changes nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from counterpart.audit.models import AuditEvent
from counterpart.talent import selectors, services
from counterpart.talent.models import Couple, Post, Preference, Professional
from tests import factories as f
from tests.talent.fixtures import professional, second_professional_user


def test_a_professional_signs_up_for_their_own_organization(world):
    me = world.user("professional")  # a professional of Beijing
    profile = services.professional_register(
        actor=me,
        organization=world.beijing,
        user=me,
        name="Invented Name",
        specialty="ophthalmology",
        seniority=2,
        languages=["zh", "ru"],
        available_from=datetime.date(2030, 3, 1),
        term_months=18,
    )
    assert selectors.professional_of(actor=me) == profile
    assert AuditEvent.objects.filter(event_type="professional.registered").count() == 1


@pytest.mark.parametrize(
    ("user_key", "organization_key"),
    [("professional", "guangdong"), ("guangdong_team", "beijing"), ("hotan_team", "beijing")],
)
def test_no_one_signs_up_people_of_another_organization(world, user_key, organization_key):
    actor = world.user(user_key)
    with pytest.raises(PermissionDenied):
        services.professional_register(
            actor=actor,
            organization=getattr(world, organization_key),
            user=actor,
            name="X",
            specialty="nursing",
            seniority=1,
            available_from=datetime.date(2030, 1, 1),
            term_months=6,
        )
    assert not Professional.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"languages": ["zh", "xx"]}, "languages"),
        ({"languages": ["zh", "zh"]}, "languages"),
        ({"term_months": 7}, "term_months"),
        ({"specialty": "astrology"}, "specialty"),
        ({"seniority": 9}, "seniority"),
    ],
)
def test_bad_profile_input_names_the_field_and_writes_nothing(world, fields, field):
    with pytest.raises(ValidationError) as error:
        professional(world, world.beijing, "X", **fields)
    assert field in error.value.message_dict
    assert not Professional.objects.exists()


def test_who_sees_a_professional(world, talent):
    def visible(user_key):
        return set(selectors.professional_list(actor=world.user(user_key)))

    assert visible("office") == visible("auditor") == {talent.yu, talent.li, talent.wang}
    assert visible("beijing_team") == {talent.yu, talent.li}  # its own and its hospital's
    assert visible("guangdong_team") == {talent.wang}
    assert visible("professional") == {talent.yu}
    assert visible("hotan_team") == set()
    with pytest.raises(Http404):
        selectors.professional_get(actor=world.user("guangdong_team"), pk=talent.yu.pk)


def test_a_professional_ranks_open_posts_and_only_their_own(world, talent):
    me = world.user("professional")
    services.preferences_set(
        actor=me, professional=talent.yu, posts=[talent.teaching, talent.paediatrics]
    )
    ranked = selectors.preference_list(actor=me, professional=talent.yu)
    assert [p.post for p in ranked] == [talent.teaching, talent.paediatrics]
    with pytest.raises(PermissionDenied):
        services.preferences_set(
            actor=second_professional_user(world), professional=talent.yu, posts=[]
        )
    with pytest.raises(PermissionDenied):
        services.preferences_set(
            actor=world.user("guangdong_team"), professional=talent.yu, posts=[]
        )
    assert Preference.objects.filter(professional=talent.yu).count() == 2


@pytest.mark.parametrize("problem", ["twice", "closed"])
def test_a_bad_ranking_names_the_posts_and_keeps_the_old_one(world, talent, problem):
    me = world.user("professional")
    services.preferences_set(actor=me, professional=talent.yu, posts=[talent.paediatrics])
    if problem == "closed":
        Post.objects.filter(pk=talent.teaching.pk).update(status="closed")
        talent.teaching.refresh_from_db()
        posts = [talent.teaching]
    else:
        posts = [talent.paediatrics, talent.paediatrics]
    with pytest.raises(ValidationError) as error:
        services.preferences_set(actor=me, professional=talent.yu, posts=posts)
    assert "posts" in error.value.message_dict
    assert list(talent.yu.preferences.values_list("post", flat=True)) == [talent.paediatrics.pk]


def test_a_recipient_team_posts_needs_for_its_own_places_only(world, talent):
    hotan = world.user("hotan_team")
    created = services.post_create(
        actor=hotan,
        institution=talent.hospital,
        title_en="Two nurses",
        specialty="nursing",
        places=2,
        term_months=6,
        start_date=datetime.date(2031, 3, 1),
    )
    assert created.places == 2
    with pytest.raises(PermissionDenied):
        services.post_create(
            actor=hotan,
            institution=talent.school,
            title_en="Teacher",
            specialty="language_teaching",
            term_months=12,
            start_date=datetime.date(2031, 3, 1),
        )
    with pytest.raises(ValidationError) as error:
        services.post_create(
            actor=hotan,
            institution=talent.hospital,
            title_en="No places",
            specialty="nursing",
            places=0,
            term_months=6,
            start_date=datetime.date(2031, 3, 1),
        )
    assert "places" in error.value.message_dict


def test_the_receiving_team_sees_applicants_by_number_and_the_office_by_name(world, talent):
    services.preferences_set(actor=f.system(), professional=talent.yu, posts=[talent.paediatrics])
    services.preferences_set(actor=f.system(), professional=talent.wang, posts=[talent.paediatrics])
    rows = selectors.applicant_rows(actor=world.user("hotan_team"), post=talent.paediatrics)
    assert {r.label for r in rows} == {f"Applicant {talent.yu.pk}", f"Applicant {talent.wang.pk}"}
    rows = selectors.applicant_rows(actor=world.user("office"), post=talent.paediatrics)
    assert {r.label for r in rows} == {"Yu Test", "Wang Test"}
    with pytest.raises(PermissionDenied):
        selectors.applicant_rows(actor=world.user("beijing_team"), post=talent.paediatrics)


def test_the_rule_ranks_and_the_institution_overrides_it(world, talent):
    junior = professional(world, world.beijing, "Junior", seniority=1)
    nurse = professional(world, world.beijing, "Nurse", specialty="nursing")
    for someone in (talent.yu, junior, nurse):
        services.preferences_set(actor=f.system(), professional=someone, posts=[talent.paediatrics])
    hotan = world.user("hotan_team")
    rows = selectors.applicant_rows(actor=hotan, post=talent.paediatrics)
    assert [(r.professional, r.rank) for r in rows] == [
        (talent.yu, 1),  # more senior
        (junior, 2),
        (nurse, None),  # not a paediatrician: not acceptable
    ]
    read = talent.paediatrics.version
    post = services.post_ranking_set(
        actor=hotan, post=talent.paediatrics, expected_version=read, professional_ids=[junior.pk]
    )
    assert post.version == read + 1  # a stale edit form of the post is refused from now on
    rows = selectors.applicant_rows(actor=hotan, post=post)
    assert [(r.professional, r.rank) for r in rows][:2] == [(junior, 1), (talent.yu, None)]
    with pytest.raises(ValidationError) as error:  # ranked from a page read before
        services.post_ranking_set(
            actor=hotan, post=post, expected_version=read, professional_ids=[talent.yu.pk]
        )
    assert "version" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.post_ranking_set(
            actor=hotan, post=post, expected_version=post.version, professional_ids=[talent.li.pk]
        )
    with pytest.raises(PermissionDenied):
        services.post_ranking_set(
            actor=world.user("guangdong_team"),
            post=post,
            expected_version=post.version,
            professional_ids=[],
        )
    services.post_ranking_reset(actor=hotan, post=post, expected_version=post.version)
    rows = selectors.applicant_rows(actor=hotan, post=talent.paediatrics)
    assert rows[0].professional == talent.yu


def test_couples_are_recorded_once_by_whoever_manages_both(world, talent):
    team = world.user("beijing_team")
    couple = services.couple_create(actor=team, first=talent.li, second=talent.yu)
    assert (couple.first, couple.second) == tuple(
        sorted((talent.yu, talent.li), key=lambda p: p.pk)
    )
    with pytest.raises(ValidationError):
        services.couple_create(actor=team, first=talent.yu, second=talent.li)
    with pytest.raises(PermissionDenied):
        services.couple_create(actor=team, first=talent.yu, second=talent.wang)
    assert Couple.objects.count() == 1


def test_no_talent_model_has_a_field_for_origin_belief_or_politics():
    from django.apps import apps

    forbidden = (
        "ethnic",
        "religio",
        "faith",
        "politic",
        "party",
        "nation",
        "identity",
        "id_number",
    )
    for model in apps.get_app_config("talent").get_models():
        for field in model._meta.get_fields():
            assert not any(word in field.name.lower() for word in forbidden), (model, field.name)


def test_a_professional_updates_their_profile_and_a_stale_form_is_refused(world, talent):
    me = world.user("professional")
    read = talent.yu.version
    updated = services.professional_update(
        actor=me, professional=talent.yu, expected_version=read, seniority=4, languages=["zh", "ug"]
    )
    assert (updated.seniority, updated.languages, updated.version) == (4, ["zh", "ug"], read + 1)
    with pytest.raises(ValidationError) as error:
        services.professional_update(
            actor=me, professional=talent.yu, expected_version=read, seniority=1
        )
    assert "version" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.professional_update(
            actor=me, professional=updated, expected_version=updated.version, languages=["xx"]
        )
    assert "languages" in error.value.message_dict
    with pytest.raises(PermissionDenied):  # another donor's team
        services.professional_update(
            actor=world.user("guangdong_team"),
            professional=updated,
            expected_version=updated.version,
            seniority=1,
        )


def test_a_receiving_team_updates_its_post(world, talent):
    hotan = world.user("hotan_team")
    post = services.post_update(
        actor=hotan, post=talent.paediatrics, expected_version=talent.paediatrics.version, places=3
    )
    assert (post.places, post.version) == (3, talent.paediatrics.version + 1)
    assert AuditEvent.objects.filter(event_type="post.updated", object_id=str(post.pk)).exists()
    with pytest.raises(PermissionDenied):
        services.post_update(
            actor=world.user("guangdong_team"), post=post, expected_version=post.version, places=1
        )
