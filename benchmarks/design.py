"""Pairing design (engine/design.py) on the 2010 round's shape and at national scale, each beside
the greedy baseline (largest recipient first to the donor it leaves least loaded) in the same run.

    python benchmarks/design.py [--national-limit 120]

The 2010 round: its 19 donors and Xinjiang's 89 county-level places outside Urumqi and Karamay
(by their GB/T 2260 codes, places/data/centres.csv), grouped by prefecture; a prefecture's 2010
census population (demo/facts/population.csv) split evenly over its counties and the donors'
capacities are *illustrative*; the pairings in force are the demo's (demo/facts/pairings.csv);
a donor's recipients span at most 2 prefectures. National scale: 300 donors, 3,000 recipients
in 300 groups, at most 3 groups per donor, random capacities and populations (seeded), solved
within the time limit. Times are printed, never asserted.
"""

import argparse
import csv
import platform
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from counterpart.engine.design import (  # noqa: E402
    Donor,
    Problem,
    Recipient,
    greedy,
    objective,
    solve,
)

DONORS_2010 = [  # the 2010 round's donors (public fact), by the demo's codes
    "beijing", "tianjin", "hebei", "shanxi", "liaoning", "jilin", "heilongjiang", "shanghai",
    "jiangsu", "zhejiang", "anhui", "fujian", "jiangxi", "shandong", "henan", "hubei", "hunan",
    "guangdong", "shenzhen",
]  # fmt: skip
FACTS = ROOT / "counterpart" / "demo" / "facts"
CENTRES = ROOT / "counterpart" / "places" / "data" / "centres.csv"


def round_2010(seed: int) -> Problem:
    rng = random.Random(seed)
    with open(CENTRES, encoding="utf-8") as file:
        codes = [
            row["code"]
            for row in csv.DictReader(file)
            if row["code"].startswith("65")
            and not row["code"].endswith("00")
            and row["code"][:4] not in ("6501", "6502")  # Urumqi and Karamay assist no one
        ]
    with open(FACTS / "population.csv", encoding="utf-8") as file:
        census = {
            row["code"][:4]: int(row["people"])
            for row in csv.DictReader(file)
            if row["year"] == "2010" and row["code"].endswith("00") and row["code"] != "650000"
        }
    counties = defaultdict(list)
    for code in codes:
        counties[code[:4]].append(code)
    average = sum(census.values()) / sum(len(c) for c in counties.values())
    recipients = [
        Recipient(
            code,
            population=int(census.get(code[:4], average * len(in_group)) / len(in_group)),
            group=code[:4],
        )
        for group, in_group in counties.items()
        for code in in_group
    ]
    donors = [Donor(ref, capacity=rng.uniform(1.0, 8.0) * 1e9) for ref in DONORS_2010]
    with open(FACTS / "pairings.csv", encoding="utf-8") as file:
        current = {
            row["recipient"]: row["donor"]
            for row in csv.DictReader(file)
            if row["donor"] in DONORS_2010 and row["recipient"] in set(codes)
        }
    return Problem(donors, recipients, max_groups_per_donor=2, current=current)


def national(seed: int) -> Problem:
    rng = random.Random(seed)
    donors = [Donor(f"d{i}", capacity=rng.uniform(0.5, 10.0) * 1e9) for i in range(300)]
    recipients = [
        Recipient(f"r{j}", population=rng.randint(20_000, 1_500_000), group=f"g{j % 300}")
        for j in range(3000)
    ]
    current = {r.ref: donors[(j // 10) % 300].ref for j, r in enumerate(recipients)}
    return Problem(donors, recipients, max_groups_per_donor=3, current=current)


def run(name: str, problem: Problem, limit: float) -> tuple[float, bool, float, float]:
    started = time.monotonic()
    start = greedy(problem)
    greedy_seconds = time.monotonic() - started
    design = solve(problem, time_limit=limit)
    versus = design.objective / objective(problem, start) if start else float("nan")
    print(
        f"{name}: {len(problem.donors)} donors, {len(problem.recipients)} recipients; "
        f"solved in {design.seconds:.1f} s, proven optimal {design.proven_optimal}, "
        f"gap {design.gap:.4%}, {design.changes} changes; largest load {design.objective:.4g} "
        f"against greedy's {objective(problem, start) if start else float('nan'):.4g} "
        f"({greedy_seconds:.2f} s): ratio {versus:.4f}"
    )
    return design.seconds, design.proven_optimal, design.gap, versus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--national-limit", type=float, default=120.0)
    parser.add_argument("--seed", type=int, default=2010)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    r_seconds, r_optimal, _gap, r_versus = run("2010 round", round_2010(args.seed), 60.0)
    n_seconds, _optimal, n_gap, n_versus = run("national", national(args.seed), args.national_limit)
    print(
        f"design: r2010_s={r_seconds:.1f} r2010_optimal={r_optimal} "
        f"r2010_vs_greedy={r_versus:.4f} national_s={n_seconds:.1f} national_gap={n_gap:.4f} "
        f"national_vs_greedy={n_versus:.4f}"
    )


if __name__ == "__main__":
    main()
