"""The one writer of CSV and XLSX cells: formulas never run, numbers stay numbers, and a file
the product wrote reads back as it was."""

import csv
import io

import openpyxl
from openpyxl import Workbook

from counterpart.core.spreadsheets import csv_writer, read_text, xlsx_row
from counterpart.interchange.cells import text


def test_a_csv_cell_that_would_run_is_written_as_text_and_read_back_whole():
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(["=1+1", "+1", "-A1", "@SUM(A1)", "\tx", "\rx", "plain", -5, 0, "a=b"])
    (row,) = csv.reader(io.StringIO(out.getvalue()))
    assert row == ["'=1+1", "'+1", "'-A1", "'@SUM(A1)", "'\tx", "'\rx", "plain", "-5", "0", "a=b"]
    assert [text(cell) for cell in row[:4]] == ["=1+1", "+1", "-A1", "@SUM(A1)"]
    assert read_text("'quoted") == "'quoted"  # an apostrophe of one's own stays


def test_an_xlsx_cell_of_text_is_a_string_never_a_formula():
    book = Workbook(write_only=True)
    sheet = book.create_sheet("s")
    sheet.append(xlsx_row(sheet, ['=HYPERLINK("http://evil.example","x")', 3, "-2+3"]))
    out = io.BytesIO()
    book.save(out)
    cells = next(openpyxl.load_workbook(io.BytesIO(out.getvalue()))["s"].iter_rows())
    assert [(c.value, c.data_type) for c in cells] == [
        ('=HYPERLINK("http://evil.example","x")', "s"),
        (3, "n"),
        ("-2+3", "s"),
    ]
