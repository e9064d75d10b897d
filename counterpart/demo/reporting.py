"""The demo's reporting: the 2010 round reviewed under "new records" (the prefecture's team,
then the office), quarters closing 45 days after they end, and a few things waiting, so that
the inboxes are not empty. All of it is illustrative: the seeds say nothing about reporting."""

import datetime

from django.utils import timezone

from counterpart.accounts import selectors as accounts
from counterpart.accounts import services as people
from counterpart.demo import lookup
from counterpart.funding import services as funding
from counterpart.reporting import selectors, services

ILLUSTRATIVE = "illustrative (made up to show the review)"


def load_reporting(loader) -> None:
    actor = loader.actor
    round_ = lookup.round_of(actor, 2010)
    if selectors.rules_of(round_).pk is not None:
        return
    rules = services.reporting_rules_set(
        actor=actor,
        round=round_,
        review_mode="new",
        period_length="quarter",
        closes_after_days=45,
        levels=[("recipient_team", "prefecture"), ("programme_office", "")],
    )
    loader.mark(rules, ILLUSTRATIVE)
    beijing = accounts.user_by_username(actor=actor, username="beijing")
    entry = funding.transaction_record(
        actor=beijing,
        kind="2",
        pairing=lookup.pairing(actor, "beijing", "653201"),
        amount_minor=2_000_000_00,
        currency="CNY",
        value_date=timezone.localdate() - datetime.timedelta(days=10),
        sector="12230",
        description="A new wing for Hotan City's clinic (illustrative)",
    )
    loader.mark(entry, ILLUSTRATIVE)
    invitation = people.invitation_create(
        actor=actor,
        email="kashgar.team@example.org",
        display_name="Adil Tursun",
        organization=lookup.organization(actor, "653200-government"),
        role="recipient_team",
    )
    loader.mark(invitation, ILLUSTRATIVE)
