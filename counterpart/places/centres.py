"""Where a place is on a map: the seat of its government, for China's provinces, prefectures and
counties by their GB/T 2260 codes (data/centres.csv, made by scripts/centres_from_cpca.py from
the cpca package's district list, MIT licence; AMap's seats, to five decimals). A place not
listed has no point until one is given: never a guessed one."""

import csv
from decimal import Decimal
from functools import cache
from pathlib import Path

CENTRES = Path(__file__).resolve().parent / "data" / "centres.csv"
SOURCE = "cpca 0.5.5 adcodes.csv (AMap district seats), MIT licence"


@cache
def _centres() -> dict[str, tuple[Decimal, Decimal]]:
    with open(CENTRES, encoding="utf-8") as file:
        return {
            row["code"]: (Decimal(row["latitude"]), Decimal(row["longitude"]))
            for row in csv.DictReader(file)
        }


def centre_of(code: str) -> tuple[Decimal, Decimal] | None:
    """(latitude, longitude) of the place with this GB/T 2260 code, if listed."""
    return _centres().get(code)


def counties_in(code: str) -> int:
    """How many county-level places GB/T 2260 lists under the prefecture with this code (its
    districts, county-level cities and counties); 0 for a code that is not a listed
    prefecture's."""
    if len(code) != 6 or not code.isdigit() or not code.endswith("00") or code.endswith("0000"):
        return 0
    return sum(1 for listed in _centres() if listed[:4] == code[:4] and listed != code)
