"""The service station's monthly reports over many units: the ledger summary (联动处理), common problems by
category and building (联动分析), and each leader's tallies and points (激励: 积分) by a rule table the
operator edits.

Pure tables from model objects (one :class:`UnitMonth` per leader's unit); :func:`write_monthly` writes them
as one XLSX workbook plus one CSV per table.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from fieldgrid.exports.joint import PatrolRow, joint_sheets
from fieldgrid.exports.scenario_fields import NAME as FIELDS_SHEET
from fieldgrid.exports.scenario_fields import fields_sheet
from fieldgrid.exports.tables import Sheet, csv_bytes, write_bytes, write_workbook
from fieldgrid.i18n import label, t
from fieldgrid.ledger.export import ledger_row, month_views
from fieldgrid.model import ValidationError
from fieldgrid.model.ledger import ProblemFigures
from fieldgrid.model.problem import CATEGORIES
from fieldgrid.model.unit_month import UnitMonth
from fieldgrid.model.visit import VISIT_KINDS

# Points by default: the operator's copy (``points.json`` in the station home) overrides these.
DEFAULT_POINTS: dict[str, dict[str, float]] = {
    "visit": {"routine": 1, "follow_up": 1, "errand": 2, "mediation": 3, "hazard_check": 2, "policy": 1},
    "problem": {"closed_with_feedback": 3, "unsolvable_with_notice": 2, "escalated": 1},
}
PROBLEM_RULES = ("closed_with_feedback", "unsolvable_with_notice", "escalated")
BALANCE_COLUMNS = ("earned", "redeemed", "balance")
TALLY_COLUMNS = ("leader", "grid", "households", "visits", "errands", "mediations", "hazard_checks",
                 "closed_with_feedback", "unsolvable_with_notice", "escalated", "points")  # fmt: skip


@dataclass(frozen=True)
class PointRules:
    visit: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_POINTS["visit"]))
    problem: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_POINTS["problem"]))

    @classmethod
    def from_doc(cls, doc: Any, kinds: Collection[str] = VISIT_KINDS) -> PointRules:
        """Rules from the operator's JSON; :class:`ValidationError` naming the bad entry.  ``kinds``: the visit
        kinds points may be given for (a published scenario pack's too)."""
        if not isinstance(doc, dict):
            raise ValidationError("points", "error.points.shape")
        tables: dict[str, dict[str, float]] = {}
        for part, known in (("visit", kinds), ("problem", PROBLEM_RULES)):
            given = doc.get(part, DEFAULT_POINTS[part])
            if not isinstance(given, dict):
                raise ValidationError(f"points.{part}", "error.points.shape")
            for key, value in given.items():
                if key not in known:
                    raise ValidationError(f"points.{part}.{key}", "error.points.unknown", entry=key)
                if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                    raise ValidationError(f"points.{part}.{key}", "error.points.value", entry=key, value=value)
            tables[part] = {**DEFAULT_POINTS[part], **given}
        return cls(visit=tables["visit"], problem=tables["problem"])

    def to_doc(self) -> dict[str, dict[str, float]]:
        return {"visit": dict(self.visit), "problem": dict(self.problem)}


def load_rules(path: Path, kinds: Collection[str] = VISIT_KINDS) -> PointRules:
    """The operator's rule table; the defaults when there is none.  A file that is not valid JSON is a
    :class:`ValidationError` too (never silently replaced)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return PointRules()
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValidationError("points", "error.points.json", path=str(path), reason=exc.msg) from None
    return PointRules.from_doc(doc, kinds)


def _in_month(iso: str | None, month: str) -> bool:
    return bool(iso and iso.startswith(month))


@dataclass(frozen=True)
class Tally:
    visits: Counter[str]
    closed_with_feedback: int
    unsolvable_with_notice: int
    escalated: int

    def points(self, rules: PointRules) -> float:
        total = sum(rules.visit.get(kind, 0) * n for kind, n in self.visits.items())
        total += rules.problem.get("closed_with_feedback", 0) * self.closed_with_feedback
        total += rules.problem.get("unsolvable_with_notice", 0) * self.unsolvable_with_notice
        total += rules.problem.get("escalated", 0) * self.escalated
        return total


def tally(unit: UnitMonth, month: str, *, to_date: bool = False) -> Tally:
    """What the leader did in ``month`` (``to_date``: in every month up to and including it): visits by kind,
    problems closed after feedback (or with a notice), problems escalated."""
    kinds = Counter(v.kind for v in unit.visits if _counts(v.at, month, to_date))
    return Tally(kinds, *problem_tally(map(ProblemFigures.of, unit.problems), month, to_date=to_date))


def _counts(iso: str | None, month: str, to_date: bool) -> bool:
    if to_date:
        return bool(iso) and len(iso or "") >= 7 and (iso or "")[:7] <= month
    return _in_month(iso, month)


def problem_tally(problems: Iterable[ProblemFigures], month: str, *, to_date: bool = False) -> tuple[int, int, int]:
    """Of ``problems`` (each ``n`` alike), how many were closed after feedback, closed with a notice
    (unsolvable), and escalations made, in ``month`` (``to_date``: up to and including it)."""
    closed = unsolvable = escalated = 0
    for problem in problems:
        if problem.status == "closed" and _counts(problem.closed_at, month, to_date) and problem.feedback:
            closed += problem.n
        elif problem.status == "unsolvable" and _counts(problem.closed_at, month, to_date):
            unsolvable += problem.n
        escalated += problem.n * sum(1 for at in problem.escalated if _counts(at, month, to_date))
    return closed, unsolvable, escalated


def as_number(value: float) -> int | float:
    """A count or points as a sheet shows them: ``3``, not ``3.0``; ``2.5`` as it is."""
    return int(value) if value == int(value) else value


def tally_sheet(
    units: Sequence[UnitMonth], month: str, rules: PointRules, balances: Mapping[str, tuple[float, float]] | None = None
) -> Sheet:
    """Each leader's month: visits by kind, problems closed, escalated, points; with ``balances`` (by unit: points
    earned to date, redeemed) also those and the balance (激励)."""
    scored: list[tuple[float, str, list[object]]] = []  # (points, grid, row): most points first, then by grid
    for unit in units:
        done = tally(unit, month)
        points = done.points(rules)
        row: list[object] = [
            unit.leader, unit.grid, sum(not h.is_ended for h in unit.households), sum(done.visits.values()),
            done.visits["errand"],
            done.visits["mediation"], done.visits["hazard_check"], done.closed_with_feedback,
            done.unsolvable_with_notice, done.escalated, as_number(points),
        ]  # fmt: skip
        if balances is not None:
            earned, redeemed = balances.get(unit.grid, (points, 0.0))
            row += [as_number(earned), as_number(redeemed), as_number(earned - redeemed)]
        scored.append((points, str(unit.grid), row))
    scored.sort(key=lambda s: (-s[0], s[1]))
    rows = [row for _, _, row in scored]
    columns = TALLY_COLUMNS + (BALANCE_COLUMNS if balances is not None else ())
    totals: list[object] = [t("report.total"), ""]
    for n in range(2, len(columns)):
        totals.append(as_number(sum(float(str(row[n])) for row in rows)))  # the counts and points: numbers
    return Sheet(t("report.sheet.tallies"), [t(f"report.col.{c}") for c in columns], [*rows, totals])


def common_problems_sheet(units: Sequence[UnitMonth], month: str) -> Sheet:
    """Problems reported in ``month`` by category (rows) and building with its compound (columns: two compounds'
    6栋 are two columns), with totals."""
    buildings = sorted({u.place for u in units})
    counts: Counter[tuple[str, str]] = Counter()
    for unit in units:
        for view in unit.problems:
            if _in_month(view.reported_at, month):
                counts[(view.report.category, unit.place)] += 1
    counted: list[tuple[str, list[int]]] = []  # (category label, [count per building..., total])
    for category in dict.fromkeys([*CATEGORIES, *sorted(c for c, _ in counts)]):  # a scenario pack's too
        cells = [counts[(category, b)] for b in buildings]
        if any(cells):
            counted.append((label("category", category), [*cells, sum(cells)]))
    counted.sort(key=lambda c: -c[1][-1])
    totals = [sum(numbers[i] for _, numbers in counted) for i in range(len(buildings) + 1)]
    rows: list[list[object]] = [[name, *numbers] for name, numbers in counted]
    rows.append([t("report.total"), *totals])
    headers = [t("report.col.category"), *buildings, t("report.total")]
    return Sheet(t("report.sheet.common"), headers, rows)


def ledger_sheet(units: Sequence[UnitMonth], month: str, today: dt.date) -> Sheet:
    from fieldgrid.ledger.export import COLUMNS

    rows: list[list[str]] = []
    for unit in units:
        households = {h.id: h for h in unit.households}
        rows.extend([unit.grid, *ledger_row(v, households, today, grid_kind=unit.grid_kind, area=unit.area)]
                    for v in month_views(unit.problems, month))  # fmt: skip
    rows.sort(key=lambda r: (r[0], r[2]))
    headers = [t("report.col.grid"), *(t(f"export.ledger.col.{c}") for c in COLUMNS)]
    return Sheet(t("report.sheet.ledger"), headers, rows)


SHEETS = ("ledger", "common", "tallies", "patrols", "handling", "repeats", "long_open", "feedback")
TOTALLED = ("common", "tallies")  # the sheets whose last row is a totals row


@dataclass(frozen=True)
class Heading:
    """Who a report is from, printed above every sheet: the community (or the station's name) and the station."""

    community: str = ""
    station: str = ""


def monthly_sheets(
    units: Sequence[UnitMonth],
    month: str,
    rules: PointRules,
    today: dt.date,
    heading: Heading | None = None,
    balances: Mapping[str, tuple[float, float]] | None = None,
    patrols: Sequence[PatrolRow] = (),
    companies: Mapping[str, str] | None = None,
) -> list[Sheet]:
    """Every sheet of the month (:data:`SHEETS`); with a ``heading``, captioned for print (``子龙社区 问题台账汇总
    2026年11月``, the station and the date made) and their totals rows marked.  ``balances`` (by unit: points
    earned to date, redeemed), ``patrols`` and ``companies`` (compound → its property company) are what only the
    station knows."""
    sheets = [ledger_sheet(units, month, today), common_problems_sheet(units, month),
              tally_sheet(units, month, rules, balances),
              *joint_sheets(units, month, today, patrols, companies)]  # fmt: skip
    extra = fields_sheet(units, month)
    names: tuple[str, ...] = SHEETS
    if extra is not None:  # a scenario pack's extra fields were filled in this month
        sheets.append(extra)
        names = (*SHEETS, FIELDS_SHEET)
    if heading is None:
        return sheets
    return [captioned(sheet, month, today, heading, 1 if name in TOTALLED else 0)
            for name, sheet in zip(names, sheets, strict=True)]  # fmt: skip


def captioned(sheet: Sheet, month: str, today: dt.date, heading: Heading, totals: int) -> Sheet:
    """``sheet`` captioned for print (``子龙社区 问题台账汇总 2026年11月``; the station, its rows but the last
    ``totals``, the date made), its last ``totals`` rows marked as totals."""
    year, number = month.split("-")
    caption = t("report.caption", community=heading.community, what=sheet.title, year=year, month=int(number))
    subtitle = t("report.subtitle", station=heading.station, date=today.isoformat(), count=len(sheet.rows) - totals)
    return replace(sheet, caption=caption.strip(), subtitle=subtitle, total_rows=totals)


def report_paths(out: Path, month: str, *, fields: bool = False) -> list[Path]:
    """The workbook and a CSV per sheet, named in the interface's language (``月度报表-2026-11.xlsx``,
    ``问题台账-2026-11.csv``, …); with ``fields``, the scenario records' CSV last."""
    extra = [out / f"{t('scenario.report.file')}-{month}.csv"] if fields else []
    return [out / f"{t('report.file.workbook')}-{month}.xlsx",
            *(out / f"{t(f'report.file.{name}')}-{month}.csv" for name in SHEETS), *extra]  # fmt: skip


def is_empty(units: Sequence[UnitMonth], month: str) -> bool:
    """Nothing happened in ``month``: no problem reported or changed, no visit."""
    return not any(
        _in_month(v.at, month) for u in units for v in u.visits
    ) and not any(month_views(u.problems, month) for u in units)


def write_monthly(out: Path, month: str, sheets: Sequence[Sheet]) -> list[Path]:
    """The month's ``sheets`` (:func:`monthly_sheets`) as one workbook and a CSV each in ``out``; the paths."""
    paths = report_paths(out, month, fields=len(sheets) > len(SHEETS))
    write_workbook(paths[0], sheets)
    for path, sheet in zip(paths[1:], sheets, strict=True):
        write_bytes(path, csv_bytes(sheet))
    return paths
