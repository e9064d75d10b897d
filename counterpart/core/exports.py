"""A list page's rows as a CSV or XLSX download, with the filters on screen (the view passes
its filtered rows), in the reader's language, streamed: rows are read in chunks and the CSV is
sent as it is written; the XLSX is written row by row to a temporary file (openpyxl's
write-only mode) and sent from there, so that a million rows never sit in memory."""

import datetime
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils import timezone, translation
from openpyxl import Workbook
from openpyxl.writer.excel import save_workbook

from counterpart.core.spreadsheets import csv_writer, xlsx_row
from counterpart.engine.money import minor_digits

FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Column:
    label: object  # a lazy translation: the header in the reader's language
    value: Callable[[object], object]  # the row's value: text, a number, a date or None


class _Line:
    """What csv.writer writes to: each row handed back as a string to stream."""

    def write(self, text: str) -> str:
        return text


def wanted(request) -> str | None:
    """The format `?export=` asks for, if any."""
    chosen = request.GET.get("export")
    return chosen if chosen in FORMATS else None


def _rows(rows: Iterable) -> Iterable:
    return rows.iterator(chunk_size=2000) if isinstance(rows, QuerySet) else rows


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, bool | int | float | Decimal | datetime.date):
        return value
    return str(value)


def export_response(request, rows: Iterable, columns: list[Column], *, name: str) -> HttpResponse:
    """The rows as the format `?export=` asks for (call it when `wanted(request)`)."""
    language = translation.get_language()
    headers = [str(column.label) for column in columns]
    stamp = timezone.localdate().isoformat()
    if wanted(request) == "xlsx":
        return _xlsx(rows, columns, headers, f"{name}-{stamp}.xlsx", language)
    return _csv(rows, columns, headers, f"{name}-{stamp}.csv", language)


def _csv(rows, columns, headers, filename, language) -> StreamingHttpResponse:
    def lines():
        writer = csv_writer(_Line())
        yield "\ufeff" + writer.writerow(headers)  # the mark makes Excel read UTF-8
        with translation.override(language):  # the stream runs after the view has returned
            for row in _rows(rows):
                yield writer.writerow([_cell(column.value(row)) for column in columns])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _xlsx(rows, columns, headers, filename, language) -> FileResponse:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(filename.rsplit("-", 3)[0][:31])
    sheet.append(xlsx_row(sheet, headers))
    with translation.override(language):
        for row in _rows(rows):
            sheet.append(xlsx_row(sheet, [_cell(column.value(row)) for column in columns]))
    scratch = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it when sent)
    save_workbook(book, scratch)
    scratch.seek(0)
    return FileResponse(scratch, as_attachment=True, filename=filename, content_type=XLSX_TYPE)


def major(amount_minor: int | None, currency: str) -> Decimal | None:
    """Minor units as the currency's major unit (a number a spreadsheet sums)."""
    if amount_minor is None:
        return None
    return Decimal(amount_minor).scaleb(-minor_digits(currency))
