"""Roster files in and out: XLSX (openpyxl) and CSV in UTF-8 (with or without BOM) or GBK/GB18030, as rows of
cells with their row numbers as the spreadsheet shows them (1-based).  Raw cell values are kept (numbers,
dates), so the import can tell an ID number Excel stored as a number from one typed as text."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from fieldgrid.model import ValidationError

MAX_BYTES = 50 * 1024 * 1024
SUFFIXES = (".xlsx", ".csv")


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")  # a superset of GBK and GB2312: what Excel on a Chinese Windows writes
    except UnicodeDecodeError:
        raise ValidationError("file", "error.roster.encoding") from None


def read_rows(path: Path) -> list[tuple[int, Sequence[object]]]:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValidationError("file", "error.roster.suffix", value=path.name)
    try:
        size = path.stat().st_size
    except OSError:
        raise ValidationError("file", "error.roster.missing", path=str(path)) from None
    if size > MAX_BYTES:
        raise ValidationError("file", "error.roster.too_large", path=str(path))
    if suffix == ".csv":
        text = _decode(path.read_bytes())
        return [(n, row) for n, row in enumerate(csv.reader(io.StringIO(text)), start=1)]
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise ValidationError("file", "error.roster.not_xlsx", path=path.name) from None
    try:
        sheet = book.worksheets[0]
        return [(n, list(row)) for n, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        book.close()
