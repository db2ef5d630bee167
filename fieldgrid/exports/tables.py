"""Tables into files: CSV in UTF-8 with a BOM (so Excel and WPS read the Chinese right) and XLSX workbooks
(openpyxl, imported only here, when a workbook is written).  Every file is written to a temp file beside
the target and renamed, so a full disk or a pulled stick never leaves half a spreadsheet under the real
name; files name residents, so only their owner may read them.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldgrid.fsutil import atomic_write_bytes
from fieldgrid.text import display_width

SUFFIXES = (".csv", ".xlsx")
MAX_WIDTH = 40  # characters: longer text wraps inside the cell
PRINT_MAX_WIDTH = 30  # a printed report's columns: narrower, so a month's ledger fits one A4 page wide
LINE_POINTS = 15.0  # the height of one line of 11-point text, Chinese included, with its leading
PRINT_FOOTER = "&P / &N"  # page n of m


@dataclass(frozen=True)
class Sheet:
    """A table; with a ``caption`` it is a report that prints: the caption and ``subtitle`` above the header,
    the last ``total_rows`` rows in bold (the totals)."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[object]]
    caption: str = ""  # 子龙社区 微网格问题台账 2026年11月
    subtitle: str = ""  # who made it and when
    total_rows: int = 0


def csv_bytes(sheet: Sheet) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(sheet.headers)
    writer.writerows(sheet.rows)
    return buffer.getvalue().encode("utf-8-sig")


def _width(values: Sequence[object], limit: int = MAX_WIDTH) -> int:
    return min(limit, max((display_width(str(v)) for v in values if v is not None), default=4) + 2)


def lines_in(value: object, width: float) -> int:
    """How many lines ``value`` takes wrapped in a column ``width`` characters wide (a Chinese character is
    two), each of its own lines counted."""
    if value is None or value == "":
        return 1
    room = max(1.0, width - 1.5)  # the cell's padding
    text = str(value)
    if 2 * len(text) <= room and "\n" not in text:  # fits even if every character is wide: no need to measure
        return 1
    return sum(max(1, -(-display_width(line) // int(room))) for line in text.split("\n"))


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    """One workbook, a worksheet per sheet: bold frozen header, columns sized to their text, long text wrapped.
    A sheet with a caption is laid out for paper as well (:func:`_for_print`).  Each kind of cell is styled
    once and its style copied to the others of its kind (openpyxl compares every style it is given with those it
    holds: a street's month of rows styled one by one took minutes)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.worksheets[0])  # the default empty sheet a new workbook starts with (its active one)
    for sheet in sheets:
        ws = book.create_sheet(sheet.title[:31])
        top = 3 if sheet.caption else 1  # the header's row
        if sheet.caption:
            ws.append([sheet.caption])
            ws.append([sheet.subtitle])
        ws.append(list(sheet.headers))
        for row in sheet.rows:
            ws.append(list(row))
        for cell in ws[top]:
            cell.font = Font(bold=True)
        ws.freeze_panes = f"A{top + 1}"
        limit = PRINT_MAX_WIDTH if sheet.caption else MAX_WIDTH
        widths = []
        for n, header in enumerate(sheet.headers):
            column = [header, *(row[n] for row in sheet.rows if n < len(row))]
            widths.append(_width(column, limit))
            ws.column_dimensions[get_column_letter(n + 1)].width = widths[-1]
        wrapped = Alignment(wrap_text=True, vertical="top")
        _style_like(ws.iter_rows(min_row=top + 1), alignment=wrapped)
        if sheet.caption:
            _for_print(ws, sheet, widths)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _style_like(rows: Iterable[Sequence[Any]], **style: Any) -> None:
    """Give every cell of ``rows`` ``style`` (added to what it has): set on the first cell of each distinct style
    it starts from, copied to the rest."""
    from copy import copy

    done: dict[Any, Any] = {}
    for row in rows:
        for cell in row:
            key = tuple(cell._style or ())  # the cell's style as indices into the workbook's lists (none: default)
            like = done.get(key)
            if like is None:
                for name, value in style.items():
                    setattr(cell, name, value)
                done[key] = cell
            else:
                cell._style = copy(like._style)


def _for_print(ws: Any, sheet: Sheet, widths: Sequence[float]) -> None:
    """A report as an office files it: the caption over the whole width, the header ruled, shaded and repeated
    on every page, each row as tall as its most wrapped cell (so no text prints over the next row), the totals
    in bold, A4 landscape fitted to one page wide, page numbers in the footer."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    columns = max(1, len(sheet.headers))
    last = get_column_letter(columns)
    ws.merge_cells(f"A1:{last}1")
    ws.merge_cells(f"A2:{last}2")
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws["A2"].alignment = Alignment(horizontal="right")
    ws.row_dimensions[1].height = 24
    thin = Side(style="thin", color="808080")
    ruled = Border(left=thin, right=thin, top=thin, bottom=thin)
    header = ws.iter_rows(min_row=3, max_row=3, max_col=columns)
    _style_like(header, fill=PatternFill("solid", fgColor="E8E8E8"),
                alignment=Alignment(wrap_text=True, vertical="center", horizontal="center"))  # fmt: skip
    table: list[list[object]] = [list(sheet.headers), *(list(r) for r in sheet.rows)]
    for n, values in enumerate(table):
        tall = max((lines_in(v, widths[i]) for i, v in enumerate(values) if i < len(widths)), default=1)
        ws.row_dimensions[n + 3].height = LINE_POINTS * tall + 4
    _style_like(ws.iter_rows(min_row=3, max_col=columns), border=ruled)
    if sheet.total_rows:
        first = 3 + len(sheet.rows) - sheet.total_rows + 1
        _style_like(ws.iter_rows(min_row=first, max_row=2 + len(table), max_col=columns), font=Font(bold=True))
    ws.print_title_rows = "3:3"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as it takes
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = PRINT_FOOTER


def write_bytes(path: Path, data: bytes) -> None:
    """``data`` to ``path`` atomically, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, data)
    if os.name == "posix":
        os.chmod(path, 0o600)


def write_table(path: Path, sheet: Sheet) -> None:
    """One table as CSV or XLSX, by the file's suffix (:class:`ValueError` for another)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(path.suffix)
    write_bytes(path, csv_bytes(sheet) if suffix == ".csv" else xlsx_bytes([sheet]))


def write_workbook(path: Path, sheets: Sequence[Sheet]) -> None:
    write_bytes(path, xlsx_bytes(sheets))
