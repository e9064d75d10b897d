"""The currencies the programme uses and the DAC 5-digit sectors, from the data the product ships."""

import csv
from pathlib import Path

from django.db import migrations

CURRENCIES = [
    ("CNY", "Chinese yuan", "人民币", 2),
    ("USD", "US dollar", "美元", 2),
    ("EUR", "Euro", "欧元", 2),
    ("HKD", "Hong Kong dollar", "港元", 2),
    ("GBP", "Pound sterling", "英镑", 2),
    ("JPY", "Japanese yen", "日元", 0),
]
SECTORS = Path(__file__).resolve().parent.parent / "data" / "sectors.csv"


def load(apps, schema_editor):
    Currency = apps.get_model("funding", "Currency")
    Sector = apps.get_model("funding", "Sector")
    for code, name_en, name_zh, digits in CURRENCIES:
        Currency.objects.update_or_create(
            code=code, defaults={"name_en": name_en, "name_zh": name_zh, "minor_digits": digits}
        )
    with SECTORS.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    Sector.objects.bulk_create(
        [Sector(**row) for row in rows],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name_en", "name_zh", "category"],
    )


class Migration(migrations.Migration):
    dependencies = [("funding", "0002_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
