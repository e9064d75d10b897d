"""Remote care, exchanges and pen pals, enterprise support and sales: the seeds' stories, with
case codes only (no patient is named) and classes as counted groups (no child is stored)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from counterpart.care import selectors as care_selectors
from counterpart.care import services as care
from counterpart.demo import lookup
from counterpart.demo.facts import day, document, moment, yuan
from counterpart.enterprise import selectors as enterprise_selectors
from counterpart.enterprise import services as enterprise
from counterpart.exchanges import selectors as exchange_selectors
from counterpart.exchanges import services as exchanges


def load_care(loader) -> None:
    actor = loader.actor
    if care_selectors.consultation_list(actor=actor).exists():
        return
    facts = document("care.json")
    for fact in facts["consultations"]:
        consultation = care.consultation_request(
            actor=actor,
            requesting_institution=lookup.organization(actor, fact["requesting"]),
            consulting_institution=lookup.organization(actor, fact["consulting"]),
            specialty=fact["specialty"],
            case_code=fact["case_code"],
            question=fact["question"],
            requested_at=moment(fact["requested_at"]),
        )
        consultation = care.consultation_hold(
            actor=actor,
            consultation=consultation,
            expected_version=consultation.version,
            held_at=moment(fact["held_at"]),
            advice=fact["advice"],
            outcome=fact["outcome"],
        )
        step = fact["referral"]
        referral = care.referral_from_consultation(
            actor=actor, consultation=consultation, referred_on=day(step["referred_on"])
        )
        referral = care.referral_treat(
            actor=actor,
            referral=referral,
            expected_version=referral.version,
            admitted_on=day(step["admitted_on"]),
            discharged_on=day(step["discharged_on"]),
            treatment=step["treatment"],
            outcome=step["outcome"],
        )
        referral = care.referral_follow_up(
            actor=actor,
            referral=referral,
            expected_version=referral.version,
            follow_up_on=day(step["follow_up_on"]),
            notes=step["follow_up_notes"],
        )
        loader.mark([consultation, referral], fact["source"])
    series = facts["series"]
    now = timezone.now()
    made = []
    for n, (days_ago, wait_hours) in enumerate(series["requests"], start=1):
        asked = now - datetime.timedelta(days=days_ago, hours=2)  # dated from today
        consultation = care.consultation_request(
            actor=actor,
            requesting_institution=lookup.organization(actor, series["requesting"]),
            consulting_institution=lookup.organization(actor, series["consulting"]),
            specialty=series["specialty"],
            case_code=f"{series['case_code_prefix']}{timezone.localdate(asked).year}-{n:04d}",
            question=series["question"],
            requested_at=asked,
        )
        held_at = asked + datetime.timedelta(hours=wait_hours or 0)
        if wait_hours is not None and held_at < now:  # the latest waits to be scheduled
            consultation = care.consultation_hold(
                actor=actor,
                consultation=consultation,
                expected_version=consultation.version,
                held_at=held_at,
                advice=series["advice"],
                outcome=series["outcome"],
            )
        made.append(consultation)
    loader.mark(made, series["source"])


def load_exchanges(loader) -> None:
    actor = loader.actor
    if exchange_selectors.event_list(actor=actor).exists():
        return
    facts = document("exchanges.json")
    for fact in facts["events"]:
        event = exchanges.exchange_event_record(
            actor=actor,
            pairing=lookup.pairing(actor, *fact["pairing"]),
            kind=fact["kind"],
            title_en=fact["title_en"],
            title_zh=fact["title_zh"],
            host_region=lookup.region(actor, fact["host"]),
            visiting_region=lookup.region(actor, fact["visiting"]),
            starts_on=day(fact["starts_on"]),
            ends_on=day(fact["ends_on"]),
            **fact["counts"],
        )
        loader.mark(event, fact["source"])
    fact = facts["pen_pals"]
    classes = [
        exchanges.school_class_register(
            actor=actor,
            school=lookup.organization(actor, group["school"]),
            grade=group["grade"],
            class_number=group["class_number"],
            pupils=group["pupils"],
            language=group["language"],
        )
        for group in fact["classes"]
    ]
    partnerships = exchanges.school_partnerships_match(
        actor=actor,
        pairing=lookup.pairing(actor, *fact["pairing"]),
        started_on=day(fact["started_on"]),
    )
    letters = []
    for n, partnership in enumerate(partnerships):
        for year in fact["letter_years"]:
            for start, end in (((3, 1), (7, 10)), ((9, 1), (12, 31))):
                letters.append(
                    exchanges.letters_record(
                        actor=actor,
                        partnership=partnership,
                        term_start=datetime.date(year, *start),
                        term_end=datetime.date(year, *end),
                        from_donor_side=fact["letters_from_donor_side"] + n,
                        from_recipient_side=fact["letters_from_recipient_side"] + n,
                    )
                )
    loader.mark(classes + partnerships + letters, fact["source"])


def load_enterprise(loader) -> None:
    actor = loader.actor
    if enterprise_selectors.support_list(actor=actor).exists():
        return
    facts = document("enterprise.json")
    for fact in facts["supports"]:
        support = enterprise.support_create(
            actor=actor,
            company=lookup.organization(actor, fact["company"]),
            pairing=lookup.pairing(actor, *fact["pairing"]),
            kind=fact["kind"],
            started_on=day(fact["started_on"]),
            description=fact["description"],
            project=lookup.project(actor, fact["project"]),
        )
        loader.mark(support, fact["source"])
        for report in fact["employment"]:
            made = enterprise.employment_report(
                actor=actor,
                support=support,
                period_start=day(report["period_start"]),
                period_end=day(report["period_end"]),
                employees=report["employees"],
                formerly_poor=report["formerly_poor"],
            )
            loader.mark(made, report["source"])
    for fact in facts["sales"]:
        sale = enterprise.product_sale_record(
            actor=actor,
            pairing=lookup.pairing(actor, *fact["pairing"]),
            company=lookup.organization(actor, fact["company"]),
            product=fact["product"],
            market_region=lookup.region(actor, fact["market"]),
            channel=fact["channel"],
            period_start=day(fact["period_start"]),
            period_end=day(fact["period_end"]),
            volume=Decimal(fact["volume"]),
            unit=fact["unit"],
            value_minor=yuan(fact["value_yuan"]),
        )
        loader.mark(sale, fact["source"])
