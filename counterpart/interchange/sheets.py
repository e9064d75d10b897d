"""Spreadsheets in and out: a CSV or XLSX file read into rows under column keys, a kind's
template, and an uploaded file handed back with its faulty cells marked.

A template's first row holds the column keys (hidden), its second the headers in the reader's
language; a file may instead have headers in any of the three languages, or the keys, in one of
its first rows: titles and notes above them, totals rows among the rows and columns of no kind
are left out, each with a note (`Context.notes`). A CSV may be separated by commas, semicolons
or tabs."""

import codecs
import csv
import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from typing import BinaryIO

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import save_workbook
from python_calamine import CalamineWorkbook

from counterpart.core.spreadsheets import csv_writer, xlsx_row
from counterpart.interchange.cells import CellError, text, unit_multiplier
from counterpart.interchange.header_names import PROBLEMS
from counterpart.interchange.kinds.base import Context, Errors, Kind, Row
from counterpart.interchange.phrases import OTHER_COLUMN, TITLE_ROW, TITLE_ROWS, TOTALS_ROW

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FAULTY = PatternFill("solid", fgColor="FFC7CE")
HEADER = Font(bold=True)
EXAMPLE = Font(italic=True, color="808080")
ERRORS_KEY = "errors"  # the key of a marked file's last column, ignored when it comes back
HEADER_SEARCH_ROWS = 20  # the header is looked for among this many rows at the top
# What a totals row says in its label cell, in the three languages (compared without spaces,
# a colon or case): the office's own sums, which the product makes itself.
TOTALS = frozenset(
    {"合计", "总计", "小计", "共计", "total", "totals", "subtotal", "grandtotal", "جەمئىي"}
)
DELIMITERS = (",", ";", "\t")
_UNIT_IN_HEADER = re.compile(r"^(.*?)\s*[(（]([^)）]*)[)）]\s*\Z")


class FileRefused(ValueError):
    """A file that cannot be read as a table at all."""


Source = bytes | BinaryIO  # a file's bytes, or the stored file opened (read as a stream)


def _stream(source: Source) -> BinaryIO:
    return io.BytesIO(source) if isinstance(source, bytes | bytearray) else source


def is_xlsx(source: Source) -> bool:
    stream = _stream(source)
    stream.seek(0)
    head = stream.read(4)
    stream.seek(0)
    return head == b"PK\x03\x04"


_ROW_TAGS = (b"<row ", b"<row>", b":row ", b":row>")  # a row element, its prefix or not
_CHUNK = 2**20


def _rows_tagged(xml: bytes) -> int:
    return sum(xml.count(tag) for tag in _ROW_TAGS)


def _chunks(stream: BinaryIO) -> Iterator[bytes]:
    stream.seek(0)
    while chunk := stream.read(_CHUNK):
        yield chunk
    stream.seek(0)


def row_count(source: Source, *, stop_after: int) -> int:
    """How many rows the file holds, counted without reading them (so a file too long for the
    request, or for any import, is told before it is parsed): lines of a CSV, `<row>`
    elements of an XLSX's first sheet, streamed, stopping once past `stop_after`."""
    stream = _stream(source)
    if not is_xlsx(stream):
        lines, last = 0, b"\n"
        for chunk in _chunks(stream):
            lines, last = lines + chunk.count(b"\n"), chunk[-1:]
        return lines + (last != b"\n")
    try:
        with zipfile.ZipFile(stream) as book:
            sheets = sorted(n for n in book.namelist() if n.startswith("xl/worksheets/sheet"))
            if not sheets:
                return 0
            counted, tail = 0, b""
            with book.open(sheets[0]) as sheet:
                while counted <= stop_after and (chunk := sheet.read(_CHUNK)):
                    # a tag cut by the chunk's edge is found with the tail before it
                    counted += _rows_tagged(tail + chunk) - _rows_tagged(tail)
                    tail = chunk[-4:]
            return counted
    except (zipfile.BadZipFile, OSError, EOFError):
        return 0  # unreadable: the check says so
    finally:
        stream.seek(0)


def table_rows(source: Source) -> Iterator[tuple[int, list]]:
    """Each non-empty row of the file's first sheet (or of the CSV) with its 1-based number,
    read as a stream: a CSV of a million rows is never in memory whole."""
    stream = _stream(source)
    if is_xlsx(stream):
        try:
            book = CalamineWorkbook.from_filelike(stream)
            sheet = book.get_sheet_by_index(0)
        except Exception as error:  # calamine's errors are its own types
            raise FileRefused(
                _("This spreadsheet cannot be read: %(error)s") % {"error": error}
            ) from None
        rows = sheet.iter_rows()
        offset = sheet.start[0] if sheet.start else 0
    else:
        encoding = _encoding(stream)
        text_stream = io.TextIOWrapper(stream, encoding=encoding, newline="")
        rows = csv.reader(text_stream, delimiter=_delimiter(stream, encoding))
        offset = 0
    for number, row in enumerate(rows, start=1 + offset):
        if any(text(cell) for cell in row):
            yield number, list(row)


def _encoding(stream: BinaryIO) -> str:
    """UTF-8 (with or without its mark), or GB 18030: what Excel in Chinese saves CSV in. The
    whole file is decoded once, a chunk at a time, before any row is read."""
    for encoding in ("utf-8-sig", "gb18030"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            for chunk in _chunks(stream):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return encoding
    raise FileRefused(_("This file is neither UTF-8 nor GB 18030 text."))


def _delimiter(stream: BinaryIO, encoding: str) -> str:
    """The separator the file's first lines use most: a comma, a semicolon (Excel's in much of
    Europe) or a tab."""
    stream.seek(0)
    start = codecs.getincrementaldecoder(encoding)(errors="ignore").decode(stream.read(65536))
    stream.seek(0)
    sample = start.splitlines()[:HEADER_SEARCH_ROWS]
    counts = {d: sum(line.count(d) for line in sample) for d in DELIMITERS}
    return max(DELIMITERS, key=lambda d: counts[d])  # a tie keeps the comma, listed first


def read(
    kind: Kind, source: Source, context: Context, errors: Errors
) -> tuple[Iterator[Row], list[str]]:
    """The file's rows under column keys, as they are read, and the keys in the file's order.
    The headers are read first: a required column missing is an error of row 0's kind (the
    file's), and no row is read then. `context.rows` counts the rows handed on."""
    header, words, rows = _headers(kind, source, context)
    keys = _column_keys(kind, header, errors, context)
    for key, written in zip(keys, words or header, strict=False):
        if key:
            context.headers[key] = text(written)
    if words:
        _units_from(kind, words, keys, context, errors)
    present = {k for k in keys if k}
    for column in kind.columns:
        if column.required and column.key not in present:
            errors.add(
                0, column.key, _("The file has no column %(name)s.") % {"name": column.label}
            )
    if errors:
        return iter(()), keys
    return _rows_under(kind, keys, header, rows, context, errors), keys


def _rows_under(kind: Kind, keys: list, header: list, rows, context: Context, errors: Errors):
    examples = _example_rows(kind)
    first = kind.columns[0].key
    first_examples = {example[0] for example in examples}  # most rows are told by their first
    named = [(i, key) for i, key in enumerate(keys) if key]
    unnamed = [i for i, key in enumerate(keys) if not key and not text(header[i])]
    width = len(keys)
    for number, cells in rows:
        context.tick("rows", number)
        if label := _totals_label(cells):
            context.note(number, TOTALS_ROW, label=label)
            continue
        if len(cells) >= width:
            values = {key: cells[i] for i, key in named}
        else:
            values = {key: cells[i] for i, key in named if i < len(cells)}
        stray = (len(cells) > width or any(cells[i] for i in unnamed if i < len(cells))) and [
            i for i, cell in enumerate(cells) if (i >= width or i in unnamed) and text(cell)
        ]
        if stray:
            errors.add(
                number,
                "",
                _("Column %(letter)s holds %(value)r but has no header: nothing would read it.")
                % {"letter": get_column_letter(stray[0] + 1), "value": text(cells[stray[0]])[:40]},
            )
            continue
        if text(values.get(first)) in first_examples and (
            tuple(text(values.get(column.key)) for column in kind.columns) in examples
        ):
            continue  # the template's example row, left in, in whichever language it was made
        context.rows += 1
        yield Row(number, values)


def _example_rows(kind: Kind) -> set[tuple[str, ...]]:
    rows = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            rows.add(tuple(str(column.example) for column in kind.columns))
    return rows


def _totals_label(cells: list) -> str:
    for cell in cells:
        if type(cell) is str and cell.strip():
            label = re.sub(r"[\s:：]", "", cell).lower()
            return cell.strip() if label in TOTALS else ""
    return ""


def _headers(kind: Kind, source: Source, context: Context | None = None):
    """(the header row, the headers in words below a key row or None, the rows after them). The
    header is the row among the first that names most of the kind's columns (the first, when
    none does); rows above it are left out, with a note. A template's hidden key row is
    followed by the headers in words, unless the file has keys only."""
    rows = table_rows(source)
    top = list(itertools.islice(rows, HEADER_SEARCH_ROWS))
    at = _header_at(kind, top)
    if at and context is not None:
        above = [number for number, _cells in top[:at]]
        context.note(0, TITLE_ROW if at == 1 else TITLE_ROWS, rows=above)
    _number, header = top[at] if top else (1, [])
    rows = itertools.chain(top[at + 1 :], rows)
    words = None
    if header and _is_key_row(kind, header):
        following = next(rows, None)
        if following is not None and _is_words_row(kind, following[1]):
            words = following[1]
        elif following is not None:
            rows = itertools.chain([following], rows)
    return header, words, rows


def _names_a_column(names: dict, written: str) -> bool:
    """Whether a header names one of these columns, alone or with its unit ("Amount (万元)")."""
    match = _UNIT_IN_HEADER.match(written)
    return written.lower() in names or bool(match and match.group(1).lower() in names)


def _header_names(kind: Kind) -> dict:
    """Each column's headers in words, lower-cased, → the column."""
    return {name: column for column in kind.columns for name in column.headers()}


def _header_at(kind: Kind, top: list[tuple[int, list]]) -> int:
    """Which of the top rows is the header: the first that names the most columns."""
    names = _header_names(kind) | {column.key: column for column in kind.columns}
    scores = [sum(_names_a_column(names, text(cell)) for cell in cells) for _n, cells in top]
    return scores.index(max(scores)) if scores and max(scores) else 0


def _is_key_row(kind: Kind, header: list) -> bool:
    written = {text(cell) for cell in header if text(cell)} - {ERRORS_KEY}
    return bool(written) and written <= {c.key for c in kind.columns}


def _is_words_row(kind: Kind, cells: list) -> bool:
    """Whether every filled cell of the row is a column's header in words."""
    names = _header_names(kind)
    written = [text(cell) for cell in cells if text(cell)]
    return bool(written) and all(
        _names_a_column(names, cell) or cell.startswith(PROBLEMS) for cell in written
    )


def _sheet_title(kind: Kind) -> str:
    """The kind's title as a sheet may be named (at most 31 characters, none of []:*?/\\)."""
    return re.sub(r"[\[\]:*?/\\]", " ", str(kind.title))[:31]


def _column_keys(kind: Kind, header: list, errors: Errors, context: Context):
    """Which column each header names (None for an empty header)."""
    names = _header_names(kind)
    keys: list[str | None] = []
    for index, cell in enumerate(header):
        written = text(cell)
        if not written or written == ERRORS_KEY or written.startswith(PROBLEMS):
            keys.append(None)  # nothing, or the problems column of a marked file
            continue
        column = names.get(written.lower())
        unit = None
        match = _UNIT_IN_HEADER.match(written)
        if column is None and match:
            column, unit = names.get(match.group(1).lower()), match.group(2)
        if column is None:
            context.note(0, OTHER_COLUMN, letter=get_column_letter(index + 1), header=written[:60])
            keys.append(None)
            continue
        if unit is not None and column.money:
            try:
                context.units[column.key] = unit_multiplier(unit)
            except CellError as error:
                errors.add(0, column.key, str(error))
        keys.append(column.key)
    return keys


def _units_from(kind: Kind, words: list, keys: list, context: Context, errors: Errors) -> None:
    for index, cell in enumerate(words):
        key = keys[index] if index < len(keys) else None
        match = _UNIT_IN_HEADER.match(text(cell))
        if key and match and kind.column(key).money:
            try:
                context.units[key] = unit_multiplier(match.group(2))
            except CellError as error:
                errors.add(0, key, str(error))


# -- writing --------------------------------------------------------------------------------


def _book_bytes(book: Workbook) -> bytes:
    output = io.BytesIO()
    save_workbook(book, output)
    return output.getvalue()


def template_xlsx(kind: Kind, context: Context) -> bytes:
    """The kind's template: keys (hidden), headers, an example row, a dropdown on every column
    of codes (its list on a hidden sheet), and each column's help as a comment."""
    book = Workbook()
    sheet = book.active
    sheet.title = _sheet_title(kind)
    lists = book.create_sheet("lists")
    lists.sheet_state = "hidden"
    sheet.append(xlsx_row(sheet, [column.key for column in kind.columns]))
    sheet.row_dimensions[1].hidden = True
    sheet.append(xlsx_row(sheet, [str(column.label) for column in kind.columns]))
    sheet.append(xlsx_row(sheet, [str(column.example) for column in kind.columns]))
    for index, column in enumerate(kind.columns, start=1):
        letter = get_column_letter(index)
        header = sheet.cell(row=2, column=index)
        header.font = HEADER
        if column.help:
            header.comment = Comment(str(column.help), "Counterpart")
        sheet.cell(row=3, column=index).font = EXAMPLE
        sheet.column_dimensions[letter].width = max(12, len(str(column.label)) + 4)
        if column.choices is not None:
            offered = column.choices(context)[:5000]
            for row, value in enumerate(offered, start=1):
                lists.cell(row=row, column=index, value=value)
            if offered:
                rule = DataValidation(
                    type="list",
                    formula1=f"lists!${letter}$1:${letter}${len(offered)}",
                    allow_blank=not column.required,
                    showErrorMessage=False,  # a code typed by hand is read too
                )
                rule.add(f"{letter}3:{letter}10000")
                sheet.add_data_validation(rule)
    sheet.freeze_panes = "A3"
    return _book_bytes(book)


def template_csv(kind: Kind) -> bytes:
    output = io.StringIO()
    writer = csv_writer(output)
    writer.writerow([str(column.label) for column in kind.columns])
    writer.writerow([str(column.example) for column in kind.columns])
    return output.getvalue().encode("utf-8-sig")  # the mark makes Excel read it as UTF-8


def marked_xlsx(kind: Kind, source: Source, errors: Errors) -> bytes:
    """The uploaded file back as a spreadsheet, the key row first, each faulty cell filled red
    with its errors as a comment, and a last column with errors of the row as a whole."""
    context = Context(actor=None)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_sheet_title(kind))
    header, words, rows = _headers(kind, source)
    keys = _column_keys(kind, header, Errors(), context)
    by_row: dict[int, dict[str, list[str]]] = {}
    for (row, column), messages in errors.cells.items():
        by_row.setdefault(row, {}).setdefault(column, []).extend(messages)
    problems = _("Problems")
    sheet.append(xlsx_row(sheet, [*[k or "" for k in keys], ERRORS_KEY]))
    file_errors = by_row.get(0, {})
    header_cells = []
    for index, cell in enumerate(words or header):
        made = WriteOnlyCell(sheet, value=text(cell))
        made.font = HEADER
        key = keys[index] if index < len(keys) else None
        if key in file_errors:
            made.fill = FAULTY
            made.comment = Comment("\n".join(file_errors[key]), "Counterpart")
        header_cells.append(made)
    whole_file = " ".join(m for k, ms in file_errors.items() if not k for m in ms)
    last = f"{problems}: {whole_file}" if whole_file else problems
    sheet.append(xlsx_row(sheet, [*header_cells, last]))
    for number, cells in rows:
        marks = by_row.get(number, {})
        out = []
        for index, value in enumerate(cells):
            made = WriteOnlyCell(sheet, value=value)
            key = keys[index] if index < len(keys) else None
            if key and key in marks:
                made.fill = FAULTY
                made.comment = Comment("\n".join(marks[key]), "Counterpart")
            out.append(made)
        out.extend(WriteOnlyCell(sheet, value=None) for _ in range(len(keys) - len(cells)))
        out.append("\n".join(marks.get("", [])) or None)
        sheet.append(xlsx_row(sheet, out))
    return _book_bytes(book)
