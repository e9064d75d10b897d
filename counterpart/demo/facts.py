"""Reading the demo's facts: CSV and JSON files in `facts/`, each record with its `source`."""

import csv
import datetime
import json
from functools import cache
from pathlib import Path

from django.utils import timezone

from counterpart.engine.money import parse_major

FOLDER = Path(__file__).resolve().parent / "facts"
SEED_000 = "seed 000"  # Xinhua, 20 July 2021: "China pools resources to help Xinjiang …"
SEED_004 = "seed 004"  # "Unparalleled 'pairing assistance' program changes people's life …"


def rows(name: str) -> list[dict[str, str]]:
    with (FOLDER / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@cache
def document(name: str) -> dict | list:
    with (FOLDER / name).open(encoding="utf-8") as handle:
        return json.load(handle)


def day(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def moment(text: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


def yuan(text: str) -> int:
    """An amount in yuan as the ledger's fen."""
    return parse_major(text, "CNY")
