"""The weekly report as an Excel workbook (openpyxl): a sheet per section, bold headers,
column widths that fit Chinese text, dates as real dates and rates as percentages."""

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from rich.cells import cell_len

from xinfang_cli.i18n import t
from xinfang_cli.render.report_sections import Section

HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
MAX_WIDTH = 60  # a long summary wraps instead of stretching the sheet


def write_xlsx(sections: list[Section], heading: list[str], path: Path) -> None:
    """Write one sheet per section; the report's heading stands above each table."""
    book = Workbook()
    book.remove(book.active)
    for section in sections:
        _sheet(book, section, heading)
    book.save(path)


def _sheet(book: Workbook, section: Section, heading: list[str]) -> None:
    sheet = book.create_sheet(t(f"rpt.sheet.{section.key}")[:31])
    sheet.append([heading[0]])
    sheet.append([f"{heading[1]}  {heading[2]}"])
    sheet.append([section.title])
    for row_no in (1, 3):
        sheet.cell(row=row_no, column=1).font = Font(bold=True, size=12 if row_no == 1 else 11)
    sheet.append([c.title for c in section.columns])
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in section.rows:
        sheet.append([_value(v) for v in row])
        _format_row(sheet, sheet.max_row, section)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    _widths(sheet, section)


def _value(value: Any) -> Any:
    return "" if value is None else value


def _format_row(sheet: Any, row_no: int, section: Section) -> None:
    for col_no, col in enumerate(section.columns, start=1):
        cell = sheet.cell(row=row_no, column=col_no)
        if isinstance(cell.value, date):
            cell.number_format = "yyyy-mm-dd"
        elif col.kind == "rate" or (col.kind == "auto" and isinstance(cell.value, float)):
            cell.number_format = "0.0%"
        if col.key in ("summary", "note"):
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _widths(sheet: Any, section: Section) -> None:
    """Fit each column to its longest cell, counting a Chinese character as two."""
    for col_no, col in enumerate(section.columns, start=1):
        cells = [col.title] + [_shown(r[col_no - 1]) for r in section.rows]
        width = max(cell_len(c) for c in cells) + 2
        sheet.column_dimensions[get_column_letter(col_no)].width = min(max(width, 8), MAX_WIDTH)


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value * 100:.1f}%"
    return str(value)
