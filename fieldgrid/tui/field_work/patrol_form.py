"""A patrol of the shared spaces (巡查): the checklist, each item OK or a finding; a finding becomes a problem
in one keystroke (``ctrl+r`` on its line), written with the patrol in one go.

With scenario packs installed the leader picks the checklist (the built-in stairwell patrol first, the default);
the form shows its items and the extra fields its pack asks of a patrol, and a finding is filed under the
category the pack gives its item.  Every checklist's lines are on the form from the start, only the chosen one's
shown, so switching keeps what was typed."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Select, Static

from fieldgrid.i18n import label, t
from fieldgrid.model import ValidationError
from fieldgrid.model.ledger import Report
from fieldgrid.model.patrol import Patrol, PatrolItem
from fieldgrid.model.scenario import FormField as PackField
from fieldgrid.model.scenario import Pack
from fieldgrid.store import Store
from fieldgrid.tui.common.extra_fields import extra_values, extra_widgets, field_name
from fieldgrid.tui.common.field_form import FieldFormScreen, choice_field, text_field
from fieldgrid.tui.field_work.visit_form import parse_when, when_text
from fieldgrid.tui.widgets.form_field import FormField
from fieldgrid.tui.widgets.patrol_row import PatrolRow, item_label

_ITEM_FIELD = re.compile(r"^items\.(\d+)\.")


class PatrolFormScreen(FieldFormScreen["tuple[Patrol, list[str]]"]):
    HELP_TITLE = "tui.help.patrol_title"
    HELP_INTRO = "tui.help.patrol_intro"
    AUTO_FOCUS = ".patrol-ok"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "toggle_report", "tui.key.report_finding", priority=True),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__(store, t("tui.patrol.title"))
        profile = store.profile()
        vocabulary = store.vocabulary()
        self.default = vocabulary.default
        # checklist code → (its pack, its item codes); the built-in one first, with the leader's own items
        self.checklists: dict[str, tuple[Pack, list[str]]] = {}
        for pack, checklist in vocabulary.checklists():
            codes = [i.code for i in checklist.items]
            if pack is vocabulary.default:
                codes += [c for c in (profile.extra_patrol_items if profile else []) if c not in codes]
            self.checklists[checklist.code] = (pack, codes)
        self.chosen = next(iter(self.checklists))
        self.items = self.checklists[self.chosen][1]

    def fields(self) -> Iterable[FormField | Widget]:
        yield text_field("at", t("tui.patrol.at"), when_text(self.store.now().isoformat(timespec="minutes")))
        chooser = choice_field("checklist", t("tui.scenarios.checklist"),
                               [(label("checklist", c), c) for c in self.checklists], self.chosen)  # fmt: skip
        chooser.display = len(self.checklists) > 1  # nothing to choose without a pack's checklist
        yield chooser
        yield Static(t("tui.patrol.checklist"), classes="section-title")
        for code, (_, items) in self.checklists.items():
            box = Vertical(*(PatrolRow(item) for item in items), id=f"items-{code}", classes="patrol-items")
            box.display = code == self.chosen
            yield box
        for f in self.all_extra():
            for widget in extra_widgets([f]):
                widget.display = f in self.extra_for(self.chosen)
                yield widget
        yield text_field("notes", t("tui.patrol.notes"))

    # -- the checklist and its pack's fields ---------------------------------------------------------

    def pack_of(self, checklist: str) -> Pack | None:
        """The pack of a pack's checklist; ``None`` for the built-in one (a patrol as before)."""
        pack = self.checklists[checklist][0]
        return None if pack is self.default else pack

    def all_extra(self) -> list[PackField]:
        packs = {p.name: p for p, _ in self.checklists.values() if p is not self.default}
        return [f for p in packs.values() for f in self.store.extra_fields("patrol", p)]

    def extra_for(self, checklist: str) -> tuple[PackField, ...]:
        return self.store.extra_fields("patrol", self.pack_of(checklist))

    @on(Select.Changed, "#f-checklist")
    def _checklist_chosen(self, event: Select.Changed) -> None:
        if event.value not in self.checklists:
            return
        self.chosen = str(event.value)
        self.items = self.checklists[self.chosen][1]
        for code in self.checklists:
            self.query_one(f"#items-{code}").display = code == self.chosen
        shown = self.extra_for(self.chosen)
        for f in self.all_extra():
            self.field(field_name(f)).display = f in shown

    @property
    def rows(self) -> list[PatrolRow]:
        return list(self.query_one(f"#items-{self.chosen}").query(PatrolRow))

    def state(self) -> object:
        return (super().state(), [f"{r.ok}{r.finding}{r.report}" for r in self.rows])

    def action_toggle_report(self) -> None:
        focused = self.focused
        row = next((r for r in self.rows if focused is not None and focused in r.walk_children()), None)
        if row is None:
            self.app.notify(t("tui.patrol.pick_a_line"), severity="warning")
            return
        row.toggle_report()

    def show_errors(self, errors: Sequence[ValidationError]) -> None:
        rows = self.rows
        for row in rows:
            row.set_error("")
        for error in errors:
            match = _ITEM_FIELD.match(error.field)
            if match and int(match.group(1)) < len(rows):
                rows[int(match.group(1))].set_error(t(error.key, **error.params))
        super().show_errors(errors)

    def submit(self) -> tuple[Patrol, list[str]]:
        items = tuple(PatrolItem(r.code, ok=r.ok, finding=r.finding) for r in self.rows)
        vocabulary = self.store.vocabulary()
        pack = self.pack_of(self.chosen)
        fields = extra_values(self, self.extra_for(self.chosen))
        reports = {
            r.code: Report(
                vocabulary.finding_category(r.code),
                r.finding,
                place=item_label(r.code),
                reporter=t("tui.patrol.reporter"),
            )
            for r in self.rows
            if r.report
        }
        patrol = Patrol(at=parse_when(self.value("at")), items=items, notes=self.value("notes"),
                        checklist=self.chosen if pack is not None else None, fields=fields)  # fmt: skip
        saved, problem_ids = self.store.add_patrol(patrol, reports)
        self.app.notify(t("tui.patrol.saved", findings=len(saved.findings), problems=len(problem_ids)))
        return saved, problem_ids
