import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from counterpart.audit.models import AuditEvent
from counterpart.pairings import selectors, services
from counterpart.pairings.models import Pairing

D = datetime.date


def create(world, **overrides):
    values = dict(
        actor=world.user("office"),
        round=world.round,
        donor=world.beijing,
        recipient=world.kashgar,
        valid_from=D(2011, 1, 1),
    )
    values.update(overrides)
    return services.pairing_create(**values)


def test_office_creates_a_pairing_with_one_audit_event(world):
    before = AuditEvent.objects.count()
    pairing = create(world, source="test", notes="n")
    assert AuditEvent.objects.count() == before + 1
    event = AuditEvent.objects.get(object_type="pairings.pairing", object_id=str(pairing.pk))
    assert event.event_type == "pairing.created"
    assert event.before is None
    assert event.after["valid_from"] == "2011-01-01"
    assert event.after["donor"] == world.beijing.pk


def test_end_before_start_names_valid_to_and_writes_nothing(world):
    count, events = Pairing.objects.count(), AuditEvent.objects.count()
    with pytest.raises(ValidationError) as error:
        create(world, valid_to=D(2010, 12, 31))
    assert list(error.value.message_dict) == ["valid_to"]
    assert (Pairing.objects.count(), AuditEvent.objects.count()) == (count, events)


def test_the_same_donor_and_recipient_cannot_overlap(world):
    create(world, valid_to=D(2015, 12, 31))
    with pytest.raises(ValidationError) as error:
        create(world, valid_from=D(2015, 6, 1))
    assert "valid_from" in error.value.message_dict
    assert "cannot overlap" in error.value.message_dict["valid_from"][0]


def test_back_to_back_pairings_are_allowed(world):
    create(world, valid_to=D(2015, 12, 31))
    create(world, valid_from=D(2016, 1, 1))
    assert Pairing.objects.filter(donor=world.beijing, recipient=world.kashgar).count() == 2


def test_a_recipient_may_have_several_donors(world):
    create(world, donor=world.guangdong, recipient=world.hotan_city)
    assert Pairing.objects.filter(recipient=world.hotan_city).count() == 2


def test_a_pairing_cannot_start_before_its_round(world):
    with pytest.raises(ValidationError) as error:
        create(world, valid_from=D(2009, 6, 1))
    assert "valid_from" in error.value.message_dict


def test_a_city_sub_pairing_nests_under_its_province(world):
    parent = world.guangdong_shufu
    sub = create(world, donor=world.shenzhen, recipient=world.shufu, parent=parent)
    assert sub.parent == parent


@pytest.mark.parametrize(
    "donor, recipient, message",
    [
        ("beijing", "shufu", "donor"),  # Beijing is not part of Guangdong
        ("shenzhen", "hotan_city", "recipient"),  # Hotan City is not within Shufu
    ],
)
def test_a_sub_pairing_must_fit_its_parent(world, donor, recipient, message):
    with pytest.raises(ValidationError) as error:
        create(
            world,
            donor=getattr(world, donor),
            recipient=getattr(world, recipient),
            parent=world.guangdong_shufu,
        )
    assert message in error.value.message_dict["parent"][0]


def test_ending_keeps_the_history_and_ends_sub_pairings(world):
    office = world.user("office")
    parent = world.guangdong_shufu
    sub = create(world, donor=world.shenzhen, recipient=world.shufu, parent=parent)
    ended = services.pairing_end(
        actor=office,
        pairing=parent,
        expected_version=parent.version,
        valid_to=D(2020, 12, 31),
        reason="round rearranged",
    )
    sub.refresh_from_db()
    assert ended.valid_to == sub.valid_to == D(2020, 12, 31)
    event = AuditEvent.objects.filter(
        object_id=str(parent.pk), object_type="pairings.pairing"
    ).first()
    assert event.event_type == "pairing.ended"
    assert event.before["valid_to"] is None
    assert event.after["valid_to"] == "2020-12-31"
    assert event.reason == "round rearranged"


def test_re_dating_a_parent_past_its_sub_pairing_is_refused(world):
    parent = world.guangdong_shufu
    create(world, donor=world.shenzhen, recipient=world.shufu, parent=parent)
    with pytest.raises(ValidationError) as error:
        services.pairing_update(
            actor=world.user("office"),
            pairing=parent,
            expected_version=parent.version,
            valid_to=D(2019, 1, 1),
        )
    assert "valid_to" in error.value.message_dict


def test_donor_and_recipient_are_fixed_after_creation(world):
    pairing = world.beijing_hotan_city
    with pytest.raises(TypeError):  # the service has no way to take them
        services.pairing_update(
            actor=world.user("office"),
            pairing=pairing,
            expected_version=pairing.version,
            recipient=world.shufu,
        )
    pairing.refresh_from_db()
    assert pairing.recipient == world.hotan_city


@pytest.mark.parametrize(
    "role", ["beijing_team", "guangdong_team", "hotan_team", "auditor", "professional", "nobody"]
)
def test_only_the_office_changes_pairings(world, role):
    actor = world.user(role)
    pairing = world.beijing_hotan_city
    with pytest.raises(PermissionDenied):
        create(world, actor=actor)
    with pytest.raises(PermissionDenied):
        services.pairing_update(
            actor=actor, pairing=pairing, expected_version=pairing.version, notes="x"
        )
    with pytest.raises(PermissionDenied):
        services.pairing_end(
            actor=actor, pairing=pairing, expected_version=pairing.version, valid_to=D(2020, 1, 1)
        )
    pairing.refresh_from_db()
    assert (pairing.notes, pairing.valid_to, pairing.version) == ("", None, 1)


VISIBLE = {
    # who: the pairings (by attribute name on world) they see
    "office": {"beijing_hotan_city", "beijing_draft", "guangdong_shufu", "guangdong_draft"},
    "auditor": {"beijing_hotan_city", "beijing_draft", "guangdong_shufu", "guangdong_draft"},
    "beijing_team": {"beijing_hotan_city", "beijing_draft", "guangdong_shufu"},
    "guangdong_team": {"beijing_hotan_city", "guangdong_shufu", "guangdong_draft"},
    "hotan_team": {"beijing_hotan_city", "beijing_draft", "guangdong_shufu"},
    "professional": {"beijing_hotan_city", "guangdong_shufu"},
    "nobody": {"beijing_hotan_city", "guangdong_shufu"},
}


@pytest.mark.parametrize("role", sorted(VISIBLE))
def test_who_sees_which_pairing(world, role):
    seen = set(selectors.pairing_list(actor=world.user(role)))
    assert seen == {getattr(world, name) for name in VISIBLE[role]}


def test_the_public_sees_published_pairings_only(world, anonymous):
    assert set(selectors.pairing_list(actor=anonymous)) == {
        world.beijing_hotan_city,
        world.guangdong_shufu,
    }


def test_a_hidden_draft_is_not_found(world):
    from django.http import Http404

    with pytest.raises(Http404):
        selectors.pairing_get(actor=world.user("beijing_team"), pk=world.guangdong_draft.pk)


def test_quota_uses_the_previous_years_revenue_and_the_donors_own_rule(world):
    office = world.user("office")
    services.quota_rule_create(actor=office, round=world.round, share_ppm=5_000, first_year=2011)
    services.quota_rule_create(
        actor=office, round=world.round, donor=world.guangdong, share_ppm=6_000, first_year=2011
    )
    services.fiscal_revenue_record(
        actor=office, donor=world.beijing, year=2019, amount_minor=581_710_000_000_00
    )
    services.fiscal_revenue_record(
        actor=office, donor=world.guangdong, year=2019, amount_minor=1_265_150_000_000_00
    )
    rows = {
        row.donor: row for row in selectors.quota_table(actor=office, round=world.round, year=2020)
    }
    assert rows[world.beijing].quota_minor == 2_908_550_000_00
    assert rows[world.guangdong].quota_minor == 7_590_900_000_00
    assert selectors.quota_table(actor=office, round=world.round, year=2021)[0].quota_minor is None


def test_a_donor_team_sees_only_its_own_quota(world):
    services.quota_rule_create(
        actor=world.user("office"), round=world.round, share_ppm=5_000, first_year=2011
    )
    rows = selectors.quota_table(actor=world.user("beijing_team"), round=world.round, year=2020)
    assert [row.donor for row in rows] == [world.beijing]
    assert selectors.quota_table(actor=world.user("hotan_team"), round=world.round, year=2020) == []


def test_overlapping_quota_rules_are_refused(world):
    office = world.user("office")
    services.quota_rule_create(actor=office, round=world.round, share_ppm=5_000, first_year=2011)
    with pytest.raises(ValidationError) as error:
        services.quota_rule_create(
            actor=office, round=world.round, share_ppm=3_000, first_year=2015
        )
    assert "first_year" in error.value.message_dict


def test_correcting_revenue_is_audited_with_before_and_after(world):
    office = world.user("office")
    services.fiscal_revenue_record(actor=office, donor=world.beijing, year=2019, amount_minor=100)
    corrected = services.fiscal_revenue_record(
        actor=office, donor=world.beijing, year=2019, amount_minor=250
    )
    event = AuditEvent.objects.filter(object_type="pairings.fiscalrevenue").first()
    assert corrected.amount_minor == 250
    assert (event.event_type, event.before["amount_minor"], event.after["amount_minor"]) == (
        "fiscal_revenue.corrected",
        100,
        250,
    )


def test_negative_revenue_names_the_field(world):
    with pytest.raises(ValidationError) as error:
        services.fiscal_revenue_record(
            actor=world.user("office"), donor=world.beijing, year=2019, amount_minor=-1
        )
    assert "amount_minor" in error.value.message_dict
