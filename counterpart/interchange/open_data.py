"""The open data files: the published aggregates (the public's view: published pairings and
projects, approved figures only) as CSV and XLSX, and the IATI files. Each dataset names its
columns and says what they hold: the page's data dictionary is made from the same lists."""

import io
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.writer.excel import save_workbook

from counterpart.core.aggregates import ExactSum
from counterpart.core.spreadsheets import csv_writer, xlsx_row
from counterpart.engine.money import minor_digits
from counterpart.funding import selectors as funding
from counterpart.interchange.iati import export
from counterpart.projects import selectors as projects


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: object
    columns: list[tuple[str, object]]  # (key, what it holds)
    rows: Callable[[], Iterable[list]]


def _yuan(amount_minor: int) -> str:
    return f"{amount_minor / 10 ** minor_digits('CNY'):.2f}"


def ledger_rows() -> Iterable[list]:
    public = AnonymousUser()
    sums = (
        funding.totals(actor=public)
        .values_list(
            "year",
            "donor__code",
            "donor__name_en",
            "donor__name_zh",
            "region__code",
            "region__name_en",
            "region__name_zh",
            "kind",
            "category",
        )
        .order_by("year", "donor__code", "region__code", "kind", "category")
    )
    for row in sums.annotate(amount=ExactSum("amount_minor"), entries=Sum("entries")):
        *keys, amount, entries = row
        yield [*keys, _yuan(amount), entries]


def project_rows() -> Iterable[list]:
    public = AnonymousUser()
    chosen = projects.project_list(actor=public).prefetch_related("sectors").order_by("code")
    for project in chosen:
        yield [
            project.code,
            project.title_en,
            project.title_zh,
            project.pairing.donor.code,
            project.pairing.donor.name_en,
            project.region.code,
            project.region.name_en,
            project.pairing.round.year,
            project.status,
            project.planned_start or "",
            project.planned_end or "",
            f"{project.budget_minor / 10 ** minor_digits(project.currency):.2f}",
            project.currency,
            "; ".join(f"{s.sector_id}:{s.percentage}" for s in project.sectors.all()),
        ]


def result_rows() -> Iterable[list]:
    public = AnonymousUser()
    periods = (
        projects.counted_periods()
        .filter(indicator__result__project__in=projects.project_list(actor=public))
        .select_related("indicator__result__project")
        .order_by("indicator__result__project__code", "indicator_id", "period_start")
    )
    for period in periods:
        indicator = period.indicator
        yield [
            indicator.result.project.code,
            indicator.result.title_en,
            indicator.title_en,
            indicator.title_zh,
            indicator.standard,
            indicator.measure,
            period.period_start,
            period.period_end,
            "" if period.target is None else period.target,
            "" if period.actual is None else period.actual,
        ]


DATASETS = [
    Dataset(
        "ledger-totals",
        _("Money by year, donor, place, type and category"),
        [
            ("year", _("Calendar year of the value date")),
            ("donor_code", _("The donor's code in this programme")),
            ("donor_name_en", _("The donor's name in English")),
            ("donor_name_zh", _("The donor's name in Chinese")),
            ("place_code", _("Administrative code of the receiving place")),
            ("place_name_en", _("The place's name in English")),
            ("place_name_zh", _("The place's name in Chinese")),
            (
                "type",
                _(
                    "IATI transaction type: 1 incoming, 2 commitment, 3 disbursement, "
                    "4 expenditure, 12 pledge"
                ),
            ),
            ("category", _("What the sector counts as (the first seven are people's wellbeing)")),
            ("amount_cny", _("Sum in yuan, converted at the rate of each value date")),
            ("entries", _("Number of ledger entries (a reversal counts minus one)")),
        ],
        ledger_rows,
    ),
    Dataset(
        "projects",
        _("Published projects"),
        [
            ("code", _("The project's code; its IATI identifier ends with it")),
            ("title_en", _("Title in English")),
            ("title_zh", _("Title in Chinese")),
            ("donor_code", _("The donor's code")),
            ("donor_name_en", _("The donor's name in English")),
            ("place_code", _("Administrative code of the main place")),
            ("place_name_en", _("The main place's name in English")),
            ("round", _("Year of the pairing round")),
            ("status", _("IATI activity status: 1 pipeline … 6 suspended")),
            ("planned_start", _("Planned start (ISO date)")),
            ("planned_end", _("Planned end (ISO date)")),
            ("budget", _("Whole budget in its currency")),
            ("currency", _("ISO 4217 currency of the budget")),
            ("sectors", _("DAC 5-digit sector codes with their percentages")),
        ],
        project_rows,
    ),
    Dataset(
        "results",
        _("Results: targets and actuals by period"),
        [
            ("project_code", _("The project's code")),
            ("result", _("The result's title")),
            ("indicator_en", _("The indicator in English")),
            ("indicator_zh", _("The indicator in Chinese")),
            ("standard", _("The programme's standard indicator, if it is one")),
            ("measure", _("1 unit, 2 percentage")),
            ("period_start", _("Start of the period")),
            ("period_end", _("End of the period")),
            ("target", _("Target for the period")),
            ("actual", _("Actual reached in the period (approved)")),
        ],
        result_rows,
    ),
]


CSV_TYPE = "text/csv; charset=utf-8"


def write_csv(dataset: Dataset) -> tuple[bytes, int]:
    """UTF-8 with a byte-order mark: without it Excel reads the Chinese names as GBK."""
    output = io.StringIO()
    output.write("\ufeff")
    writer = csv_writer(output)
    writer.writerow([key for key, _what in dataset.columns])
    count = 0
    for row in dataset.rows():
        writer.writerow(row)
        count += 1
    return output.getvalue().encode("utf-8"), count


def write_xlsx(dataset: Dataset) -> tuple[bytes, int]:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(dataset.slug[:31])
    sheet.append(xlsx_row(sheet, [key for key, _what in dataset.columns]))
    count = 0
    for row in dataset.rows():
        values = [value if isinstance(value, int | str) else str(value) for value in row]
        sheet.append(xlsx_row(sheet, values))
        count += 1
    output = io.BytesIO()
    save_workbook(book, output)
    return output.getvalue(), count


def write_iati(write: Callable) -> tuple[bytes, int]:
    """An IATI file, written through a temporary file (the export streams)."""
    with tempfile.TemporaryFile() as scratch:
        made = write(scratch)
        scratch.seek(0)
        data = scratch.read()
    count = made.activities if isinstance(made, export.Outcome) else made
    return data, count
