"""The monthly report's sheet of scenario records (场景记录): every visit and patrol of the month that carries a
scenario pack's extra fields, one row each, one column per field (named by its label; a field of a pack version
no longer in force keeps the label it had, or its code).  Added to the workbook only when the month has such a
record, so a station that publishes no pack gets the report it always had."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fieldgrid.exports.tables import Sheet
from fieldgrid.i18n import label, t
from fieldgrid.model.unit_month import UnitMonth

NAME = "fields"  # the sheet's name among the report's (its CSV: ``场景记录-2026-11.csv``)


def _value(code: str, value: Any) -> object:
    if isinstance(value, bool):
        return t("scenario.report.yes") if value else t("scenario.report.no")
    if isinstance(value, str):
        return label("field_choice", f"{code}.{value}")
    return value


def fields_sheet(units: Sequence[UnitMonth], month: str) -> Sheet | None:
    """The month's records with extra fields, by unit and time; ``None`` when there are none."""
    found: list[tuple[str, str, str, str, str, dict[str, Any]]] = []  # grid, at, record, what, where, fields
    for unit in units:
        rooms = {h.id: unit.where(h) for h in unit.households}
        for visit in unit.visits:
            if visit.fields and visit.at.startswith(month):
                found.append((unit.grid, visit.at, t("scenario.report.visit"), label("visit_kind", visit.kind),
                              rooms.get(visit.household_id, ""), dict(visit.fields)))  # fmt: skip
        for patrol in unit.patrols:
            if patrol.fields and patrol.at.startswith(month):
                what = label("checklist", patrol.checklist) if patrol.checklist else t("scenario.report.patrol")
                findings = "；".join(f"{label('patrol_item', i.item)}：{i.finding}" for i in patrol.findings)
                found.append((unit.grid, patrol.at, t("scenario.report.patrol"), what, findings, dict(patrol.fields)))
    if not found:
        return None
    codes = list(dict.fromkeys(code for *_, fields in found for code in fields))
    found.sort(key=lambda r: (r[0], r[1]))
    rows = [[grid, at.replace("T", " "), record, what, where, *(_value(c, fields[c]) if c in fields else ""
                                                               for c in codes)]
            for grid, at, record, what, where, fields in found]  # fmt: skip
    headers = [t("report.col.grid"), *(t(f"scenario.report.col.{c}") for c in ("at", "record", "what", "where")),
               *(label("field", c) for c in codes)]  # fmt: skip
    return Sheet(t("scenario.report.sheet"), headers, rows)
