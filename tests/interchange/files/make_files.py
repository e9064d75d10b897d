"""Makes the office-style spreadsheets the interchange tests read, as offices keep them: a title
row and a note above the headers, a totals row at the end, a column of their own, dates as date
cells, as Excel's day counts and as written text. Run it again to remake them:
`python tests/interchange/files/make_files.py`. The donor's code is `beijing`, the recipient
place's `653201` (Hotan City), as the tests name them."""

import datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
HEADERS = ["凭证号", "类型", "起息日", "支援方", "受援地", "领域", "金额（万元）", "备注"]
ROWS = [
    ["BJ-2024-001", "承诺", datetime.date(2024, 3, 1), "beijing", "653201", "12230", 120, "首批"],
    ["BJ-2024-002", "拨付", 45383, "beijing", "653201", "12230", 80, ""],  # 2024-04-01
    ["BJ-2024-003", "拨付", "2024年5月6日", "beijing", "653201", "12230", 39.5, "第二批"],
]


def office_xlsx() -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "2024年台账"
    sheet.append(["北京市对口支援和田市资金台账（2024年，示例数据）"])
    sheet.merge_cells("A1:H1")
    sheet.append(["单位：万元", None, None, None, "制表：财务处"])
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append(row)
        if isinstance(row[2], datetime.date):
            sheet.cell(row=sheet.max_row, column=3).number_format = "yyyy-mm-dd"
    sheet.append(["合计", None, None, None, None, None, "=SUM(G4:G6)", None])
    sheet.column_dimensions["H"].hidden = True  # the office's own remarks, hidden
    book.save(HERE / "ledger-office.xlsx")


def semicolon_csv() -> None:
    lines = ["北京市对口支援资金台账（示例数据）", ";".join(HEADERS[:6] + ["金额"])]
    for reference, kind, _day, donor, place, sector, amount, _note in ROWS:
        lines.append(f"{reference};{kind};45383;{donor};{place};{sector};{amount}万")
    lines.append("合计;;;;;;239.5万")
    (HERE / "ledger-semicolon-gb18030.csv").write_bytes("\r\n".join(lines).encode("gb18030"))


if __name__ == "__main__":
    office_xlsx()
    semicolon_csv()
