"""Corrections from the record's own screen (issue #14 item 1), each saved as an appended record with the
reason, never an edit in place:

- on a household: ``x`` voids one of its visits, ``M`` moves one to the household it was really made at
  (:class:`VisitCorrectionScreen`);
- on a problem: ``C`` corrects its category, place, urgency or description (:class:`ProblemCorrectionScreen`);
- the patrol list (``T``, :class:`PatrolListScreen`): ``e`` (or ``enter``) corrects a patrol's time or notes,
  ``x`` voids it (:class:`PatrolCorrectionScreen`).

A voided record stays where it was listed, struck through, with its reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from fieldgrid.i18n import label, t
from fieldgrid.model import Household, ValidationError, ValidationErrors
from fieldgrid.model.corrections import Correction, Standing
from fieldgrid.model.problem import URGENCIES
from fieldgrid.store import Store
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.common.field_form import FieldFormScreen, choice_field, text_field
from fieldgrid.tui.common.vocabulary import category_options
from fieldgrid.tui.field_work.visit_form import parse_when, when_text
from fieldgrid.tui.widgets.form_field import FormField
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from fieldgrid.model.ledger import ProblemView
    from fieldgrid.model.patrol import Patrol
    from fieldgrid.model.visit import Visit

VOIDED_STYLE = "strike dim"


def visit_line(visit: Visit) -> str:
    found = f" {visit.found}" if visit.found else ""
    return f"{when_text(visit.at)} {label('visit_kind', visit.kind)}{found}"


def patrol_line(patrol: Patrol) -> str:
    findings = t("tui.list_sep").join(f"{label('patrol_item', i.item)}：{i.finding}" for i in patrol.findings)
    return f"{when_text(patrol.at)}  {findings or t('tui.correct.all_ok')}"


def voided_text(text: str, stand: Standing[Any]) -> Text:
    """A record's line, struck through with the reason when it was voided."""
    void = stand.void
    if void is None:
        return Text(text)
    line = Text(text, style=VOIDED_STYLE)
    line.append(" " + t("tui.correct.voided", reason=void.reason), style="dim italic")
    return line


class VisitCorrectionScreen(FieldFormScreen[Correction]):
    """Void one of a household's visits, or move it to another household: which visit, (where to), why."""

    HELP_TITLE = "tui.help.visit_correction_title"
    HELP_INTRO = "tui.help.visit_correction_intro"

    def __init__(self, store: Store, household: Household, visits: list[Visit], *, move: bool) -> None:
        who = household.head_name or household.room
        key = "tui.correct.move_title" if move else "tui.correct.void_title"
        super().__init__(store, t(key, room=household.room, head=who))
        self.household = household
        self.visits = visits
        self.move = move

    def fields(self) -> Iterable[FormField | Widget]:
        yield choice_field(
            "record", t("tui.correct.visit"), [(visit_line(v), v.id) for v in self.visits], self.visits[0].id
        )
        if self.move:
            others = [
                (f"{h.room} {h.head_name}".strip(), h.id) for h in self.store.households() if h.id != self.household.id
            ]
            yield choice_field("to", t("tui.correct.to"), others, blank=True)
        yield text_field("reason", t("tui.correct.reason"), hint=t("tui.correct.reason_hint"))
        yield Static(t("tui.correct.void_note" if not self.move else "tui.correct.move_note"), classes="hint")

    def submit(self) -> Correction:
        record, reason = self.value("record"), self.value("reason")
        if not self.move:
            done = self.store.void_visit(record, reason)
            self.app.notify(t("tui.correct.visit_voided", room=self.household.room))
            return done
        to = self.value("to")
        if not to:
            raise ValidationErrors([ValidationError("to", "error.correction.to_missing")])
        done = self.store.move_visit(record, to, reason)
        room = self.store.household(to).room
        self.app.notify(t("tui.correct.visit_moved", room=room))
        return done


class ProblemCorrectionScreen(FieldFormScreen["ProblemView"]):
    """Correct a problem's category, urgency, place or description; the reason is required."""

    HELP_TITLE = "tui.help.problem_correction_title"
    HELP_INTRO = "tui.help.problem_correction_intro"
    ALIASES = {"household_id": "household", "changes": "reason"}  # noqa: RUF012

    def __init__(self, store: Store, view: ProblemView) -> None:
        super().__init__(store, t("tui.correct.problem_title", category=label("category", view.report.category)))
        self.view = view

    def fields(self) -> Iterable[FormField | Widget]:
        r = self.view.report
        households = [(f"{h.room} {h.head_name}".strip(), h.id) for h in self.store.households()]
        yield choice_field(
            "category", t("tui.problem.category"), category_options(self.store, r.category), r.category
        )
        yield choice_field(
            "urgency", t("tui.problem.urgency"), [(label("urgency", u), u) for u in URGENCIES], r.urgency
        )
        yield choice_field("household", t("tui.problem.household"), households, r.household_id, blank=True)
        yield text_field("place", t("tui.problem.place"), r.place, hint=t("tui.problem.place_hint"))
        yield text_field("description", t("tui.problem.description"), r.description, area=True)
        yield text_field("reason", t("tui.correct.reason"), hint=t("tui.correct.reason_hint"))

    def submit(self) -> ProblemView:
        r = self.view.report
        changes: dict[str, Any] = {}
        for name in ("category", "urgency", "description"):
            if self.value(name) != getattr(r, name):
                changes[name] = self.value(name)
        household = self.value("household") or None
        if household != r.household_id:
            changes["household_id"] = household
        if self.value("place").strip() != r.place:
            changes["place"] = self.value("place")
        view = self.store.correct_problem(self.view.id, changes, self.value("reason"))
        self.app.notify(t("tui.correct.problem_saved"))
        return view


class PatrolCorrectionScreen(FieldFormScreen[Correction]):
    """Void a patrol, or correct its time, notes and the finding of each item (empty: the item was fine)."""

    HELP_TITLE = "tui.help.patrol_correction_title"
    HELP_INTRO = "tui.help.patrol_correction_intro"
    ALIASES = {"changes": "reason", "record": "reason"}  # noqa: RUF012

    def __init__(self, store: Store, stand: Standing[Patrol], *, void: bool) -> None:
        key = "tui.correct.patrol_void_title" if void else "tui.correct.patrol_title"
        super().__init__(store, t(key, at=when_text(stand.record.at)))
        self.stand = stand
        self.void = void

    def fields(self) -> Iterable[FormField | Widget]:
        yield Static(patrol_line(self.stand.record), classes="hint")
        if not self.void:
            yield text_field("at", t("tui.patrol.at"), when_text(self.stand.record.at))
            yield text_field("notes", t("tui.patrol.notes"), self.stand.record.notes)
            for n, item in enumerate(self.stand.record.items):
                yield text_field(f"item_{n}", label("patrol_item", item.item), item.finding,
                                 hint=t("tui.correct.finding_hint") if n == 0 else "")  # said once  # fmt: skip
        yield text_field("reason", t("tui.correct.reason"), hint=t("tui.correct.reason_hint"))

    def submit(self) -> Correction:
        import dataclasses

        patrol_id, reason = self.stand.record.id, self.value("reason")
        if self.void:
            done = self.store.void_patrol(patrol_id, reason)
            self.app.notify(t("tui.correct.patrol_voided"))
            return done
        items = tuple(dataclasses.replace(item, ok=not self.value(f"item_{n}"), finding=self.value(f"item_{n}"))
                      for n, item in enumerate(self.stand.record.items))  # fmt: skip
        corrected = dataclasses.replace(self.stand.record, at=parse_when(self.value("at")), notes=self.value("notes"),
                                        items=items)  # fmt: skip
        done = self.store.correct_patrol(patrol_id, corrected, reason)
        self.app.notify(t("tui.correct.patrol_saved"))
        return done


class PatrolListScreen(Screen[None]):
    """Every patrol, newest first, voided ones struck through; ``e`` or ``enter`` corrects one, ``x`` voids it."""

    AUTO_FOCUS = "#patrol-list"
    NAVIGABLE = True
    HELP_TITLE = "tui.help.patrol_list_title"
    HELP_INTRO = "tui.help.patrol_list_intro"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "correct", "tui.key.correct_patrol"),
        Binding("x", "void", "tui.key.void_patrol"),
        Binding("t", "app.patrol", "tui.key.patrol"),
        Binding("escape", "back", "tui.key.back"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__(id="patrol-list-screen")
        translate_bindings(self)
        self.store = store
        self.stands: list[Standing[Patrol]] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield OptionList(id="patrol-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = t("tui.correct.patrols_title")
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    def load(self) -> None:
        listing = self.query_one("#patrol-list", OptionList)
        keep = listing.highlighted
        self.stands = self.store.patrol_records()
        listing.clear_options()
        if not self.stands:
            listing.add_option(Option(Text(t("tui.correct.no_patrols"), style="dim"), disabled=True))
            return
        listing.add_options(Option(voided_text(patrol_line(s.record), s), id=s.record.id) for s in self.stands)
        listing.highlighted = min(keep or 0, len(self.stands) - 1)

    def _current(self) -> Standing[Patrol] | None:
        index = self.query_one("#patrol-list", OptionList).highlighted
        if index is None or not self.stands or index >= len(self.stands):
            return None
        return self.stands[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_correct()

    def _open(self, void: bool) -> None:
        stand = self._current()
        if stand is None:
            return
        if stand.voided:
            self.app.notify(t("error.patrol.voided", id=stand.record.id[:8].upper()), severity="warning")
            return
        self.app.push_screen(PatrolCorrectionScreen(self.store, stand, void=void), lambda _: self.load())

    def action_correct(self) -> None:
        self._open(void=False)

    def action_void(self) -> None:
        self._open(void=True)

    def action_back(self) -> None:
        self.dismiss(None)
