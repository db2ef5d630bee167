"""The small forms of moves and deaths on a household's page: 迁出 (``o``: the day, where to, what becomes of its
open problems, a note) and 去世 (``x``: who, the day).  Both save through the store in one write; a future day or
a person who is not there is shown at its field, nothing written."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget

from fieldgrid.i18n import t
from fieldgrid.model import Household, ValidationError, ValidationErrors
from fieldgrid.store import Store
from fieldgrid.store.moves import DEFAULT_PROBLEMS, PROBLEM_CHOICES
from fieldgrid.tui.common.field_form import FieldFormScreen, choice_field, text_field
from fieldgrid.tui.widgets.form_field import FormField


class MoveOutFormScreen(FieldFormScreen[Household]):
    """Dismisses with the household as it moved out, or ``None``."""

    HELP_TITLE = "tui.help.move_out_title"
    HELP_INTRO = "tui.help.move_out_intro"
    ALIASES = {"ended_on": "date", "moved_to": "to"}  # noqa: RUF012

    def __init__(self, store: Store, household: Household) -> None:
        super().__init__(store, t("tui.move.out_title", room=household.room, head=household.head_name))
        self.household = household

    def fields(self) -> Iterable[FormField | Widget]:
        today = self.store.today().isoformat()
        yield text_field("date", t("tui.move.date"), today, placeholder=t("tui.form.date_placeholder"), half=True)
        yield text_field("to", t("tui.move.to"), "", half=True)
        yield choice_field("problems", t("tui.move.problems"),
                           [(t(f"tui.move.problems_{c}"), c) for c in PROBLEM_CHOICES], DEFAULT_PROBLEMS)  # fmt: skip
        yield text_field("note", t("tui.move.note"), "", hint=t("tui.move.note_hint"))

    def submit(self) -> Household:
        gone, count = self.store.move_out(self.household.id, self.value("date"), self.value("to"),
                                          self.value("problems"), self.value("note"))  # fmt: skip
        done = t("tui.move.out_done", room=gone.room)
        if count:
            done += " " + t(f"tui.move.problems_{self.value('problems')}_done", count=count)
        self.app.notify(done)
        return gone


class DeceasedFormScreen(FieldFormScreen[Household]):
    """Dismisses with the household after the death is recorded, or ``None``."""

    HELP_TITLE = "tui.help.deceased_title"
    HELP_INTRO = "tui.help.deceased_intro"
    ALIASES = {"ended_on": "date"}  # noqa: RUF012

    def __init__(self, store: Store, household: Household) -> None:
        super().__init__(store, t("tui.move.deceased_title", room=household.room))
        self.household = household

    def fields(self) -> Iterable[FormField | Widget]:
        people = [(m.name, m.name) for m in self.household.living]
        yield choice_field("person", t("tui.move.person"), people, None, blank=True)
        today = self.store.today().isoformat()
        yield text_field("date", t("tui.move.death_date"), today, placeholder=t("tui.form.date_placeholder"))

    def submit(self) -> Household:
        name = self.value("person")
        if not name:
            raise ValidationErrors([ValidationError("person", "tui.move.pick_person")])
        changed = self.store.mark_deceased(self.household.id, name, self.value("date"))
        self.app.notify(t("tui.move.deceased_done", name=name or "", room=changed.room))
        return changed
