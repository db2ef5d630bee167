"""Report a problem (问题登记): where (a flat's room, or a shared place typed in the same field), what, category,
urgency, who raised it.  The form starts on the where field, showing the flat it was opened on (the map's cursor,
the household page) which Enter keeps and typing replaces; so a problem on a household is ``p``, the room, Enter,
the text, ``ctrl+s``.

Choosing 紧急 with a kind of emergency (fire, gas, medical, violence) shows the emergency screen at once —
what to call and whom to notify — before the record is finished.  The steps ticked there (on the way in from
``!``, or here) are recorded with the problem, with the minute of each tick.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.widget import Widget
from textual.widgets import Input, Select

from fieldgrid.errors import FieldgridError
from fieldgrid.i18n import label, t
from fieldgrid.model import Household, ValidationError, ValidationErrors
from fieldgrid.model.ledger import EMERGENCY_KINDS, ProblemView, Report
from fieldgrid.model.problem import URGENCIES
from fieldgrid.store import Store
from fieldgrid.tui.common.field_form import FieldFormScreen, choice_field, text_field
from fieldgrid.tui.common.vocabulary import category_options
from fieldgrid.tui.field_work.visit_form import parse_when, when_text
from fieldgrid.tui.widgets.form_field import FormField
from fieldgrid.tui.widgets.room_field import Where, room_field, where

# The category an emergency is filed under unless the leader picks another.
EMERGENCY_CATEGORY = {"fire": "safety_hazard", "gas": "safety_hazard", "medical": "livelihood", "violence": "dispute"}


class ProblemFormScreen(FieldFormScreen[ProblemView]):
    HELP_TITLE = "tui.help.problem_title"
    ALIASES = {"household_id": "where", "place": "where"}  # noqa: RUF012

    def __init__(
        self,
        store: Store,
        *,
        household_id: str | None = None,
        emergency: str | None = None,
        report: Report | None = None,
        checklist: dict[str, str] | None = None,
    ) -> None:
        super().__init__(store, t("tui.problem.title"))
        self.preset = report or Report(
            category=EMERGENCY_CATEGORY.get(emergency or "", "other"),
            description="",
            urgency="emergency" if emergency else "normal",
            household_id=household_id,
            emergency=emergency,
        )
        self.checklist = dict(checklist or self.preset.checklist or {})  # the steps ticked on the emergency screen
        self.emergency_shown = emergency is not None

    def fields(self) -> Iterable[FormField | Widget]:
        r = self.preset
        current = self._household(r.household_id)
        room = room_field("where", current, places=True, kind=self.grid_kind)
        if current is None:
            room.hint = t("tui.problem.place_hint")
            room.control.value = r.place  # type: ignore[attr-defined]
        yield room
        yield text_field("description", t("tui.problem.description"), r.description, area=True)
        yield choice_field(
            "category", t("tui.problem.category"), category_options(self.store, r.category), r.category
        )
        yield choice_field(
            "urgency", t("tui.problem.urgency"), [(label("urgency", u), u) for u in URGENCIES], r.urgency
        )
        yield choice_field(
            "emergency",
            t("tui.problem.emergency"),
            [(label("emergency", k), k) for k in EMERGENCY_KINDS],
            r.emergency,
            blank=True,
        )
        yield text_field("reporter", t("tui.problem.reporter"), r.reporter)
        yield text_field("at", t("tui.problem.at"), when_text(self.store.now().isoformat(timespec="minutes")))

    def _household(self, ident: str | None) -> Household | None:
        if not ident:
            return None
        try:
            return self.store.household(ident)
        except FieldgridError:
            return None

    # -- which flat, or which shared place -------------------------------------------------------------

    def where(self) -> Where:
        current = self._household(self.preset.household_id)
        return where(self.store.households(), self.value("where"), current, places=True, kind=self.grid_kind)

    @on(Input.Changed, "#f-where")
    def _show_where(self) -> None:
        self.field("where").set_error(None)
        self.field("where").set_hint(self.where().hint or t("tui.problem.place_hint"))

    @on(Input.Submitted, "#f-where")
    def _where_chosen(self, event: Input.Submitted) -> None:
        event.stop()
        found = self.where()
        if found.error_key:
            self.field("where").set_error(found.error)
            return
        self.query_one("#f-description").focus()

    @on(Select.Changed)
    def _maybe_emergency(self) -> None:
        if self.emergency_shown or not self.is_mounted:
            return
        kind = self.value("emergency")
        if self.value("urgency") == "emergency" and kind:
            from fieldgrid.tui.field_work.emergency import EmergencyScreen

            self.emergency_shown = True
            self.app.push_screen(EmergencyScreen(self.store, kind=kind, then_report=False), self._ticked)

    def _ticked(self, ticked: dict[str, str] | None) -> None:
        if ticked:
            self.checklist.update(ticked)

    def submit(self) -> ProblemView:
        found = self.where()
        if found.error_key:
            raise ValidationErrors([ValidationError("where", found.error_key, room=found.room)])
        report = Report(
            category=self.value("category"),
            description=self.value("description"),
            urgency=self.value("urgency"),
            household_id=found.household.id if found.household else None,
            place=found.place,
            reporter=self.value("reporter"),
            emergency=self.value("emergency") or None,
            source=self.preset.source,
            checklist=self.checklist if self.value("emergency") else None,
        )
        view = self.store.report_problem(report, parse_when(self.value("at")))
        self.app.notify(t("tui.problem.saved", category=label("category", view.report.category)))
        return view
