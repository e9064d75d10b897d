"""Load the demo programme through the services, idempotently: what exists is left as it is.

Every record the demo creates is marked with where its facts come from (audit's provenance), so
that pages can say "demo data" and mark what is illustrative.
"""

from collections.abc import Callable

from django.db import transaction

from counterpart.audit.services import provenance_record
from counterpart.demo import (
    decade,
    design,
    field,
    imports,
    open_data,
    places,
    programme,
    projects,
    reporting,
    talent,
    today,
)


class DemoLoader:
    def __init__(
        self,
        *,
        actor,
        step: Callable[[str], None] = lambda _label: None,
        generated_professionals: int = 1500,
    ):
        self.actor = actor
        self.step = step
        self.generated_professionals = generated_professionals
        self.created = 0

    def load(self) -> int:
        for label, load in STEPS:
            self.step(label)
            with transaction.atomic():
                load(self)
        return self.created

    def mark(self, objects, source: str) -> None:
        """Count newly created records and say where their facts come from."""
        objects = [obj for obj in (objects if isinstance(objects, list) else [objects]) if obj]
        self.created += len(objects)
        for model in {type(obj) for obj in objects}:
            same = [obj for obj in objects if type(obj) is model]
            provenance_record(actor=self.actor, objects=same, source=source)


STEPS = [
    ("reference data, regions and organizations", places.load_places),
    ("users", places.load_users),
    ("rounds, pairings and quotas", programme.load_programme),
    ("exchange rates and rules", programme.load_rates_and_rules),
    ("a pairing design scenario of the 2010 round", design.load_design),
    ("projects, money and results", projects.load_projects),
    ("a decade of every pairing, in yearly totals", decade.load_decade),
    ("people who serve", talent.load_seed_people),
    ("a generated round of posts and professionals", talent.load_generated_round),
    ("the programme today: projects, figures due, people serving", today.load_today),
    ("remote care", field.load_care),
    ("exchanges and pen pals", field.load_exchanges),
    ("enterprise and markets", field.load_enterprise),
    ("reporting rules and what waits for review", reporting.load_reporting),
    ("a ledger file imported, another refused", imports.load_imports),
    ("open data: IATI identifiers and the published files", open_data.load_open_data),
]
