"""The month in figures (``station report --summary``): a district's or a city's report, where the full one
would list every problem of hundreds of thousands.  Three sheets from each unit's :class:`UnitFigures`
(counted by :mod:`fieldgrid.station.summary`) — by street, by community, by unit — each with its totals row,
captioned for print like the full report: the first two as one XLSX workbook, every one as a CSV."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from fieldgrid.exports.monthly import Heading, PointRules, Tally, as_number, captioned
from fieldgrid.exports.tables import Sheet, csv_bytes, write_bytes, write_workbook
from fieldgrid.i18n import t
from fieldgrid.model.places import numbers_as_numbers

SHEETS = ("by_street", "by_community", "by_unit")
PRINTED = 2  # the sheets the workbook holds: by street and by community (a district's 21,750 units, ~500 pages
# and 350k cells, 4 s to write, go to their CSV only)
FIGURES = ("households", "visits", "errands", "mediations", "hazard_checks", "reported", "closed_with_feedback",
           "unsolvable_with_notice", "escalated", "open", "overdue", "points")  # fmt: skip
NONE = "—"  # a unit whose street or community its grid does not name


@dataclass(frozen=True)
class UnitFigures:
    """One unit's month (a community station's, at a street's station)."""

    street: str
    community: str
    leader: str
    grid: str
    households: int
    tally: Tally
    reported: int  # problems reported this month
    open: int  # open today
    overdue: int  # open past their due date today


def _numbers(f: UnitFigures, rules: PointRules) -> list[float]:
    done = f.tally
    return [f.households, sum(done.visits.values()), done.visits["errand"], done.visits["mediation"],
            done.visits["hazard_check"], f.reported, done.closed_with_feedback, done.unsolvable_with_notice,
            done.escalated, f.open, f.overdue, done.points(rules)]  # fmt: skip


def _sheet(
    name: str,
    keys: Sequence[str],
    figures: Sequence[UnitFigures],
    rules: PointRules,
    key: Callable[[UnitFigures], tuple[str, ...]],
    counted: bool,
) -> Sheet:
    """One row for each ``key`` (added up; ``counted``: with the number of units), sorted, and the totals."""
    groups: dict[tuple[str, ...], list[float]] = {}
    for f in figures:
        numbers = [1.0, *_numbers(f, rules)] if counted else _numbers(f, rules)
        held = groups.get(key(f))
        groups[key(f)] = numbers if held is None else [a + b for a, b in zip(held, numbers, strict=True)]
    rows: list[list[object]] = [[*(k or NONE for k in group), *(as_number(n) for n in numbers)]
                                for group, numbers in sorted(groups.items(), key=_in_order)]  # fmt: skip
    totals = [sum(column) for column in zip(*groups.values(), strict=True)] or [0.0] * (len(FIGURES) + counted)
    rows.append([t("report.total"), *([""] * (len(keys) - 1)), *(as_number(n) for n in totals)])
    headers = [t(f"report.col.{k}") for k in keys] + ([t("report.col.units")] if counted else [])
    return Sheet(t(f"report.sheet.{name}"), [*headers, *(t(f"report.col.{c}") for c in FIGURES)], rows)


def _in_order(item: tuple[tuple[str, ...], list[float]]) -> tuple[str, ...]:
    return tuple(map(numbers_as_numbers, item[0]))  # 街道2 before 街道10


def summary_sheets(
    figures: Sequence[UnitFigures], month: str, rules: PointRules, today: dt.date, heading: Heading
) -> list[Sheet]:
    """The three sheets of ``month``, captioned (``高新区 街道汇总 2026年5月``, the station and the date made)."""
    sheets = [
        _sheet("by_street", ("street",), figures, rules, lambda f: (f.street,), True),
        _sheet("by_community", ("street", "community"), figures, rules, lambda f: (f.street, f.community), True),
        _sheet("by_unit", ("street", "community", "grid", "leader"), figures, rules,
               lambda f: (f.street, f.community, f.grid, f.leader), False),
    ]  # fmt: skip
    return [captioned(sheet, month, today, heading, 1) for sheet in sheets]


def summary_paths(out: Path, month: str) -> list[Path]:
    """The workbook (``月度汇总-2026-05.xlsx``) and a CSV a sheet, named in the interface's language."""
    return [out / f"{t('report.file.summary')}-{month}.xlsx",
            *(out / f"{t(f'report.file.{name}')}-{month}.csv" for name in SHEETS)]  # fmt: skip


def write_summary(out: Path, month: str, sheets: Sequence[Sheet]) -> list[Path]:
    """The workbook of the sheets that print (by street, by community) and a CSV of every sheet; the paths."""
    paths = summary_paths(out, month)
    write_workbook(paths[0], sheets[:PRINTED])
    for path, sheet in zip(paths[1:], sheets, strict=True):
        write_bytes(path, csv_bytes(sheet))
    return paths
