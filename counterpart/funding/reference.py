"""The reference data the product ships: the currencies of `engine.money.CURRENCIES` and the
DAC 5-digit sectors of `projects/data/sectors.csv`.

Loaded by a migration, and again by the demo loader (a flushed test database loses it).
Takes the model classes so that the migration can pass its historical ones.
"""

import csv
from pathlib import Path

from counterpart.engine.money import CURRENCIES

SECTORS = Path(__file__).resolve().parent.parent / "projects" / "data" / "sectors.csv"


def reference_data_load(currency_model, sector_model) -> None:
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
