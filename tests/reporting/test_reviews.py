"""Submit and approve: a record entered under a round's review counts only once every level of
its chain has approved it; each level approves only what lies in its scope."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from counterpart.projects import selectors as projects
from counterpart.reporting import selectors, services
from counterpart.reporting.choices import ReviewStatus
from tests.reporting.conftest import report


def public_actual(anonymous):
    totals = projects.standard_totals(actor=anonymous)
    return totals["out_of_poverty"].actual if "out_of_poverty" in totals else 0


def test_a_county_submits_the_prefecture_and_the_office_approve(chain, indicator, anonymous):
    county, prefecture, office = (chain.user(k) for k in ("county_team", "hotan_team", "office"))
    period = report(county, indicator, 120)
    review = selectors.review_of(period)
    assert review.status == ReviewStatus.DRAFT
    assert public_actual(anonymous) == 0
    services.review_submit(actor=county, review=review)
    assert list(selectors.waiting_for(prefecture)) == [review]
    assert list(selectors.waiting_for(office)) == []  # not yet at the office's level

    services.review_approve(actor=prefecture, review=review, comment="checked the lists")
    review.refresh_from_db()
    assert (review.status, review.level) == (ReviewStatus.SUBMITTED, 1)
    assert public_actual(anonymous) == 0
    assert list(selectors.waiting_for(office)) == [review]

    services.review_approve(actor=office, review=review)
    review.refresh_from_db()
    assert review.status == ReviewStatus.APPROVED
    assert public_actual(anonymous) == 120
    assert [s.action for s in review.steps.all()] == ["opened", "submitted", "approved", "approved"]


@pytest.mark.parametrize("approver", ["kashgar_team", "beijing_team", "guangdong_team", "auditor"])
def test_no_one_outside_the_levels_scope_approves(chain, indicator, approver):
    period = report(chain.user("county_team"), indicator, 5)
    review = selectors.review_of(period)
    services.review_submit(actor=chain.user("county_team"), review=review)
    with pytest.raises(PermissionDenied):
        services.review_approve(actor=chain.user(approver), review=review)
    with pytest.raises(PermissionDenied):
        services.review_return(actor=chain.user(approver), review=review, comment="no")
    review.refresh_from_db()
    assert (review.status, review.level) == (ReviewStatus.SUBMITTED, 0)


def test_the_office_waits_for_the_prefecture(chain, indicator):
    review = selectors.review_of(report(chain.user("county_team"), indicator, 5))
    services.review_submit(actor=chain.user("county_team"), review=review)
    with pytest.raises(PermissionDenied):
        services.review_approve(actor=chain.user("office"), review=review)


def test_no_one_approves_their_own_submission(chain, indicator):
    prefecture = chain.user("hotan_team")
    review = selectors.review_of(report(prefecture, indicator, 5))
    services.review_submit(actor=prefecture, review=review)
    with pytest.raises(ValidationError, match="other than its submitter"):
        services.review_approve(actor=prefecture, review=review)


def test_a_returned_record_is_fixed_and_submitted_again(chain, indicator):
    county, prefecture = chain.user("county_team"), chain.user("hotan_team")
    period = report(county, indicator, 5)
    review = selectors.review_of(period)
    services.review_submit(actor=county, review=review)
    with pytest.raises(ValidationError, match="Say what"):
        services.review_return(actor=prefecture, review=review, comment=" ")
    services.review_return(actor=prefecture, review=review, comment="The count is per household")
    assert list(selectors.returned_to(county)) == [review]
    with pytest.raises(ValidationError):  # submitted records wait; returned ones are edited
        services.review_approve(actor=prefecture, review=review)
    period = report(county, indicator, 17, expected_version=period.version)
    assert period.actual == 17
    services.review_submit(actor=county, review=review, comment="per person now")
    review.refresh_from_db()
    assert review.status == ReviewStatus.SUBMITTED and list(selectors.returned_to(county)) == []


def test_a_submitted_or_approved_record_is_not_edited_in_place(chain, indicator, anonymous):
    county, prefecture, office = (chain.user(k) for k in ("county_team", "hotan_team", "office"))
    period = report(county, indicator, 5)
    review = selectors.review_of(period)
    services.review_submit(actor=county, review=review)
    with pytest.raises(ValidationError, match="waits for review"):
        report(county, indicator, 6, expected_version=period.version)
    services.review_approve(actor=prefecture, review=review)
    services.review_approve(actor=office, review=review)
    with pytest.raises(ValidationError, match="Reopen it"):
        report(county, indicator, 6, expected_version=period.version)
    with pytest.raises(ValidationError, match="Say what"):
        services.review_reopen(actor=county, review=review, reason="")
    services.review_reopen(actor=county, review=review, reason="A village was counted twice")
    assert public_actual(anonymous) == 0  # out of the approved figures until approved again
    period = report(county, indicator, 4, expected_version=period.version)
    assert period.actual == 4


def test_records_from_before_the_review_stay_as_they_are_under_new_records_only(world, indicator):
    office = world.user("office")
    period = report(world.user("hotan_team"), indicator, 5)  # review off: counts at once
    assert selectors.review_of(period) is None
    services.reporting_rules_set(
        actor=office, round=world.round, review_mode="new", levels=[("programme_office", "")]
    )
    period = report(world.user("hotan_team"), indicator, 6, expected_version=period.version)
    assert selectors.review_of(period) is None
    services.reporting_rules_set(actor=office, round=world.round, review_mode="all")
    period = report(world.user("hotan_team"), indicator, 7, expected_version=period.version)
    assert selectors.review_of(period).status == ReviewStatus.DRAFT  # this edit is reviewed


@pytest.mark.parametrize(
    ("levels", "field"),
    [
        ([], "levels"),
        ([("emperor", "")], "levels"),
        ([("donor_team", "prefecture")], "levels"),
        ([("recipient_team", "galaxy")], "levels"),
        ([("programme_office", "")] * 2, "levels"),
    ],
)
def test_a_chain_that_cannot_work_is_refused(world, levels, field):
    with pytest.raises(ValidationError) as refused:
        services.reporting_rules_set(
            actor=world.user("office"), round=world.round, review_mode="new", levels=levels
        )
    assert field in refused.value.message_dict
    assert selectors.rules_of(world.round).pk is None


@pytest.mark.parametrize("user_key", ["beijing_team", "hotan_team", "auditor", "professional"])
def test_only_the_office_sets_the_rules(world, user_key, client):
    with pytest.raises(PermissionDenied):
        services.reporting_rules_set(
            actor=world.user(user_key), round=world.round, review_mode="all"
        )
    client.force_login(world.user(user_key))
    page = client.get(reverse("reporting:rules", args=[world.round.pk]))
    assert page.status_code == (200 if user_key == "auditor" else 403)
    client.post(
        reverse("reporting:rules", args=[world.round.pk]),
        {"action": "rules", "review_mode": "all", "period_length": "year"},
    )
    assert selectors.rules_of(world.round).pk is None


def test_the_review_page_acts_for_the_level_in_scope_only(client, chain, indicator):
    county = chain.user("county_team")
    review = selectors.review_of(report(county, indicator, 5))
    client.force_login(county)
    page = client.get(reverse("reporting:review", args=[review.pk]))
    assert page.context["can"]["submit"] and not page.context["can"]["approve"]
    client.post(reverse("reporting:review", args=[review.pk]), {"action": "submit"})
    review.refresh_from_db()
    assert review.status == ReviewStatus.SUBMITTED

    client.force_login(chain.user("guangdong_team"))  # another donor's team: not even visible
    assert client.get(reverse("reporting:review", args=[review.pk])).status_code == 404
    client.force_login(chain.user("kashgar_team"))  # another prefecture
    assert client.get(reverse("reporting:review", args=[review.pk])).status_code == 404
    client.force_login(chain.user("hotan_team"))
    answer = client.post(
        reverse("reporting:review", args=[review.pk]), {"action": "return", "comment": ""}
    )
    assert answer.status_code == 200 and answer.context["form"].errors["comment"]
    client.post(reverse("reporting:review", args=[review.pk]), {"action": "approve"})
    review.refresh_from_db()
    assert review.level == 1
    listed = client.get(reverse("reporting:reviews") + "?show=all").context["page"]
    assert [r.pk for r in listed.object_list] == [review.pk]


def test_members_of_the_chains_organizations_who_review_nothing_see_no_review(
    client, chain, indicator
):
    """A professional of a hospital in Hotan City had read all of its prefecture's reviews,
    amounts included, and a team administrator its donor's: reviews are seen by the roles that
    act on them (donor and recipient teams, the office and auditors) and by their submitter."""
    from counterpart.accounts.choices import Role
    from counterpart.accounts.services import api_token_create
    from tests import factories as f

    county = chain.user("county_team")
    review = selectors.review_of(report(county, indicator, 120))
    services.review_submit(actor=county, review=review)
    hospital = f.OrganizationFactory(region_=chain.hotan_city, kind="hospital", name="HC Hospital")
    outsiders = [
        f.UserFactory(organization_=hospital, role=Role.PROFESSIONAL, username="hcpro"),
        f.UserFactory(organization_=chain.beijing, role=Role.TEAM_ADMIN, username="bjadmin"),
    ]
    for key in ("hotan_team", "beijing_team", "county_team", "office", "auditor"):
        assert review in selectors.review_list(chain.user(key)), key
    for outsider in outsiders:
        assert list(selectors.review_list(outsider)) == []
        _token, raw = api_token_create(actor=outsider, name="t")
        auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
        assert client.get("/api/reviews?show=all", **auth).json()["count"] == 0
        assert client.get(f"/api/reviews/{review.pk}", **auth).status_code == 404
