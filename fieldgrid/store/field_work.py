"""The field work's records: visits, patrols and the problem ledger's events.  A mixin of
:class:`~fieldgrid.store.repository.Store`, kept apart so each module holds one thing.

All three are append-only: a visit or patrol is never edited (a correction is a new record pointing at the
old one) and a problem is its event log, never rewritten.  Problem views are derived from the log and kept
until the next write.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from fieldgrid.model import ValidationError, ValidationErrors
from fieldgrid.model.household import new_id
from fieldgrid.model.ledger import ProblemView, Report, build_views, validate_report
from fieldgrid.model.problem import ProblemEvent, check_append
from fieldgrid.model.visit import Visit, validate_visit
from fieldgrid.record import meta as records
from fieldgrid.record.codec import event_doc, event_of
from fieldgrid.record.tables import PATROLS, PROBLEM_EVENTS, VISITS
from fieldgrid.store.errors import ProblemNotFound

if TYPE_CHECKING:
    from tinydb import TinyDB

    from fieldgrid.model.patrol import Patrol

# fieldgrid.model.patrol is imported by the patrol methods: the first screen reads no patrol.

_SLACK = dt.timedelta(minutes=2)  # a clock a little ahead of the leader's watch is not "the future"


def minute(moment: dt.datetime) -> str:
    return moment.replace(second=0, microsecond=0).isoformat(timespec="minutes")


class FieldWork:
    """Visits, patrols and problems for :class:`Store` (which provides ``_db``, ``_change``, ``_now_ms``)."""

    _db: TinyDB
    _now_ms: Callable[[], int]
    device_id: str
    generation: int
    _views: tuple[int, list[ProblemView]] | None

    if TYPE_CHECKING:

        def _change(self) -> Any: ...
        def _household_docs(self) -> list[dict[str, Any]]: ...

    # -- time -------------------------------------------------------------------------------------

    def now(self) -> dt.datetime:
        """The local wall clock (naive, as the leader reads it), from the store's clock source."""
        return dt.datetime.fromtimestamp(self._now_ms() / 1000)

    def _when(self, at: str | None) -> str:
        return at if at else minute(self.now())

    # -- plumbing ---------------------------------------------------------------------------------

    def _docs(self, table: str) -> Iterator[dict[str, Any]]:
        for doc in self._db.table(table).all():
            if not records.is_deleted(doc):
                yield doc

    def _append(self, table: str, docs: list[dict[str, Any]]) -> None:
        with self._change() as stamp:
            self._db.table(table).insert_multiple(records.stamp_new(d, stamp, self.device_id) for d in docs)

    def _require_household(self, household_id: str, field: str = "household_id") -> None:
        if not any(d["id"] == household_id for d in self._household_docs()):
            raise ValidationErrors([ValidationError(field, "error.household.not_found", id=household_id)])

    # -- visits -----------------------------------------------------------------------------------

    def add_visit(self, visit: Visit) -> Visit:
        """Write a visit (``at`` empty: now).  A visit with ``corrects`` replaces that one in listings."""
        clean = validate_visit(dataclasses.replace(visit, at=self._when(visit.at)), self.now() + _SLACK)
        self._require_household(clean.household_id)
        if clean.corrects:
            corrected = next((d for d in self._docs(VISITS) if d["id"] == clean.corrects), None)
            if corrected is None:
                raise ValidationErrors([ValidationError("corrects", "error.visit.unknown", id=clean.corrects)])
            if corrected["household_id"] != clean.household_id:
                raise ValidationErrors([ValidationError("corrects", "error.visit.other_household")])
        if clean.seen:
            from fieldgrid.model import Household

            doc = next(d for d in self._household_docs() if d["id"] == clean.household_id)
            household = Household.from_doc(records.live_view(doc))
            members = {m.name for m in household.members} | {m.id for m in household.members}
            unknown = [name for name in clean.seen if name not in members]
            if unknown:
                raise ValidationErrors([ValidationError("seen", "error.visit.seen_unknown", name="、".join(unknown))])
        self._append(VISITS, [clean.to_doc()])
        return clean

    def visits(self, household_id: str | None = None, *, corrected: bool = False) -> list[Visit]:
        """Visits, newest first; those replaced by a correction are left out unless ``corrected``."""
        found = [Visit.from_doc(records.live_view(d)) for d in self._docs(VISITS)]
        if not corrected:
            replaced = {v.corrects for v in found if v.corrects}
            found = [v for v in found if v.id not in replaced]
        if household_id is not None:
            found = [v for v in found if v.household_id == household_id]
        found.sort(key=lambda v: v.at, reverse=True)
        return found

    def last_visits(self) -> dict[str, str]:
        """Each visited household's last visit time."""
        last: dict[str, str] = {}
        for doc in self._docs(VISITS):
            key, at = doc["household_id"], doc["at"]
            if at > last.get(key, ""):
                last[key] = at
        return last

    # -- patrols ----------------------------------------------------------------------------------

    def add_patrol(self, patrol: Patrol, reports: Mapping[str, Report] | None = None) -> tuple[Patrol, list[str]]:
        """Write a patrol and, in the same atomic write, a problem for each finding in ``reports``
        (item code → report).  Returns the patrol and the new problems' ids."""
        from fieldgrid.model.patrol import validate_patrol

        now = self.now()
        clean = validate_patrol(dataclasses.replace(patrol, at=self._when(patrol.at)), now + _SLACK)
        findings = {item.item for item in clean.findings}
        events: list[dict[str, Any]] = []
        ids: list[str] = []
        for code, report in (reports or {}).items():
            if code not in findings:
                raise ValidationErrors([ValidationError("items", "error.patrol.not_a_finding", item=code)])
            sourced = dataclasses.replace(report, source={"patrol": clean.id, "item": code})
            event = self._report_event(sourced, clean.at)
            events.append(event_doc(event))
            ids.append(event.problem_id)
        with self._change() as stamp:
            self._db.table(PATROLS).insert(records.stamp_new(clean.to_doc(), stamp, self.device_id))
            if events:
                table = self._db.table(PROBLEM_EVENTS)
                table.insert_multiple(records.stamp_new(d, stamp, self.device_id) for d in events)
        return clean, ids

    def patrols(self) -> list[Patrol]:
        from fieldgrid.model.patrol import Patrol

        found = [Patrol.from_doc(records.live_view(d)) for d in self._docs(PATROLS)]
        replaced = {p.corrects for p in found if p.corrects}
        return sorted((p for p in found if p.id not in replaced), key=lambda p: p.at, reverse=True)

    # -- problems ---------------------------------------------------------------------------------

    def _report_event(self, report: Report, at: str) -> ProblemEvent:
        clean = validate_report(report)
        if clean.household_id:
            self._require_household(clean.household_id, "place")
        self._check_not_future(at)
        return ProblemEvent(new_id(), "reported", at, clean.to_data())

    def _check_not_future(self, at: str) -> None:
        try:
            when = dt.datetime.fromisoformat(at)
        except ValueError:
            raise ValidationErrors([ValidationError("at", "error.visit.when", value=at)]) from None
        if when > self.now() + _SLACK:
            raise ValidationErrors([ValidationError("at", "error.problem.future", value=at)])

    def report_problem(self, report: Report, at: str | None = None) -> ProblemView:
        """Open a problem: its ``reported`` event, carrying the report's facts."""
        event = self._report_event(report, self._when(at))
        self._append(PROBLEM_EVENTS, [event_doc(event)])
        return self.problem(event.problem_id)

    def add_event(self, problem_id: str, kind: str, data: Mapping[str, Any], at: str | None = None) -> ProblemView:
        """Append one event to a problem's log, if the rules allow it at this point; else
        :class:`ValidationError` and nothing written."""
        view = self.problem(problem_id)
        when = self._when(at)
        self._check_not_future(when)
        if kind == "reported":
            raise ValidationErrors([ValidationError("kind", "error.problem.event_not_allowed_reported")])
        event = ProblemEvent(view.id, kind, when, dict(data), stamp="~")  # sorts after equal-time events
        try:
            check_append(view.events, event)
        except ValidationError as exc:
            raise ValidationErrors([exc]) from None
        self._append(PROBLEM_EVENTS, [event_doc(event)])
        return self.problem(view.id)

    def add_history(
        self,
        visits: Sequence[Visit],
        patrols: Sequence[tuple[Patrol, Mapping[str, Report]]],
        logs: Sequence[Sequence[ProblemEvent]],
    ) -> None:
        """Past field work in one atomic write, each record checked by the same rules as one entered by
        hand (a refused one refuses all): visits, patrols with the problems their findings became, and
        problem logs (each starting with its ``reported`` event)."""
        from fieldgrid.model.patrol import validate_patrol

        limit = self.now() + _SLACK
        known = {d["id"] for d in self._household_docs()}
        visit_docs, patrol_docs, event_docs = [], [], []
        for visit in visits:
            clean = validate_visit(visit, limit)
            if clean.household_id not in known:
                raise ValidationErrors(
                    [ValidationError("household_id", "error.household.not_found", id=visit.household_id)]
                )
            visit_docs.append(clean.to_doc())
        for patrol, reports in patrols:
            clean_patrol = validate_patrol(patrol, limit)
            patrol_docs.append(clean_patrol.to_doc())
            for code, report in reports.items():
                sourced = dataclasses.replace(report, source={"patrol": clean_patrol.id, "item": code})
                event = self._report_event(sourced, clean_patrol.at)
                event_docs.append(event_doc(event))
        for log in logs:
            first, *rest = log
            if first.kind != "reported":
                raise ValidationErrors([ValidationError("kind", "error.problem.unknown", id=first.problem_id)])
            report = validate_report(Report.from_data(first.data))
            accepted = [dataclasses.replace(first, data=report.to_data())]
            self._check_not_future(first.at)
            for event in rest:
                self._check_not_future(event.at)
                try:
                    check_append(accepted, event)
                except ValidationError as exc:
                    raise ValidationErrors([exc]) from None
                accepted.append(event)
            event_docs.extend(event_doc(e) for e in accepted)
        with self._change() as stamp:
            for table, docs in ((VISITS, visit_docs), (PATROLS, patrol_docs), (PROBLEM_EVENTS, event_docs)):
                if docs:
                    self._db.table(table).insert_multiple(records.stamp_new(d, stamp, self.device_id) for d in docs)

    def problems(self) -> list[ProblemView]:
        """Every problem, newest report first; derived once per state of the database."""
        cached = self._cached_views()
        if cached is not None:
            return cached
        views = build_views(event_of(d) for d in self._docs(PROBLEM_EVENTS))
        self._views = (self.generation, views)
        return views

    def _cached_views(self) -> list[ProblemView] | None:
        return self._views[1] if self._views is not None and self._views[0] == self.generation else None

    def problem(self, ident: str) -> ProblemView:
        """By full id or a unique prefix of at least 4 characters.  Reads only that problem's log when the
        derived ledger is not at hand (right after a write)."""
        views = self._cached_views()
        if views is not None:
            ids = [v.id for v in views]
        else:
            ids = [d["problem_id"] for d in self._docs(PROBLEM_EVENTS) if d["kind"] == "reported"]
        exact = [i for i in ids if i == ident]
        wanted = ident.strip().lower()  # the code screens and reports print (78E49318), in any case
        if not exact and len(wanted) >= 4:
            exact = [i for i in ids if i.lower().startswith(wanted)]
        if len(exact) > 1:
            raise ProblemNotFound(ident, candidates=[i[:8].upper() for i in exact])
        if not exact:
            raise ProblemNotFound(ident)
        wanted = exact[0]
        if views is not None:
            return next(v for v in views if v.id == wanted)
        view = ProblemView.from_events(event_of(d) for d in self._docs(PROBLEM_EVENTS) if d["problem_id"] == wanted)
        assert view is not None
        return view
