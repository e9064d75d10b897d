"""A dashboard table: what a chart draws, what its table view shows and what its CSV holds,
from one list of rows so the three never disagree."""

import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.writer.excel import save_workbook

from counterpart.core.spreadsheets import csv_writer, xlsx_row
from counterpart.engine.money import format_minor


@dataclass
class Table:
    slug: str
    title: str
    columns: list[str]  # the first names the row labels
    rows: list[list] = field(default_factory=list)  # a label, then one figure per column
    currency: str | None = None  # figures are minor units of this currency; None: plain numbers
    # "bar", "line", "share" (percentages against a line), or "table": no chart (its columns
    # are not one unit), the table shown open
    chart_kind: str = "bar"
    charted: int | None = None  # draw only the first n figure columns (e.g. not a % beside counts)
    note: str = ""  # shown with the chart and table, e.g. that some figures are illustrative
    unapproved: str = ""  # that the figures include records still in review (internal views)
    total_row: bool = False  # the last row sums the others: in the table, not in the chart

    def cell(self, value) -> str:
        if value is None:
            return "—"
        if self.currency:
            return format_minor(int(value), self.currency)
        return f"{value:,}" if isinstance(value, int) else str(value)

    def display_rows(self) -> list[tuple[str, list[str]]]:
        return [(row[0], [self.cell(v) for v in row[1:]]) for row in self.rows]

    def chart(self, *, major: bool = True) -> dict:
        """Chart.js data: one dataset per charted figure column, in major units for money."""
        scale = 100 if self.currency and major else 1
        drawn = slice(1, 1 + self.charted) if self.charted else slice(1, None)
        rows = self.rows[:-1] if self.total_row else self.rows
        return {
            "labels": [str(row[0]) for row in rows],
            "datasets": [
                {
                    "label": str(column),
                    "data": [float(row[i] or 0) / scale for row in rows],
                }
                for i, column in enumerate(self.columns[drawn], start=1)
            ],
            # Counts (people, letters, consultations) get whole-number ticks.
            "integer": not self.currency
            and all(isinstance(v, int) for row in rows for v in row[drawn] if v is not None),
        }

    def csv_response(self) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.csv"'
        response.write("\ufeff")  # the mark makes Excel read UTF-8
        writer = csv_writer(response)
        unit = f" ({self.currency})" if self.currency else ""
        writer.writerow([self.columns[0], *[f"{c}{unit}" for c in self.columns[1:]]])
        for row in self.rows:
            writer.writerow([row[0], *[self._csv_value(v) for v in row[1:]]])
        return response

    def xlsx_response(self) -> HttpResponse:
        """The table as a spreadsheet: numbers as numbers (money in major units), one sheet."""
        book = Workbook(write_only=True)
        sheet = book.create_sheet(title=self.slug[:31])
        unit = f" ({self.currency})" if self.currency else ""
        sheet.append(xlsx_row(sheet, [self.columns[0], *[f"{c}{unit}" for c in self.columns[1:]]]))
        for row in self.rows:
            values = [str(row[0]), *[self._xlsx_value(v) for v in row[1:]]]
            sheet.append(xlsx_row(sheet, values))
        output = io.BytesIO()
        save_workbook(book, output)  # to memory (Workbook.save names a file)
        response = HttpResponse(
            output.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.xlsx"'
        return response

    def _xlsx_value(self, value):
        if value is None:
            return None
        if self.currency:
            return Decimal(int(value)) / 100
        return value if isinstance(value, int | float | Decimal) else str(value)

    def _csv_value(self, value) -> str:
        if value is None:
            return ""
        if self.currency:
            return format_minor(int(value), self.currency, symbol=False).replace(",", "")
        return str(value)


def download(request, tables: dict[str, Table]) -> HttpResponse | None:
    """The CSV (or, with `&format=xlsx`, the spreadsheet) of the table `?download=<slug>`
    names, if it names one of these."""
    wanted = request.GET.get("download")
    if wanted not in tables:
        return None
    if request.GET.get("format") == "xlsx":
        return tables[wanted].xlsx_response()
    return tables[wanted].csv_response()


def continuous(rows: list[list], *, blank=0) -> list[list]:
    """Rows labelled by year ("2017") or month ("2017-07"), sorted, with the years or months
    between that have no row put in (their figures `blank`): a time axis then never draws 2017
    beside 2023 as if they were adjacent."""
    if len(rows) < 2:
        return rows
    labels = [str(row[0]) for row in rows]
    width = len(rows[0]) - 1
    by_label = dict(zip(labels, rows, strict=True))
    if all(len(label) == 4 and label.isdigit() for label in labels):
        steps = [str(year) for year in range(int(min(labels)), int(max(labels)) + 1)]
    elif all(len(label) == 7 and label[4] == "-" for label in labels):
        first, last = min(labels), max(labels)
        steps, year, month = [], int(first[:4]), int(first[5:])
        while f"{year:04d}-{month:02d}" <= last:
            steps.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        return rows
    return [by_label.get(step) or [step, *[blank] * width] for step in steps]
