"""The ledger at a million entries: recording through the bulk service, and the dashboard's figures.

    python benchmarks/ledger.py --db sqlite             # a fresh file in var/bench/
    python benchmarks/ledger.py --db postgresql         # DATABASE_URL names an empty database

It loads the demo programme (places, the 54 pairings of 2010, rates and rules), adds PROJECTS
projects with one to three sectors each, then records TRANSACTIONS entries through
`transactions_record_bulk` in imports of BATCH entries (each import checked, converted,
totalled and audited, as a donor team's import is). Then it times the dashboard's figures
(`portal.dashboard.dashboard_tables`) for each combination of its filters, RUNS times each,
as the programme office and as a donor team. Times are printed, never asserted.
"""

import argparse
import random
import statistics
import time
from datetime import date, timedelta
from itertools import product

from common import configure, machine, open_the_round


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--transactions", type=int, default=1_000_000)
    parser.add_argument("--projects", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2010)
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    configure(args.db, "ledger")
    from django.core.management import call_command
    from django.db import connection
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    console = Console(stderr=True, width=110)
    console.print(f"machine: {machine()}; database: {connection.vendor}")
    call_command("migrate", verbosity=0)
    from counterpart.accounts.services import system_actor
    from counterpart.demo.load import DemoLoader

    actor = system_actor()
    DemoLoader(actor=actor).load()
    open_the_round(actor)
    rng = random.Random(args.seed)
    projects = make_projects(rng, args.projects)
    console.print(f"{len(projects)} projects over {len({p.pairing_id for p in projects})} pairings")

    columns = (BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    recorded, seconds = 0, 0.0
    with Progress(*Progress.get_default_columns()[:1], *columns, console=console) as progress:
        task = progress.add_task("recording", total=args.transactions)
        for batch in entry_batches(rng, projects, args.transactions, args.batch):
            started = time.perf_counter()
            recorded += record(actor, batch)
            seconds += time.perf_counter() - started
            progress.update(task, advance=len(batch))
    record_per_s = recorded / seconds
    console.print(f"recorded {recorded} entries in {seconds:.1f} s: {record_per_s:,.0f} per second")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    raw_per_s = raw_insert_rate(connection)
    console.print(f"raw insert of the same rows: {raw_per_s:,.0f} per second")

    p95 = time_dashboard(console, args.runs)
    plain_p95 = time_group_by(connection, args.runs)
    console.print(f"a plain GROUP BY over the ledger table: p95 {plain_p95:.1f} ms")
    print(
        f"ledger: transactions={recorded} db={connection.vendor} "
        f"record_per_s={record_per_s:.0f} raw_insert_per_s={raw_per_s:.0f} "
        f"record_ratio={record_per_s / raw_per_s:.2f} dashboard_p95_ms={p95:.1f} "
        f"group_by_p95_ms={plain_p95:.1f} dashboard_ratio={plain_p95 / p95:.2f}"
    )


def raw_insert_rate(connection) -> float:
    """The baseline for recording: the recorded rows, as they are, inserted into a scratch
    table of the same columns (no index, no check, no totals): COPY on PostgreSQL,
    executemany on SQLite."""
    from django.db import transaction

    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM funding_transaction")
        columns = [c[0] for c in cursor.description]
        rows = cursor.fetchall()
    names = ", ".join(columns)
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_ledger_raw")
        cursor.execute(
            "CREATE TABLE bench_ledger_raw AS SELECT * FROM funding_transaction WHERE 1 = 0"
        )
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY bench_ledger_raw ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" * len(columns))
            cursor.connection.executemany(
                f"INSERT INTO bench_ledger_raw ({names}) VALUES ({marks})", rows
            )
    return len(rows) / (time.perf_counter() - started)


def time_group_by(connection, runs: int) -> float:
    """The baseline for the dashboard: one plain GROUP BY over the ledger table itself."""
    year = (
        "EXTRACT(YEAR FROM value_date)"
        if connection.vendor == "postgresql"
        else "strftime('%Y', value_date)"
    )
    times = []
    with connection.cursor() as cursor:
        for _ in range(runs):
            started = time.perf_counter()
            cursor.execute(
                f"SELECT donor_id, kind, {year}, SUM(base_amount_minor) "
                f"FROM funding_transaction GROUP BY donor_id, kind, {year}"
            )
            cursor.fetchall()
            times.append((time.perf_counter() - started) * 1000)
    return statistics.quantiles(times, n=20, method="inclusive")[18]


def make_projects(rng: random.Random, count: int) -> list:
    """Projects spread over the round's pairings, each in a place of its pairing's recipient."""
    from counterpart.pairings.models import Pairing
    from counterpart.places.models import Region
    from counterpart.projects.choices import Category
    from counterpart.projects.models import Project, ProjectSector, Sector

    pairings = [
        p
        for p in Pairing.objects.filter(parent__isnull=True, valid_from__lte=FIRST_DAY)
        if p.valid_to is None or p.valid_to >= LAST_DAY
    ]
    regions = list(Region.objects.all())
    places = {
        p.pk: [r for r in regions if r.is_within(p.recipient)] or [p.recipient] for p in pairings
    }
    by_category = {}
    for sector in Sector.objects.all():
        by_category.setdefault(sector.category, []).append(sector.code)
    categories = list(Category.values)
    made = [
        Project(
            pairing=pairing,
            code=f"bench-{number:05d}",
            title_en=f"Benchmark project {number}",
            region=rng.choice(places[pairing.pk]),
            budget_minor=rng.randrange(10**8, 10**10),
            is_published=rng.random() < 0.8,
        )
        for number in range(count)
        for pairing in [rng.choice(pairings)]
    ]
    made = Project.objects.bulk_create(made, batch_size=2000)
    splits = []
    for project in made:
        shares = rng.choice([[100], [70, 30], [50, 30, 20]])
        chosen = rng.sample(categories, len(shares))
        for category, share in zip(chosen, shares, strict=True):
            sector = rng.choice(by_category[category])
            splits.append(ProjectSector(project=project, sector_id=sector, percentage=share))
    ProjectSector.objects.bulk_create(splits, batch_size=2000)
    return made


KIND_WEIGHTS = {"2": 30, "3": 40, "4": 25, "12": 5}  # commitment, disbursement, expenditure, pledge
FIRST_DAY, LAST_DAY = date(2017, 1, 1), date(2025, 12, 31)


def entry_batches(rng: random.Random, projects: list, total: int, size: int):
    """Imports of `size` entries as a donor team makes them: one donor's projects, a few entries
    each, dated in the period the import covers; disbursements stay within what the project has
    committed (so none needs a reason). Imports find the balances of the imports before them."""
    from counterpart.funding.services import Entry

    by_donor: dict[int, list] = {}
    for project in projects:
        by_donor.setdefault(project.pairing.donor_id, []).append(project)
    quota = {p.pk: total // len(projects) for p in projects}
    for project in projects[: total - sum(quota.values())]:
        quota[project.pk] += 1
    state = {p.pk: [0, 0] for p in projects}  # committed, disbursed (CNY fen)
    kinds, weights = zip(*KIND_WEIGHTS.items(), strict=True)
    span, rounds = (LAST_DAY - FIRST_DAY).days, max(1, total // size)
    index, left = 0, total
    donors = sorted(by_donor)
    while left:
        donor = donors[index % len(donors)]
        index += 1
        open_projects = [p for p in by_donor[donor] if quota[p.pk]]
        batch = []
        while open_projects and len(batch) < size:
            for project in open_projects:
                if len(batch) == size or not quota[project.pk]:
                    continue
                quota[project.pk] -= 1
                window = FIRST_DAY + timedelta(days=span * min(index, rounds) // rounds)
                day = min(window + timedelta(days=rng.randrange(30)), LAST_DAY)
                batch.append(entry(rng, project, rng.choices(kinds, weights)[0], day, state, Entry))
            open_projects = [p for p in open_projects if quota[p.pk]]
        if batch:
            left -= len(batch)
            yield batch


def entry(rng, project, kind, day, state, Entry):
    committed, disbursed = state[project.pk]
    currency = "USD" if rng.random() < 0.1 else "CNY"
    amount = rng.randrange(10**5, 10**9)
    if kind == "3":
        room = committed - disbursed
        if room < 10**6:
            kind = "2"  # nothing left to disburse: commit instead
        else:
            currency, amount = "CNY", rng.randrange(room // 4, room // 2)
    if kind == "2":
        state[project.pk][0] += amount if currency == "CNY" else 0  # USD counted conservatively
    elif kind == "3":
        state[project.pk][1] += amount
    return Entry(
        kind=kind,
        pairing=project.pairing,
        project=project,
        amount_minor=amount,
        currency=currency,
        value_date=day,
    )


def record(actor, batch) -> int:
    from counterpart.funding.services import transactions_record_bulk

    return transactions_record_bulk(actor=actor, entries=batch, source="benchmark")


def time_dashboard(console, runs: int) -> float:
    """p50 and p95 of the dashboard's figures for each filter combination; returns the worst p95."""
    from counterpart.accounts.choices import Role
    from counterpart.accounts.models import Membership
    from counterpart.accounts.services import system_actor
    from counterpart.funding.selectors import Filters, display_in
    from counterpart.pairings.models import PairingRound as Round
    from counterpart.places.choices import RegionLevel
    from counterpart.places.models import Region
    from counterpart.portal.dashboard import dashboard_tables

    office = system_actor()
    team = Membership.objects.filter(role=Role.DONOR_TEAM).select_related("user", "organization")
    team = team.first()
    round_ = Round.objects.order_by("year").first()
    area = Region.objects.filter(
        level=RegionLevel.PREFECTURE, name_en__startswith="Kashgar"
    ).first()
    display = display_in("CNY", date(2025, 12, 31))
    worst = 0.0
    for actor, donor in [(office, None), (team.user, team.organization)]:
        who = "office" if actor is office else f"donor team ({team.organization})"
        for use_round, use_donor, use_area, use_year in product([False, True], repeat=4):
            filters = Filters(
                round=round_ if use_round else None,
                donor=(donor or team.organization) if use_donor else None,
                area=area if use_area else None,
                year=2023 if use_year else None,
            )
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                dashboard_tables(actor=actor, filters=filters, display=display)
                times.append((time.perf_counter() - started) * 1000)
            p50 = statistics.median(times)
            p95 = statistics.quantiles(times, n=20, method="inclusive")[18]
            worst = max(worst, p95)
            label = ",".join(
                name
                for name, used in zip(
                    ("round", "donor", "area", "year"),
                    (use_round, use_donor, use_area, use_year),
                    strict=True,
                )
                if used
            )
            console.print(f"  {who:40} {label or '(none)':24} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms")
    return worst


if __name__ == "__main__":
    main()
