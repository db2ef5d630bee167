"""A patrol of the shared spaces (巡查): the checklist, each item OK or a finding; a finding becomes a problem
in one keystroke (``ctrl+r`` on its line), written with the patrol in one go."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Static

from fieldgrid.i18n import t
from fieldgrid.model import ValidationError
from fieldgrid.model.ledger import Report
from fieldgrid.model.patrol import FINDING_CATEGORY, Patrol, PatrolItem, default_items
from fieldgrid.store import Store
from fieldgrid.tui.common.field_form import FieldFormScreen, text_field
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
        self.items = [i.item for i in default_items(profile.extra_patrol_items if profile else [])]

    def fields(self) -> Iterable[FormField | Widget]:
        yield text_field("at", t("tui.patrol.at"), when_text(self.store.now().isoformat(timespec="minutes")))
        yield Static(t("tui.patrol.checklist"), classes="section-title")
        for code in self.items:
            yield PatrolRow(code)
        yield text_field("notes", t("tui.patrol.notes"))

    @property
    def rows(self) -> list[PatrolRow]:
        return list(self.query(PatrolRow))

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
        reports = {
            r.code: Report(
                FINDING_CATEGORY.get(r.code, "other"),
                r.finding,
                place=item_label(r.code),
                reporter=t("tui.patrol.reporter"),
            )
            for r in self.rows
            if r.report
        }
        patrol = Patrol(at=parse_when(self.value("at")), items=items, notes=self.value("notes"))
        saved, problem_ids = self.store.add_patrol(patrol, reports)
        self.app.notify(t("tui.patrol.saved", findings=len(saved.findings), problems=len(problem_ids)))
        return saved, problem_ids
