"""A placement round from the lists to the placements; terms, extensions and hand-overs."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from counterpart.audit.models import AuditEvent
from counterpart.talent import selectors, services
from counterpart.talent.choices import MatchRunStatus, PostStatus
from counterpart.talent.models import Placement
from tests import factories as f
from tests.talent.fixtures import START, post, professional


def rank(who, *posts):
    services.preferences_set(actor=f.system(), professional=who, posts=list(posts))


def test_the_office_runs_reviews_and_publishes_a_round(world, talent):
    second = post(talent.hospital, "Second paediatrician")
    rank(talent.yu, talent.paediatrics, second)
    rank(talent.li, talent.paediatrics, second)
    rank(talent.wang, talent.paediatrics)
    office = world.user("office")
    run = services.match_run_create(actor=office, today=datetime.date(2030, 1, 1))
    stats = run.statistics
    # Two paediatric places, and two teaching places that no one asked for.
    assert (stats["professionals"], stats["places"], stats["placed"]) == (3, 4, 2)
    assert stats["fill_rate"] == 50.0
    assert stats["stable"] is True
    # Same seniority, language, term: the earlier sign-up (Yu) gets the first choice.
    assert sorted(run.result) == sorted(
        [[talent.yu.pk, talent.paediatrics.pk], [talent.li.pk, second.pk]]
    )
    assert stats["first_choice"] == 1 and stats["unmatched_professionals"] == 1

    placements = services.match_run_publish(actor=office, run=run, expected_version=run.version)
    assert {(p.professional, p.post) for p in placements} == {
        (talent.yu, talent.paediatrics),
        (talent.li, second),
    }
    yu = next(p for p in placements if p.professional == talent.yu)
    assert (yu.start_date, yu.end_date) == (START, datetime.date(2031, 8, 31))
    read = talent.paediatrics.version  # an edit form opened before the publication
    talent.paediatrics.refresh_from_db()
    assert talent.paediatrics.status == PostStatus.CLOSED
    assert AuditEvent.objects.filter(
        event_type="post.filled", object_id=str(talent.paediatrics.pk)
    ).exists()
    with pytest.raises(ValidationError) as error:  # cannot silently reopen the post
        services.post_update(
            actor=world.user("hotan_team"),
            post=talent.paediatrics,
            expected_version=read,
            status=PostStatus.OPEN,
        )
    assert "version" in error.value.message_dict
    run.refresh_from_db()
    assert run.status == MatchRunStatus.PUBLISHED
    with pytest.raises(ValidationError):
        services.match_run_publish(actor=office, run=run, expected_version=run.version)
    assert Placement.objects.count() == 2


def test_places_of_one_post_filled_on_different_days_are_published_side_by_side(world, talent):
    """Two places of one post, one professional free at its start and one later: both are placed,
    neither takes over from the other (they serve side by side), and the term that ended before
    the post's start hands its place to the first of them."""
    office = world.user("office")
    pair = post(talent.hospital, "Two paediatricians", places=2)
    services.placement_create(  # the place before the pair's: the hospital's older term
        actor=office,
        professional=professional(world, world.beijing, "Earlier Test"),
        post=pair,
        start_date=START - datetime.timedelta(days=365),
    )
    services.professional_update(
        actor=f.system(),
        professional=talent.li,
        expected_version=talent.li.version,
        available_from=START + datetime.timedelta(days=45),
    )
    rank(talent.yu, pair)
    rank(talent.li, pair)
    run = services.match_run_create(actor=office, today=datetime.date(2030, 1, 1))
    placements = services.match_run_publish(actor=office, run=run, expected_version=run.version)
    by_person = {p.professional_id: p for p in placements}
    yu, li = by_person[talent.yu.pk], by_person[talent.li.pk]
    assert (yu.start_date, li.start_date) == (START, START + datetime.timedelta(days=45))
    assert yu.predecessor is not None and yu.predecessor.post == pair
    assert li.predecessor is None  # Yu serves beside Li, in the other place


@pytest.mark.parametrize("user_key", ["auditor", "beijing_team", "hotan_team", "professional"])
def test_only_the_office_runs_a_round(world, talent, user_key):
    with pytest.raises(PermissionDenied):
        services.match_run_create(actor=world.user(user_key))


def test_a_run_made_stale_by_a_placement_meanwhile_is_refused(world, talent):
    rank(talent.yu, talent.paediatrics)
    office = world.user("office")
    run = services.match_run_create(actor=office, today=datetime.date(2030, 1, 1))
    services.placement_create(
        actor=office, professional=talent.li, post=talent.paediatrics, start_date=START
    )
    with pytest.raises(ValidationError) as error:
        services.match_run_publish(actor=office, run=run, expected_version=run.version)
    assert "no place left" in str(error.value)
    assert Placement.objects.filter(match_run=run).count() == 0


def test_a_couple_is_placed_together_in_one_county(world, talent):
    shufu_clinic = f.OrganizationFactory(region_=world.shufu, kind="hospital", name="Shufu Clinic")
    shufu_post = post(shufu_clinic, "Shufu paediatrician")
    teacher = professional(world, world.beijing, "Teacher", specialty="language_teaching")
    services.couple_create(actor=f.system(), first=talent.li, second=teacher)
    rank(talent.li, talent.paediatrics, shufu_post)  # she likes Hotan City best
    rank(teacher, talent.teaching)  # he can teach only in Shufu
    rank(talent.yu, talent.paediatrics)
    run = services.match_run_create(actor=world.user("office"), today=datetime.date(2030, 1, 1))
    placed = dict(map(tuple, run.result))
    assert placed[talent.li.pk] == shufu_post.pk and placed[teacher.pk] == talent.teaching.pk
    assert placed[talent.yu.pk] == talent.paediatrics.pk
    assert run.statistics["couples_placed"] == 1


def make_chain(world, talent):
    office = world.user("office")
    first = services.placement_create(
        actor=office, professional=talent.yu, post=talent.paediatrics, start_date=START
    )
    second = services.placement_create(
        actor=office,
        professional=talent.li,
        post=talent.paediatrics,
        start_date=first.end_date + datetime.timedelta(days=1),
    )
    return first, second


def test_an_approved_extension_moves_the_end_and_the_successor(world, talent):
    first, second = make_chain(world, talent)
    assert second.predecessor == first
    length = second.end_date - second.start_date
    me = world.user("professional")
    extension = services.extension_request(
        actor=me,
        placement=first,
        new_end_date=first.end_date + datetime.timedelta(days=365),
        reason="The Russian major needs another year.",
    )
    with pytest.raises(PermissionDenied):  # not the receiving place's team
        services.extension_decide(
            actor=world.user("guangdong_team"), extension=extension, approve=True
        )
    services.extension_decide(actor=world.user("hotan_team"), extension=extension, approve=True)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.end_date == datetime.date(2032, 8, 30)
    assert first.extended
    assert second.start_date == datetime.date(2032, 8, 31)
    assert second.end_date - second.start_date == length
    chain = selectors.post_chain(actor=world.user("office"), post=talent.paediatrics)
    assert not chain.has_gap and [link.overlap_days for link in chain.links] == [None, None]


def test_bad_extension_requests_change_nothing(world, talent):
    first, _ = make_chain(world, talent)
    me = world.user("professional")
    for new_end, reason, field in [
        (first.end_date, "same day", "new_end_date"),
        (first.end_date + datetime.timedelta(days=30), " ", "reason"),
    ]:
        with pytest.raises(ValidationError) as error:
            services.extension_request(
                actor=me, placement=first, new_end_date=new_end, reason=reason
            )
        assert field in error.value.message_dict
    with pytest.raises(PermissionDenied):
        services.extension_request(
            actor=world.user("guangdong_team"),
            placement=first,
            new_end_date=first.end_date + datetime.timedelta(days=30),
            reason="x",
        )
    assert not first.extensions.exists()


def test_gaps_and_terms_ending_without_a_successor_are_flagged(world, talent):
    office = world.user("office")
    first = services.placement_create(
        actor=office, professional=talent.yu, post=talent.paediatrics, start_date=START
    )
    late = services.placement_create(
        actor=office,
        professional=talent.li,
        post=talent.paediatrics,
        start_date=first.end_date + datetime.timedelta(days=31),
    )
    chain = selectors.post_chain(actor=office, post=talent.paediatrics)
    assert [link.gap_days for link in chain.links] == [None, 30]
    soon = selectors.ending_without_successor(
        actor=office, today=first.end_date - datetime.timedelta(days=60)
    )
    assert list(soon) == []  # Li follows Yu
    services.placement_withdraw(
        actor=office, placement=late, expected_version=late.version, reason="Family reasons."
    )
    soon = selectors.ending_without_successor(
        actor=office, today=first.end_date - datetime.timedelta(days=60)
    )
    assert list(soon) == [first]
    # Another donor's team does not see these placements at all.
    assert not selectors.ending_without_successor(
        actor=world.user("guangdong_team"), today=first.end_date - datetime.timedelta(days=60)
    ).exists()


def test_workload_is_recorded_by_the_professional_within_the_term(world, talent):
    first, _ = make_chain(world, talent)
    me = world.user("professional")
    load = services.workload_record(
        actor=me,
        placement=first,
        month=datetime.date(2030, 10, 15),
        teaching_hours=40,
        patients_seen=310,
    )
    assert load.month == datetime.date(2030, 10, 1)
    with pytest.raises(ValidationError) as error:
        services.workload_record(actor=me, placement=first, month=datetime.date(2035, 1, 1))
    assert "month" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.workload_record(actor=me, placement=first, month=START, operations=-1)
    assert "operations" in error.value.message_dict


def test_a_term_that_has_ended_is_history(world, talent):
    """Neither withdrawn nor extended: not even by its own people, not even to 2030."""
    past = services.placement_create(
        actor=world.user("office"),
        professional=talent.yu,
        post=talent.paediatrics,
        start_date=datetime.date(2020, 9, 1),
        end_date=datetime.date(2021, 8, 31),
    )
    me = world.user("professional")
    with pytest.raises(ValidationError) as error:
        services.extension_request(
            actor=me, placement=past, new_end_date=datetime.date(2030, 8, 31), reason="More."
        )
    assert "placement" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.placement_withdraw(
            actor=world.user("beijing_team"),
            placement=past,
            expected_version=past.version,
            reason="Never mind.",
        )
    assert "placement" in error.value.message_dict
    past.refresh_from_db()
    assert not past.withdrawn and past.end_date == datetime.date(2021, 8, 31)
    assert not past.extensions.exists()


def test_an_extension_recorded_later_is_dated_within_the_term(world, talent):
    """The past is recorded as it happened: asked for and decided before the term ended."""
    past = services.placement_create(
        actor=world.user("office"),
        professional=talent.yu,
        post=talent.paediatrics,
        start_date=datetime.date(2020, 9, 1),
        end_date=datetime.date(2023, 8, 31),
    )
    office = world.user("office")
    extension = services.extension_request(
        actor=office,
        placement=past,
        new_end_date=datetime.date(2024, 8, 31),
        reason="Another year for the new department.",
        requested_on=datetime.date(2023, 3, 1),
    )
    services.extension_decide(
        actor=office, extension=extension, approve=True, decided_on=datetime.date(2023, 4, 1)
    )
    past.refresh_from_db()
    assert past.end_date == datetime.date(2024, 8, 31)
    too_long = services.placement_create(
        actor=office,
        professional=talent.li,
        post=talent.paediatrics,
        start_date=START,
    )
    with pytest.raises(ValidationError) as error:  # three years at the most
        services.extension_request(
            actor=office,
            placement=too_long,
            new_end_date=too_long.end_date + datetime.timedelta(days=5 * 365),
            reason="Much longer.",
        )
    assert "new_end_date" in error.value.message_dict


def test_the_office_discards_a_run_it_will_not_publish(world, talent):
    rank(talent.yu, talent.paediatrics)
    office = world.user("office")
    run = services.match_run_create(actor=office, today=datetime.date(2030, 1, 1))
    with pytest.raises(PermissionDenied):
        services.match_run_discard(
            actor=world.user("hotan_team"), run=run, expected_version=run.version
        )
    discarded = services.match_run_discard(actor=office, run=run, expected_version=run.version)
    assert discarded.status == MatchRunStatus.DISCARDED
    assert AuditEvent.objects.filter(event_type="match_run.discarded").count() == 1
    with pytest.raises(ValidationError):  # neither published nor discarded again
        services.match_run_publish(actor=office, run=discarded, expected_version=discarded.version)
    assert not Placement.objects.exists()
