"""What a station keeps plain beside each record it seals: the few fields its month's figures are counted by
(``records.kind``, ``at``, ``ref`` and ``facts``), so a district's figures are counted by the database without
opening millions of sealed documents.  Never a name, a phone number, an address or a free text:

- a visit: its kind, its time, and the visit it replaces (``corrects``, an id);
- a problem event: its kind, its time, its problem (an id) and its data *masked*: the values the ledger's rules
  choose by kept (category, urgency, an escalation's target, a decision's outcome, a feedback's channel, a
  closing's resolution, ids), every other text replaced by ``…`` (or left empty when it was), so the status the
  model derives from the masked log is the status of the real one (the rules look only at whether a reason,
  a text or a notice was given);
- a household: its residency (whether it is still served);
- a correction: the kind of record it corrects, its time, its target (an id) and whether it voids it.

Pure functions of a stored document; the station writes them with the sealed document in the same row."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from fieldgrid.model.ledger import ProblemFigures, ProblemView
from fieldgrid.model.problem import ESCALATION_TARGETS, ProblemEvent
from fieldgrid.record import json_text
from fieldgrid.record.tables import CORRECTIONS, HOUSEHOLDS, PROBLEM_EVENTS, VISITS

MASK = "…"
KEPT = frozenset({"category", "urgency", "outcome", "how", "resolution", "household_id", "emergency", "source"})
Plain = tuple[str | None, str | None, str | None, str | None]  # kind, at, ref, facts
NONE: Plain = (None, None, None, None)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def masked(value: Any, key: str = "") -> Any:
    """``value`` with every free text in it replaced by :data:`MASK` (an empty one stays empty); what the ledger's
    rules choose by (:data:`KEPT`, an escalation's ``to``) as it is."""
    if isinstance(value, Mapping):
        return {str(k): masked(v, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [masked(v) for v in value]
    if not isinstance(value, str):
        return value  # a number, a truth value, null: no text to hide
    if key in KEPT or (key == "to" and value in ESCALATION_TARGETS):
        return value
    return MASK if value.strip() else ""


def problem_of(event: Mapping[str, Any]) -> str | None:
    """A problem event's problem, as its ``ref`` column holds it."""
    return _text(event.get("problem_id"))


def plain_columns(tbl: str, doc: Mapping[str, Any]) -> Plain:
    """The plain columns of a stored record (all ``None`` for a table the figures do not count)."""
    if tbl == PROBLEM_EVENTS:
        facts = json_text.dumps(masked(doc.get("data") or {}))
        return _text(doc.get("kind")), _text(doc.get("at")), problem_of(doc), facts
    if tbl == VISITS:
        return _text(doc.get("kind")), _text(doc.get("at")), _text(doc.get("corrects")), None
    if tbl == HOUSEHOLDS:
        return _text(doc.get("residency")), None, None, None
    if tbl == CORRECTIONS:
        void = json_text.dumps({"void": bool(doc.get("void"))})
        return _text(doc.get("record")), _text(doc.get("at")), _text(doc.get("target")), void
    return NONE


PlainEvent = tuple[Any, ...]  # (device, problem, id, kind, at, stamp, facts): a problem event's plain columns


def plain_event(row: PlainEvent) -> ProblemEvent:
    """A problem event as its plain columns give it: its data masked."""
    _, problem, rid, kind, at, stamp, facts = row
    data = json_text.loads(facts) if facts else {}
    return ProblemEvent(str(problem), str(kind or ""), str(at or ""), data, str(stamp or ""), str(rid))


def problem_states(rows: Iterable[PlainEvent]) -> list[tuple[Any, ...]]:
    """Each problem's figures (:class:`ProblemFigures`) from the plain columns of its events, a problem of each
    device its events are filed under (as a unit's ledger reads them), as the station's ``problems`` rows:
    (device, problem, reported_at, due, status, closed_at, feedback, escalated as JSON).  An orphan log
    (no ``reported`` event) has none."""
    logs: dict[tuple[str, str], list[ProblemEvent]] = {}
    for row in rows:
        logs.setdefault((str(row[0]), str(row[1])), []).append(plain_event(row))
    out: list[tuple[Any, ...]] = []
    for (device, problem), log in logs.items():
        view = ProblemView.from_events(log)
        if view is None:
            continue
        f = ProblemFigures.of(view)
        out.append((device, problem, f.reported_at, f.due, f.status, f.closed_at, f.feedback,
                    json_text.dumps(list(f.escalated))))  # fmt: skip
    return out


def figures_of(row: Sequence[Any]) -> ProblemFigures:
    """A row of the station's count of alike problems: (device, reported month, due, status, closed month,
    feedback, escalated as JSON, how many)."""
    _, reported, due, status, closed, feedback, escalated, n = row
    times = tuple(json_text.loads(escalated)) if escalated and escalated != "[]" else ()
    return ProblemFigures(str(reported or ""), str(due), str(status), closed, int(feedback), times, int(n))
