"""The field work's records: visits, patrols and the problem ledger's events.  A mixin of
:class:`~fieldgrid.store.repository.Store`, kept apart so each module holds one thing.

All three are append-only: a visit or patrol is never edited (a correction is a new record pointing at the
old one, or a record of the ``corrections`` table voiding it or moving it to another household, see
:mod:`fieldgrid.model.corrections`) and a problem is its event log, never rewritten (a correction of its
category, place, urgency or description is a ``corrected`` event).  Every listing and tally reads the records
as they stand after their corrections, voided ones left out.  Problem views are derived from the log and kept
until the next write.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from fieldgrid.model import ValidationError, ValidationErrors
from fieldgrid.model.corrections import Correction, Standing, standing, surviving, validate_correction
from fieldgrid.model.household import new_id
from fieldgrid.model.ledger import ProblemView, Report, build_views, validate_report
from fieldgrid.model.places import STAIRWELL
from fieldgrid.model.problem import ProblemEvent, check_append
from fieldgrid.model.scenario import FormField, ScenarioError, check_values, fields_for
from fieldgrid.model.validation import control_errors
from fieldgrid.model.visit import Visit, validate_visit
from fieldgrid.record import meta as records
from fieldgrid.record.codec import correction_of, event_doc, event_of
from fieldgrid.record.tables import CORRECTIONS, PATROLS, PROBLEM_EVENTS, VISITS
from fieldgrid.store.errors import ProblemNotFound, RecordNotFound

if TYPE_CHECKING:
    from tinydb import TinyDB

    from fieldgrid.model.patrol import Patrol
    from fieldgrid.model.profile import LeaderProfile
    from fieldgrid.model.scenario import Pack, Vocabulary

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
        def profile(self) -> LeaderProfile | None: ...
        def vocabulary(self) -> Vocabulary: ...

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

    def grid_kind(self) -> str:
        """The kind of micro-grid the profile says (a stairwell until grid kinds exist)."""
        profile = self.profile()
        return profile.grid_kind if profile else STAIRWELL

    def extra_fields(self, form: str, pack: Pack | None) -> tuple[FormField, ...]:
        """The extra fields a record of ``pack``'s visit kind or checklist takes on ``form`` in this grid."""
        return fields_for(pack, form, self.grid_kind())

    def _check_fields(self, values: Mapping[str, Any], pack: Pack | None, form: str) -> None:
        check_values(values, self.extra_fields(form, pack))

    # -- visits -----------------------------------------------------------------------------------

    def add_visit(self, visit: Visit) -> Visit:
        """Write a visit (``at`` empty: now).  A visit with ``corrects`` replaces that one in listings."""
        vocabulary = self.vocabulary()
        clean = validate_visit(dataclasses.replace(visit, at=self._when(visit.at)), self.now() + _SLACK,
                               vocabulary.visit_kinds)  # fmt: skip
        self._check_fields(clean.fields, vocabulary.kind_pack(clean.kind), "visit")
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

    def _corrections(self) -> list[Correction]:
        return [correction_of(d) for d in self._docs(CORRECTIONS)]

    def visit_records(self, household_id: str | None = None) -> list[Standing[Visit]]:
        """Visits as they stand after their corrections, voided ones too (the timeline shows them struck
        through), newest first."""
        found = [Visit.from_doc(records.live_view(d)) for d in self._docs(VISITS)]
        stands = standing(found, self._corrections(), "visit")
        if household_id is not None:
            stands = [s for s in stands if s.record.household_id == household_id]
        stands.sort(key=lambda s: s.record.at, reverse=True)
        return stands

    def visits(self, household_id: str | None = None, *, corrected: bool = False) -> list[Visit]:
        """Visits, newest first, as every tally counts them: moved to the right household, voided ones left
        out; those replaced by a correction are left out unless ``corrected`` (then as they were written)."""
        if corrected:
            found = [Visit.from_doc(records.live_view(d)) for d in self._docs(VISITS)]
            if household_id is not None:
                found = [v for v in found if v.household_id == household_id]
            return sorted(found, key=lambda v: v.at, reverse=True)
        return surviving(self.visit_records(household_id))

    def last_visits(self) -> dict[str, str]:
        """Each visited household's last visit time (voided visits left out, moved ones where they were moved).
        Straight over the stored documents while nothing was ever voided or moved: the map reads it first."""
        last: dict[str, str] = {}
        pairs = (
            ((v.household_id, v.at) for v in self.visits())
            if self._db.table(CORRECTIONS).all()
            else ((d["household_id"], d["at"]) for d in self._docs(VISITS))
        )
        for key, at in pairs:
            if at > last.get(key, ""):
                last[key] = at
        return last

    def find_visit(self, ident: str) -> Standing[Visit]:
        """A visit by its id or a unique prefix of 4+ characters (the code lists print), voided or not."""
        return _find("visit", self.visit_records(), ident)

    def _correct(self, kind: str, target: Standing[Any], reason: str, *, void: bool = False,
                 changes: Mapping[str, Any] | None = None) -> Correction:  # fmt: skip
        if target.voided:
            raise ValidationErrors([ValidationError("record", f"error.{kind}.voided", id=target.record.id[:8].upper())])
        profile = self.profile()
        by = profile.name if profile else ""
        correction = Correction(kind, target.record.id, minute(self.now()), reason, by, void, dict(changes or {}))
        correction = validate_correction(correction)
        self._append(CORRECTIONS, [correction.to_doc()])
        return correction

    def void_visit(self, ident: str, reason: str) -> Correction:
        """Void a visit (it leaves every tally, stays in the timeline): a correction appended, with the reason."""
        return self._correct("visit", self.find_visit(ident), reason, void=True)

    def move_visit(self, ident: str, household_id: str, reason: str) -> Correction:
        """Move a visit to the household it was really made at."""
        target = self.find_visit(ident)
        self._require_household(household_id, "to")
        if household_id == target.record.household_id:
            raise ValidationErrors([ValidationError("to", "error.visit.same_household")])
        return self._correct("visit", target, reason, changes={"household_id": household_id})

    # -- patrols ----------------------------------------------------------------------------------

    def add_patrol(self, patrol: Patrol, reports: Mapping[str, Report] | None = None) -> tuple[Patrol, list[str]]:
        """Write a patrol and, in the same atomic write, a problem for each finding in ``reports``
        (item code → report).  Returns the patrol and the new problems' ids."""
        from fieldgrid.model.patrol import validate_patrol

        now = self.now()
        clean = validate_patrol(dataclasses.replace(patrol, at=self._when(patrol.at)), now + _SLACK)
        found = self.vocabulary().checklist(clean.checklist) if clean.checklist else None
        if clean.checklist and found is None:
            raise ScenarioError("error.scenario.no_checklist", path="checklist", name=clean.checklist)
        self._check_fields(clean.fields, found[0] if found else None, "patrol")
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

    def patrol_records(self) -> list[Standing[Patrol]]:
        """Patrols as they stand after their corrections, voided ones too, newest first."""
        from fieldgrid.model.patrol import Patrol, PatrolItem

        def convert(key: str, value: Any) -> Any:
            return tuple(PatrolItem(**i) for i in value) if key == "items" else value

        found = [Patrol.from_doc(records.live_view(d)) for d in self._docs(PATROLS)]
        stands = standing(found, self._corrections(), "patrol", convert)
        stands.sort(key=lambda s: s.record.at, reverse=True)
        return stands

    def patrols(self) -> list[Patrol]:
        """Patrols, newest first, as corrected; voided ones left out."""
        return surviving(self.patrol_records())

    def find_patrol(self, ident: str) -> Standing[Patrol]:
        return _find("patrol", self.patrol_records(), ident)

    def void_patrol(self, ident: str, reason: str) -> Correction:
        return self._correct("patrol", self.find_patrol(ident), reason, void=True)

    def correct_patrol(self, ident: str, patrol: Patrol, reason: str) -> Correction:
        """Correct a patrol's time, notes or checklist: ``patrol`` is the patrol as it should be; the fields
        that differ from what stands are appended as a correction."""
        from fieldgrid.model.patrol import validate_patrol

        target = self.find_patrol(ident)
        clean = validate_patrol(dataclasses.replace(patrol, at=patrol.at or target.record.at), self.now() + _SLACK)
        changes: dict[str, Any] = {}
        if clean.at != target.record.at:
            changes["at"] = clean.at
        if clean.notes != target.record.notes:
            changes["notes"] = clean.notes
        if clean.items != target.record.items:
            changes["items"] = [i.to_doc() for i in clean.items]
        return self._correct("patrol", target, reason, changes=changes)

    # -- problems ---------------------------------------------------------------------------------

    def _report_event(self, report: Report, at: str) -> ProblemEvent:
        clean = validate_report(report, self.vocabulary().categories)
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

    def correct_problem(self, ident: str, changes: Mapping[str, Any], reason: str) -> ProblemView:
        """Correct a problem's category, urgency, description or place (a household's id, or a shared place):
        a ``corrected`` event with the fields that change and the reason; the report stays as written."""
        view = self.problem(ident)
        old = view.report.to_data()
        merged = {**old, **changes}
        if changes.get("household_id"):
            merged["place"] = ""
        elif changes.get("place"):
            merged["household_id"] = None
        clean = validate_report(Report.from_data(merged), self.vocabulary().categories)
        if clean.household_id:
            self._require_household(clean.household_id, "place")
        new = clean.to_data()
        diff = {k: new[k] for k in ("category", "urgency", "description", "household_id", "place") if new[k] != old[k]}
        errors = control_errors(reason=reason)
        if not reason.strip():
            errors.append(ValidationError("reason", "error.correction.reason_missing"))
        if not diff:
            errors.append(ValidationError("changes", "error.correction.nothing"))
        if errors:
            raise ValidationErrors(errors)
        profile = self.profile()
        data = {"changes": diff, "reason": reason.strip(), "by": profile.name if profile else ""}
        return self.add_event(view.id, "corrected", data)

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


def _find(kind: str, stands: Sequence[Standing[Any]], ident: str) -> Standing[Any]:
    """By full id, or a unique prefix of at least 4 characters in any case (the code lists print)."""
    exact = [s for s in stands if s.record.id == ident]
    wanted = ident.strip().lower()
    if not exact and len(wanted) >= 4:
        exact = [s for s in stands if s.record.id.lower().startswith(wanted)]
    if len(exact) > 1:
        raise RecordNotFound(kind, ident, [s.record.id[:8].upper() for s in exact])
    if not exact:
        raise RecordNotFound(kind, ident)
    return exact[0]
