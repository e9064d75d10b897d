"""What the benchmarks share: the machine they ran on, and a fresh database to run against."""

import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def configure(db: str, name: str) -> None:
    """Django on a fresh SQLite file in var/bench/ (or the PostgreSQL of DATABASE_URL), as in
    production: with DEBUG on, Django keeps and formats every query it runs."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "counterpart.settings")
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    if db == "sqlite":
        path = ROOT / "var" / "bench" / f"{name}.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in path.parent.glob(f"{name}.sqlite3*"):
            stale.unlink()
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    elif "DATABASE_URL" not in os.environ:
        sys.exit("--db postgresql needs DATABASE_URL (the make target starts a server)")
    import django

    django.setup()


def machine() -> str:
    cores = os.cpu_count()
    memory = ""
    try:
        with open("/proc/meminfo") as info:
            kib = int(info.readline().split()[1])
        memory = f", {kib / 2**20:.0f} GiB"
    except OSError:
        pass
    cpu = platform.processor() or platform.machine()
    return f"{cpu}, {cores} cores{memory}, Python {platform.python_version()}"


def open_the_round(office, *, reviewed: bool = False) -> None:
    """No closed periods for the 2010 round (the demo closes quarters), and review off (the
    figures are those of recording) or, `reviewed`, on for new records through two levels,
    Beijing's team then the office, as in the demo."""
    from counterpart.pairings.models import PairingRound
    from counterpart.reporting import selectors, services

    round_ = PairingRound.objects.get(year=2010)
    chain = {"levels": [("donor_team", ""), ("programme_office", "")]} if reviewed else {}
    services.reporting_rules_set(
        actor=office,
        round=round_,
        expected_version=selectors.rules_of(round_).version,
        review_mode="new" if reviewed else "off",
        closes_after_days=None,
        **chain,
    )
