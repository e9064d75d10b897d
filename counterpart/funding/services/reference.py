"""The reference data the product ships: the currencies of `engine.money.CURRENCIES` and the
DAC 5-digit sectors of `projects/data/sectors.csv`. A migration loads them first; the demo
loader puts them back where a database has lost them (a flushed test database)."""

import csv
from pathlib import Path

from counterpart.core.service import bookkeeping, service
from counterpart.engine.money import CURRENCIES
from counterpart.funding.models import Currency
from counterpart.projects.models import Sector

SECTORS = Path(__file__).resolve().parents[2] / "projects" / "data" / "sectors.csv"


@bookkeeping(why="the code lists the product ships, loaded by its migrations")
def reference_data_load(currency_model, sector_model) -> None:
    """Load them into these models (the migration passes its historical ones)."""
    for code, (name_en, name_zh, digits) in CURRENCIES.items():
        currency_model.objects.update_or_create(
            code=code, defaults={"name_en": name_en, "name_zh": name_zh, "minor_digits": digits}
        )
    with SECTORS.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    sector_model.objects.bulk_create(
        [sector_model(**row) for row in rows],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name_en", "name_zh", "category"],
    )


@service(no_actor="the command line puts back the code lists the product ships")
def reference_data_restore() -> None:
    """The code lists as the product ships them. Reference data, not anyone's record: it
    changes only when the product does, so it writes no audit event."""
    reference_data_load(Currency, Sector)
