"""The reference data the product ships: currencies and the DAC 5-digit sectors.

Loaded by a migration, and again by the demo loader (a flushed test database loses it).
Takes the model classes so that the migration can pass its historical ones.
"""

import csv
from pathlib import Path

CURRENCIES = [
    ("CNY", "Chinese yuan", "人民币", 2),
    ("USD", "US dollar", "美元", 2),
    ("EUR", "Euro", "欧元", 2),
    ("HKD", "Hong Kong dollar", "港元", 2),
    ("GBP", "Pound sterling", "英镑", 2),
    ("JPY", "Japanese yen", "日元", 0),
]
SECTORS = Path(__file__).resolve().parent / "data" / "sectors.csv"


def reference_data_load(currency_model, sector_model) -> None:
    for code, name_en, name_zh, digits in CURRENCIES:
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
