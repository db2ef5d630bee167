"""Tables into files: CSV in UTF-8 with a BOM (so Excel and WPS read the Chinese right) and XLSX workbooks
(openpyxl, imported only here, when a workbook is written).  Every file is written to a temp file beside
the target and renamed, so a full disk or a pulled stick never leaves half a spreadsheet under the real
name; files name residents, so only their owner may read them.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fieldgrid.fsutil import atomic_write_bytes
from fieldgrid.text import display_width

SUFFIXES = (".csv", ".xlsx")
MAX_WIDTH = 40  # characters: longer text wraps inside the cell


@dataclass(frozen=True)
class Sheet:
    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[object]]


def csv_bytes(sheet: Sheet) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(sheet.headers)
    writer.writerows(sheet.rows)
    return buffer.getvalue().encode("utf-8-sig")


def _width(values: Sequence[object]) -> int:
    return min(MAX_WIDTH, max((display_width(str(v)) for v in values if v is not None), default=4) + 2)


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    """One workbook, a worksheet per sheet: bold frozen header, columns sized to their text, long text wrapped."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.worksheets[0])  # the default empty sheet a new workbook starts with (its active one)
    for sheet in sheets:
        ws = book.create_sheet(sheet.title[:31])
        ws.append(list(sheet.headers))
        for row in sheet.rows:
            ws.append(list(row))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        for n, header in enumerate(sheet.headers):
            column = [header, *(row[n] for row in sheet.rows if n < len(row))]
            ws.column_dimensions[get_column_letter(n + 1)].width = _width(column)
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


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
