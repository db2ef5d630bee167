"""A month's problem ledger (问题台账) as the community expects it: CSV (UTF-8 with BOM, so Excel and WPS open
the Chinese correctly) or XLSX (openpyxl, imported only here).

The month's ledger holds the problems *reported* in that month, oldest first, each with what was done, what
came of it, who was told and when it was closed.  Headers and labels follow the interface language (Chinese
by default).  Files are written to a temp file beside the target and renamed, so a full disk or a pulled
stick never leaves half a spreadsheet under the real name.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import label, t
from ..ledger_text import event_summary
from ..model import Household
from ..model.ledger import ProblemView
from ..model.problem import ProblemEvent
from ..store.atomic_storage import atomic_write_bytes

if TYPE_CHECKING:
    from ..store import Store

COLUMNS = (
    "number",
    "found_at",
    "place",
    "category",
    "description",
    "handling",
    "result",
    "feedback",
    "status",
    "closed_at",
)
MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
SUFFIXES = (".csv", ".xlsx")


def parse_month(text: str) -> str:
    """``YYYY-MM`` or :class:`ValueError`."""
    if not MONTH_RE.match(text.strip()):
        raise ValueError(text)
    return text.strip()


def _when(iso: str | None) -> str:
    return iso.replace("T", " ")[:16] if iso else ""


def place_of(view: ProblemView, households: Mapping[str, Household]) -> str:
    household = households.get(view.report.household_id or "")
    if household is None:
        return view.report.place or view.report.household_id or ""
    where = "".join(p for p in (household.building, household.unit, household.room) if p)
    return " ".join(p for p in (where, household.head_name) if p)


def _dated(event: ProblemEvent, text: str) -> str:
    return f"{_when(event.at)[5:10]} {text}"


def ledger_row(view: ProblemView, households: Mapping[str, Household], today: dt.date) -> list[str]:
    """One problem as the ten columns of :data:`COLUMNS`."""
    handling = [_dated(e, event_summary(e)) for e in view.of_kind("handled", "escalated")]
    result = [_dated(e, event_summary(e)) for e in view.of_kind("decision")]
    if view.status == "unsolvable" and view.state.notice:
        result.append(t("ledger.text.notice", text=view.state.notice))
    elif view.status in ("closed", "resolved") and not result:
        result.append(label("outcome", "resolved"))
    feedback = [_dated(e, event_summary(e)) for e in view.feedback]
    status = label("status", view.status)
    if view.overdue(today):
        status = t("export.ledger.overdue", status=status)
    return [
        view.id[:8].upper(),
        _when(view.reported_at),
        place_of(view, households),
        label("category", view.report.category),
        view.report.description,
        "；".join(handling),
        "；".join(result),
        "；".join(feedback),
        status,
        _when(view.state.closed_at),
    ]


def month_views(views: Sequence[ProblemView], month: str) -> list[ProblemView]:
    return sorted((v for v in views if v.reported_at.startswith(month)), key=lambda v: v.reported_at)


def ledger_table(store: Store, month: str) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of ``month``'s ledger."""
    households = {h.id: h for h in store.households()}
    today = store.now().date()
    rows = [ledger_row(v, households, today) for v in month_views(store.problems(), month)]
    return [t(f"export.ledger.col.{c}") for c in COLUMNS], rows


def csv_bytes(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    wide = {"description", "handling", "result", "feedback", "place"}
    for n, column in enumerate(COLUMNS[: len(headers)], start=1):
        sheet.column_dimensions[get_column_letter(n)].width = 36 if column in wide else 16
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_table(path: Path, title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """CSV or XLSX by the file's suffix (:class:`ValueError` for another), written atomically."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(path.suffix)
    data = csv_bytes(headers, rows) if suffix == ".csv" else xlsx_bytes(title, headers, rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, data)
    if os.name == "posix":
        os.chmod(path, 0o600)  # it names residents: readable by the leader only


def write_ledger(path: Path, store: Store, month: str) -> int:
    """Write ``month``'s ledger to ``path`` (``.csv`` or ``.xlsx``); the number of problems written."""
    headers, rows = ledger_table(store, parse_month(month))
    write_table(Path(path), t("export.ledger.sheet", month=month), headers, rows)
    return len(rows)
