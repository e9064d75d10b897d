"""Projects, their money and results: what the seed articles report, and nothing more."""

from decimal import Decimal

from counterpart.demo import lookup
from counterpart.demo.facts import day, document, yuan
from counterpart.funding import services as funding
from counterpart.projects import services


def load_projects(loader) -> None:
    actor = loader.actor
    for fact in document("projects.json"):
        if lookup.project(actor, fact["code"]) is None:
            _project(loader, fact)


def _project(loader, fact: dict) -> None:
    actor = loader.actor
    pairing = lookup.pairing(actor, *fact["pairing"])
    project = services.project_create(
        actor=actor,
        pairing=pairing,
        code=fact["code"],
        title_en=fact["title_en"],
        title_zh=fact["title_zh"],
        description_en=fact["description_en"],
        region=lookup.region(actor, fact["region"]),
        status=fact["status"],
        sectors=fact["sectors"],
        actual_start=day(fact.get("actual_start")),
        actual_end=day(fact.get("actual_end")),
        budget_minor=yuan(fact.get("budget", "0")),
        implementer=lookup.organization(actor, fact.get("implementer", "")),
        is_published=True,
    )
    loader.mark(project, fact["source"])
    for step in fact.get("milestones", []):
        milestone = services.milestone_add(
            actor=actor,
            project=project,
            title_en=step["title_en"],
            title_zh=step["title_zh"],
            due_on=day(step["due_on"]),
        )
        services.milestone_complete(
            actor=actor,
            milestone=milestone,
            expected_version=milestone.version,
            completed_on=day(step["completed_on"]),
        )
        loader.mark(milestone, fact["source"])
    for money in fact.get("money", []):
        entry = funding.transaction_record(
            actor=actor,
            kind=money["kind"],
            pairing=pairing,
            project=project,
            amount_minor=yuan(money["amount_yuan"]),
            currency="CNY",
            value_date=day(money["value_date"]),
            description=fact["title_zh"],
        )
        loader.mark(entry, fact["source"])
    for fact_result in fact.get("results", []):
        result = services.result_create(
            actor=actor,
            project=project,
            kind="2",
            title_en=fact_result["title_en"],
            title_zh=fact_result["title_zh"],
        )
        start, end = (day(text) for text in fact_result["period"])
        for measured in fact_result["indicators"]:
            indicator = services.indicator_create(
                actor=actor,
                result=result,
                title_en=measured["title_en"],
                standard=measured["standard"],
            )
            period = services.indicator_period_record(
                actor=actor,
                indicator=indicator,
                period_start=start,
                period_end=end,
                actual=Decimal(measured["actual"]),
            )
            loader.mark([indicator, period], fact["source"])
