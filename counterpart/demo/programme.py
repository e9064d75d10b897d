"""Rounds, pairings, quota rules and fiscal revenue; exchange rates and compliance rules."""

from counterpart.demo import lookup
from counterpart.demo.facts import day, rows
from counterpart.engine.money import parse_rate
from counterpart.funding import selectors as funding
from counterpart.funding import services as funding_services
from counterpart.pairings import selectors, services

QUOTA = "quota"


def load_programme(loader) -> None:
    actor = loader.actor
    for row in rows("rounds.csv"):
        if lookup.round_of(actor, int(row["year"])) is None:
            created = services.pairing_round_create(
                actor=actor,
                year=int(row["year"]),
                name_en=row["name_en"],
                name_zh=row["name_zh"],
                name_ug=row["name_ug"],
                starts_on=day(row["starts_on"]),
                ends_on=day(row["ends_on"]),
                description_en=row["description_en"],
                description_zh=row["description_zh"],
            )
            loader.mark(created, row["source"])
    round_2010 = lookup.round_of(actor, 2010)
    for row in rows("pairings.csv"):
        if lookup.pairing(actor, row["donor"], row["recipient"]) is not None:
            continue
        parent = (
            lookup.pairing(actor, row["parent_donor"], row["recipient"])
            if row["parent_donor"]
            else None
        )
        created = services.pairing_create(
            actor=actor,
            round=round_2010,
            donor=lookup.organization(actor, row["donor"]),
            recipient=lookup.region(actor, row["recipient"]),
            valid_from=round_2010.starts_on,
            parent=parent,
            is_published=row["published"] == "yes",
            source=row["source"],
            confidence=row["confidence"],
        )
        loader.mark(created, row["source"])
    for row in rows("rules.csv"):
        if row["rule"] == QUOTA and not selectors.quota_rule_list(actor=actor, round=round_2010):
            created = services.quota_rule_create(
                actor=actor,
                round=round_2010,
                share_ppm=int(row["threshold_ppm"]),
                first_year=int(row["first_year"]),
                notes=row["notes"],
            )
            loader.mark(created, row["source"])
    for row in rows("fiscal_revenue.csv"):
        donor = lookup.organization(actor, row["donor"])
        year = int(row["year"])
        if not selectors.fiscal_revenue_list(actor=actor, donor=donor).filter(year=year):
            created = services.fiscal_revenue_record(
                actor=actor,
                donor=donor,
                year=year,
                amount_minor=int(row["amount_yuan"]) * 100,
                source=row["source"],
            )
            loader.mark(created, row["source"])


def load_rates_and_rules(loader) -> None:
    actor = loader.actor
    for row in rows("exchange_rates.csv"):
        known = funding.exchange_rate_list(actor=actor, currency=row["base"])
        if not known.filter(quote=row["quote"], valid_on=day(row["valid_on"])).exists():
            created = funding_services.exchange_rate_record(
                actor=actor,
                base=row["base"],
                quote=row["quote"],
                valid_on=day(row["valid_on"]),
                rate_scaled=parse_rate(row["rate"]),
                source=row["source"],
            )
            loader.mark(created, row["source"])
    round_2010 = lookup.round_of(actor, 2010)
    for row in rows("rules.csv"):
        if row["rule"] == QUOTA:
            continue
        if not funding.compliance_rule_list(actor=actor, round=round_2010).filter(kind=row["rule"]):
            created = funding_services.compliance_rule_create(
                actor=actor,
                round=round_2010,
                kind=row["rule"],
                threshold_ppm=int(row["threshold_ppm"]),
                first_year=int(row["first_year"]),
                notes=row["notes"],
            )
            loader.mark(created, row["source"])
