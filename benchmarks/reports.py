"""The office's own questions at scale: the search box over a programme of national size.

    python benchmarks/reports.py --db sqlite             # a fresh file in var/bench/
    python benchmarks/reports.py --db postgresql         # DATABASE_URL names an empty database

It loads the demo programme, adds PROJECTS projects (as `bench-ledger` does) and PEOPLE
professionals, writes their search entries (`search_entries_fill`, as after any bulk insert),
then asks 20 questions in Chinese, pinyin, English and codes, as the office, a donor team and a
recipient team, RUNS times each: the search box (`search.selectors.search`: every kind, counted,
the first five of each) beside the same words asked of each list the way the lists search
(`ListFilter`: every word `icontains` in the list's fields, counted, the first five), the
baseline. Times are printed, never asserted; the last line sums them up.
"""

import argparse
import random
import statistics
import time

from common import configure, machine, open_the_round
from ledger import make_projects

QUESTIONS = [
    "喀什", "和田", "昆玉", "人民医院", "阿克苏", "学校", "kashi", "hetian", "kunyu", "akesu",
    "renminyiyuan", "ks", "653101", "6532", "12230", "bench-04242", "hospital", "Hotan county",
    "Benchmark project 1234", "wang",
]  # fmt: skip
READERS = ["office", "beijing", "hotan"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--projects", type=int, default=20_000)
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2010)
    return parser.parse_args()


def make_people(rng: random.Random, count: int) -> None:
    """Professionals of the donors' hospitals and schools, with pinyin names (in bulk)."""
    from counterpart.core.choices import Specialty
    from counterpart.places.models import Organization
    from counterpart.talent.choices import ProfessionalKind
    from counterpart.talent.models import Professional

    senders = list(
        Organization.objects.filter(kind__in=["hospital", "school", "province", "municipality"])
    )
    surnames = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu"]
    given = ["Wei", "Fang", "Min", "Jing", "Lei", "Yan", "Tao", "Hui", "Ping", "Jun", "Xia"]
    Professional.objects.bulk_create(
        Professional(
            organization=rng.choice(senders),
            name=f"{rng.choice(surnames)} {rng.choice(given)}{rng.choice(given).lower()}",
            kind=rng.choice(ProfessionalKind.values),
            specialty=rng.choice(Specialty.values),
            seniority=rng.randint(1, 4),
            available_from="2030-01-01",
            term_months=12,
        )
        for _ in range(count)
    )


def baseline(actor, question: str) -> int:
    """The question asked of each list as the lists search: counted, the first five read."""
    from django.test import RequestFactory

    from counterpart.pairings import selectors as pairings
    from counterpart.places import selectors as places
    from counterpart.places.filters import OrganizationFilter, RegionFilter
    from counterpart.projects import selectors as projects
    from counterpart.projects.filters import ProjectFilter
    from counterpart.talent import selectors as talent
    from counterpart.talent.filters import PostFilter, ProfessionalFilter

    request = RequestFactory().get("/", {"q": question})
    request.user = actor
    lists = [
        (projects.project_list(actor=actor), ProjectFilter),
        (places.organization_list(actor=actor), OrganizationFilter),
        (places.region_list(actor=actor), RegionFilter),
        (talent.post_list(actor=actor), PostFilter),
        (talent.professional_list(actor=actor), ProfessionalFilter),
    ]
    found = 0
    for rows, filter_class in lists:
        rows = filter_class(request.GET, queryset=rows, request=request).qs
        found += rows.count()
        list(rows[:5])
    found += (
        pairings.pairing_list(actor=actor).filter(recipient__name_zh__icontains=question).count()
    )
    return found


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20, method="inclusive")[18]


def main() -> None:
    args = parse_args()
    configure(args.db, "reports")
    from django.core.management import call_command
    from django.db import connection
    from rich.console import Console

    console = Console(stderr=True, width=110)
    console.print(f"machine: {machine()}; database: {connection.vendor}")
    call_command("migrate", verbosity=0)
    from counterpart.accounts import selectors as accounts
    from counterpart.accounts.services import system_actor
    from counterpart.demo.load import DemoLoader
    from counterpart.search import selectors as search
    from counterpart.search.models import Entry
    from counterpart.search.services import search_entries_fill

    office = system_actor()
    DemoLoader(actor=office).load()
    open_the_round(office)
    rng = random.Random(args.seed)
    make_projects(rng, args.projects)
    make_people(rng, args.people)
    started = time.perf_counter()
    search_entries_fill()
    console.print(
        f"{Entry.objects.count():,} search entries written in {time.perf_counter() - started:.1f} s"
    )
    readers = [accounts.user_by_username(actor=office, username=name) for name in READERS]
    for reader in readers:  # once, unmeasured: the first query of each kind warms the caches
        search.search(actor=reader, query=QUESTIONS[0])
        baseline(reader, QUESTIONS[0])
    searched, listed = [], []
    for _ in range(args.runs):
        for reader in readers:
            for question in QUESTIONS:
                started = time.perf_counter()
                search.search(actor=reader, query=question)
                searched.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                baseline(reader, question)
                listed.append((time.perf_counter() - started) * 1000)
    console.print(
        f"search box: p50 {statistics.median(searched):.1f} ms, p95 {p95(searched):.1f} ms; "
        f"the lists' search (baseline): p50 {statistics.median(listed):.1f} ms, "
        f"p95 {p95(listed):.1f} ms ({len(searched)} questions each)"
    )
    print(
        f"reports: db={connection.vendor} searches={len(QUESTIONS)} "
        f"search_p95_ms={p95(searched):.1f} lists_search_p95_ms={p95(listed):.1f}"
    )


if __name__ == "__main__":
    main()
