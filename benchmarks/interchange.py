"""Interchange at scale, as a donor team through the import page's path, with a baseline from the
same run on the same machine beside each figure:

- a CSV ledger file of ROWS rows (default 1,000,000): received, checked (every cell read, every
  row through the ledger's rules, the shares previewed, all rolled back), then imported (the
  same, kept, audited). Baseline: the same rows read and inserted raw into a scratch table, no
  validation (COPY on PostgreSQL, executemany on SQLite);
- an XLSX file of XLSX_ROWS rows (default 100,000), the same way; baseline the same, read with
  calamine;
- a realistic CSV ledger file of the same ROWS, as an office keeps it (Chinese headers, a title
  and a note above them, amounts in 万元, three ways of writing a date, a subtotal row every
  5,000 rows and a total at the end, every pairing and project of the donor), imported through
  `counterpart import` in a child process, checked (--dry-run) then imported, into the round
  with its review on (two levels: every entry opens a review, its approvers are told once).
  Baseline: the synthetic file's rate above; the peak memory is the child's maximum resident size;
- the IATI export of the projects those entries belong to (ACTIVITIES, default 20,000, with the
  million transactions), in a child process whose peak memory is its maximum resident size.
  Baseline: lxml writing the same elements from memory, without the database.

    python benchmarks/interchange.py --db sqlite
    python benchmarks/interchange.py --db postgresql     # DATABASE_URL names an empty database

Times are printed, never asserted. The last line sums it up.
"""

import argparse
import csv
import io
import os
import random
import subprocess
import sys
import time
from datetime import date, timedelta

from common import ROOT, configure, machine, open_the_round

WELLBEING_SECTORS = ["12230", "11220", "16020", "14030", "21020", "16030"]
FIRST_DAY, LAST_DAY = date(2017, 1, 1), date(2025, 12, 31)
HEADER = [
    "reference",
    "kind",
    "value_date",
    "donor",
    "recipient",
    "project",
    "currency",
    "amount",
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=100_000)
    parser.add_argument("--activities", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=2010)
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    configure(args.db, "interchange")
    from django.core.management import call_command
    from django.db import connection
    from rich.console import Console

    console = Console(stderr=True, width=110)
    console.print(f"machine: {machine()}; database: {connection.vendor}")
    call_command("migrate", verbosity=0)
    from counterpart.accounts import selectors as accounts
    from counterpart.accounts.services import system_actor
    from counterpart.demo.load import DemoLoader

    DemoLoader(actor=system_actor(), generated_professionals=0).load()
    open_the_round(system_actor())
    team = accounts.user_by_username(actor=system_actor(), username="beijing")
    rng = random.Random(args.seed)
    projects = make_projects(rng, args.activities)
    console.print(f"{len(projects)} published projects of Beijing's pairings")

    csv_data = ledger_csv(rng, projects, args.rows, prefix="C")
    raw_csv = raw_insert(csv_rows(csv_data), connection)
    csv_s = import_file(console, team, "ledger.csv", csv_data, args.rows)
    console.print(f"csv: {args.rows} rows in {csv_s:.1f} s; raw insert {raw_csv:.1f} s")

    real = ROOT / "var" / "bench" / "ledger-office.csv"
    real.parent.mkdir(parents=True, exist_ok=True)  # PostgreSQL's run may come first
    real.write_bytes(office_csv(rng, projects, args.rows))
    open_the_round(system_actor(), reviewed=True)
    real_runs = [import_command(console, real, dry_run) for dry_run in (True, False)]
    for (seconds, peak, gap), step in zip(real_runs, ("checked", "imported"), strict=True):
        console.print(
            f"csv as offices keep it: {args.rows} rows {step} in {seconds:.1f} s, "
            f"peak {peak:.0f} MiB, longest wait between progress rows {gap:.1f} s"
        )
    open_the_round(system_actor())

    xlsx_data = ledger_xlsx(rng, projects, args.xlsx_rows)
    raw_xlsx = raw_insert(xlsx_rows(xlsx_data), connection)
    xlsx_s = import_file(console, team, "ledger.xlsx", xlsx_data, args.xlsx_rows)
    console.print(f"xlsx: {args.xlsx_rows} rows in {xlsx_s:.1f} s; raw insert {raw_xlsx:.1f} s")

    analyze(connection)
    iati_s, peak_mib, activities, transactions = iati_export(console)
    base_s = lxml_baseline(activities, transactions)
    console.print(
        f"iati: {activities} activities, {transactions} transactions in {iati_s:.1f} s, "
        f"peak {peak_mib:.0f} MiB; lxml from memory {base_s:.1f} s"
    )
    csv_rate, xlsx_rate = args.rows / csv_s, args.xlsx_rows / xlsx_s
    real_rate = args.rows / max(seconds for seconds, _peak, _gap in real_runs)
    real_peak = max(peak for _seconds, peak, _gap in real_runs)
    real_gap = max(gap for _seconds, _peak, gap in real_runs)
    print(
        f"interchange: db={connection.vendor} csv_rows={args.rows} "
        f"csv_rows_per_s={csv_rate:.0f} csv_raw_rows_per_s={args.rows / raw_csv:.0f} "
        f"csv_ratio={raw_csv / csv_s:.2f} xlsx_rows={args.xlsx_rows} "
        f"xlsx_rows_per_s={xlsx_rate:.0f} xlsx_raw_rows_per_s={args.xlsx_rows / raw_xlsx:.0f} "
        f"xlsx_ratio={raw_xlsx / xlsx_s:.2f} iati_activities={activities} "
        f"iati_export_s={iati_s:.1f} iati_lxml_s={base_s:.1f} iati_ratio={base_s / iati_s:.2f} "
        f"iati_peak_mib={peak_mib:.0f} csv_real_rows_per_s={real_rate:.0f} "
        f"csv_real_ratio={real_rate / csv_rate:.2f} csv_real_peak_mib={real_peak:.0f} "
        f"csv_real_progress_gap_s={real_gap:.1f}"
    )


# -- data ---------------------------------------------------------------------------------------


def make_projects(rng, count: int) -> list:
    """Published, dated projects of Beijing's pairings, each with a sector split, made in bulk
    (projects are not what this benchmark times)."""
    from counterpart.pairings.models import Pairing
    from counterpart.projects.models import Project, ProjectBudget, ProjectSector

    pairings = list(
        Pairing.objects.filter(donor__code="beijing", parent__isnull=True, is_published=True)
    )
    made = Project.objects.bulk_create(
        [
            Project(
                pairing=pairing,
                code=f"bench-{number:05d}",
                title_en=f"Benchmark project {number}",
                title_zh=f"基准项目{number}",
                region=pairing.recipient,
                planned_start=FIRST_DAY,
                budget_minor=10**9,
                is_published=True,
                status="2",
            )
            for number in range(count)
            for pairing in [rng.choice(pairings)]
        ],
        batch_size=2000,
    )
    ProjectSector.objects.bulk_create(
        [
            ProjectSector(project=p, sector_id=rng.choice(WELLBEING_SECTORS), percentage=100)
            for p in made
        ],
        batch_size=2000,
    )
    ProjectBudget.objects.bulk_create(
        [ProjectBudget(project=p, year=2024, amount_minor=10**9) for p in made], batch_size=2000
    )
    for project in made:
        project.pairing = next(p for p in pairings if p.pk == project.pairing_id)
    return made


def ledger_rows(rng, projects, count: int, prefix: str):
    """Commitments and expenditure (no disbursement: those need a commitment before them or a
    reason), amounts written as an office writes them: plain, with thousands separators, in 万."""
    span = (LAST_DAY - FIRST_DAY).days
    for number in range(count):
        project = projects[number % len(projects)]
        day = FIRST_DAY + timedelta(days=rng.randrange(span))
        amount = rng.randrange(1, 5000)
        written = rng.choice([f"{amount}万", f"{amount * 10000:,}", f"{amount}.5"])
        yield [
            f"{prefix}{number:07d}",
            "2" if rng.random() < 0.6 else "4",
            day.isoformat(),
            "beijing",
            project.pairing.recipient.code,
            project.code,
            "CNY",
            written,
        ]


OFFICE_HEADER = [
    "凭证号",
    "类型",
    "起息日",
    "支援方",
    "受援地",
    "项目",
    "币种",
    "金额（万元）",
    "说明",
]
OFFICE_KINDS = {"2": ["2", "承诺", "2 Outgoing commitment"], "4": ["4", "支出"]}


def office_csv(rng, projects, count: int) -> bytes:
    """The ledger as an office keeps it in Excel and saves as "CSV UTF-8": a title and a note
    above the header, amounts in 万元, dates written three ways, subtotals and a total."""
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(["北京市对口支援资金台账（示意数据）"] + [""] * 8)
    writer.writerow(
        ["填报单位：北京市对口支援办公室", "", "", "", "", "", "", "金额单位：万元", ""]
    )
    writer.writerow(OFFICE_HEADER)
    span = (LAST_DAY - FIRST_DAY).days
    subtotal = total = 0
    for number in range(count):
        project = projects[rng.randrange(len(projects))]
        day = FIRST_DAY + timedelta(days=rng.randrange(span))
        written_day = rng.choice(
            [
                day.isoformat(),
                f"{day.year}/{day.month}/{day.day}",
                f"{day.year}年{day.month}月{day.day}日",
            ]
        )
        kind = "2" if rng.random() < 0.6 else "4"
        tenths = rng.randrange(1, 50_000)
        subtotal += tenths
        writer.writerow(
            [
                f"BJ-{number:07d}",
                rng.choice(OFFICE_KINDS[kind]),
                written_day,
                "beijing",
                project.pairing.recipient.code,
                project.code,
                "CNY",
                f"{tenths // 10}.{tenths % 10}",
                f"第{number % 7 + 1}期",
            ]
        )
        if number % 5000 == 4999 or number == count - 1:
            writer.writerow(["小计", "", "", "", "", "", "", f"{subtotal / 10:.1f}", ""])
            total, subtotal = total + subtotal, 0
    writer.writerow(["合计", "", "", "", "", "", "", f"{total / 10:.1f}", ""])
    return ("\ufeff" + output.getvalue()).encode()


def ledger_csv(rng, projects, count: int, prefix: str) -> bytes:
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(HEADER)
    writer.writerows(ledger_rows(rng, projects, count, prefix))
    return output.getvalue().encode()


def ledger_xlsx(rng, projects, count: int) -> bytes:
    from openpyxl import Workbook
    from openpyxl.writer.excel import save_workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("ledger")
    sheet.append(HEADER)
    for row in ledger_rows(rng, projects, count, prefix="X"):
        sheet.append(row)
    output = io.BytesIO()
    save_workbook(book, output)
    return output.getvalue()


def csv_rows(data: bytes):
    reader = csv.reader(io.StringIO(data.decode()))
    next(reader)
    return reader


def xlsx_rows(data: bytes):
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).iter_rows()
    next(rows)
    return ([str(cell) for cell in row] for row in rows)


def analyze(connection) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


# -- timing -------------------------------------------------------------------------------------


def raw_insert(rows, connection) -> float:
    """The baseline: read the rows and insert them as they are into a scratch table."""
    from django.db import transaction

    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_raw")
        cursor.execute(f"CREATE TABLE bench_raw ({', '.join(f'{c} text' for c in HEADER)})")
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY bench_raw ({', '.join(HEADER)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" * len(HEADER))
            cursor.connection.executemany(f"INSERT INTO bench_raw VALUES ({marks})", rows)
    return time.perf_counter() - started


def import_file(console, team, name: str, data: bytes, count: int) -> float:
    """Receive, check (the preview) and import, as the import page does; seconds end to end."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from counterpart.interchange import services
    from counterpart.interchange.choices import ImportStatus

    started = time.perf_counter()
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=console
    ) as progress:
        bar = progress.add_task(name, total=count)

        def report(done: int, total: int, step: str = "") -> None:
            progress.update(bar, completed=done, total=total or None, description=f"{name} {step}")

        received = services.import_receive(actor=team, kind="ledger", filename=name, data=data)
        done = services.import_run(actor=team, upload=received, progress=report)
    seconds = time.perf_counter() - started
    if done.status != ImportStatus.IMPORTED:
        sys.exit(f"{name} was refused: {done.errors[:3]}")
    console.print(f"  {name}: {done.summary['created']} entries in {seconds:.1f} s")
    return seconds


IMPORT = """
import sys, time
from django.core.management import execute_from_command_line
started = time.monotonic()
execute_from_command_line(["manage.py", "import", "ledger", *sys.argv[1:], "--lang", "zh-hans"])
with open("/proc/self/status") as status:
    print("peak", next(line for line in status if line.startswith("VmHWM")).split()[1])
"""


def import_command(console, path, dry_run: bool) -> tuple[float, float, float]:
    """`counterpart import ledger FILE --as beijing` in a child process, its output read as it
    comes: seconds, peak resident MiB, and the longest wait between two lines of progress."""
    arguments = [str(path), "--as", "beijing", *(["--dry-run"] if dry_run else [])]
    started = last = time.perf_counter()
    gap, peak, lines = 0.0, 0.0, []
    child = subprocess.Popen(
        [sys.executable, "-u", "-c", IMPORT, *arguments],
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "100"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    for line in child.stdout:
        now = time.perf_counter()
        gap, last = max(gap, now - last), now
        lines.append(line.rstrip())
        if line.startswith("peak "):
            peak = int(line.split()[1]) / 1024
    if child.wait() != 0:
        sys.exit("\n".join(lines[-30:]))
    seconds = time.perf_counter() - started
    console.print("  " + "\n  ".join(lines[-4:-1]))
    return seconds, peak, gap


CHILD = """
import sys
from django.core.management import execute_from_command_line
execute_from_command_line(["manage.py", "iati", "export", "--out", sys.argv[1]])
with open("/proc/self/status") as status:  # the peak of this process alone, since its exec
    print(next(line for line in status if line.startswith("VmHWM")).split()[1])
"""


def iati_export(console) -> tuple[float, float, int, int]:
    """`counterpart iati export` in a child process: its time and its peak resident memory
    (VmHWM: Django and the project loaded, then the export)."""
    out = ROOT / "var" / "bench" / "iati-activities.xml"
    started = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(out)],
        check=True,
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    peak_mib = int(child.stdout.strip().splitlines()[-1]) / 1024
    from lxml import etree

    activities = transactions = 0
    for _event, element in etree.iterparse(str(out), tag=("iati-activity", "transaction")):
        if element.tag == "transaction":
            transactions += 1
        else:
            activities += 1
            element.clear()
    console.print(f"  iati export: {out.stat().st_size / 2**20:.0f} MiB")
    return seconds, peak_mib, activities, transactions


def lxml_baseline(activities: int, transactions: int) -> float:
    """lxml writing the same number of activities and transactions from memory."""
    from lxml import etree

    per_activity = transactions // max(activities, 1)
    started = time.perf_counter()
    with (
        open(os.devnull, "wb") as sink,
        etree.xmlfile(sink, encoding="utf-8") as xml,
        xml.element("iati-activities", version="2.03"),
    ):
        for number in range(activities):
            activity = etree.Element("iati-activity", {"default-currency": "CNY"})
            etree.SubElement(activity, "iati-identifier").text = f"CN-USCI-X-{number}"
            title = etree.SubElement(activity, "title")
            etree.SubElement(title, "narrative").text = f"Benchmark project {number}"
            for _ in range(per_activity):
                item = etree.SubElement(activity, "transaction")
                etree.SubElement(item, "transaction-type", code="2")
                etree.SubElement(item, "transaction-date", {"iso-date": "2024-01-01"})
                value = etree.SubElement(
                    item, "value", {"currency": "CNY", "value-date": "2024-01-01"}
                )
                value.text = "1000.00"
                provider = etree.SubElement(item, "provider-org", ref="CN-USCI-X", type="11")
                etree.SubElement(provider, "narrative").text = "Beijing"
            xml.write(activity)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
