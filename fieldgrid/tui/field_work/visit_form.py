"""Record a visit to a household (入户走访): kind (a phone or WeChat check-in, 电话/微信联系, is one), when, what was
found or done, needs, follow-up date, and a checklist of the members seen.

A visit is never edited: given ``corrects``, the form starts from that visit and saves a correction, a new
record that takes the old one's place in listings.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.widget import Widget
from textual.widgets import Input, Select, SelectionList
from textual.widgets.selection_list import Selection

from fieldgrid.i18n import label, t
from fieldgrid.model import Household, ValidationError, ValidationErrors
from fieldgrid.model.scenario import FormField as PackField
from fieldgrid.model.visit import Visit
from fieldgrid.store import Store
from fieldgrid.tui.common.extra_fields import extra_values, extra_widgets, field_name
from fieldgrid.tui.common.field_form import FieldFormScreen, choice_field, date_field, text_field
from fieldgrid.tui.common.vocabulary import visit_kind_options
from fieldgrid.tui.widgets.form_field import FormField
from fieldgrid.tui.widgets.room_field import Where, room_field, shown, where
from fieldgrid.tui.widgets.ticks import TickList


def when_text(iso: str) -> str:
    return iso.replace("T", " ")[:16]


def parse_when(text: str) -> str:
    """``2026-11-20 09:30`` → ISO; text that is no time is passed on for the model to refuse."""
    return text.strip().replace(" ", "T", 1)


class VisitFormScreen(FieldFormScreen[Visit]):
    """``ask_room`` (from the map): the form starts on a room field showing ``household``'s room, which typing
    replaces and Enter keeps; the note comes next, then the follow-up date, so a routine visit is ``v``, the
    room, Enter, the text, ``ctrl+s``."""

    HELP_TITLE = "tui.help.visit_title"
    ALIASES = {"household_id": "room"}  # noqa: RUF012

    def __init__(
        self, store: Store, household: Household, corrects: Visit | None = None, *, ask_room: bool = False
    ) -> None:
        super().__init__(store, self._title(store, household, corrects))
        self.household = household
        self.corrects = corrects
        self.ask_room = ask_room and corrects is None

    @staticmethod
    def _title(store: Store, household: Household, corrects: Visit | None) -> str:
        key = "tui.visit.correct_title" if corrects else "tui.visit.title"
        if household.is_vacant:  # the map's cursor on a vacant flat: the room typed decides
            return t(key, room="", head="")
        room = shown(household, store.grid_kind())  # 3组15号, 12号: as the leader says
        return t(key, room=room, head=household.head_name or room)

    def fields(self) -> Iterable[FormField | Widget]:
        old = self.corrects
        now = when_text(self.store.now().isoformat(timespec="minutes"))
        if self.ask_room:
            yield room_field("room", self.household, places=False, kind=self.grid_kind)
        yield text_field("found", t("tui.visit.found"), old.found if old else "", area=True)
        yield date_field("follow_up", t("tui.visit.follow_up"), (old.follow_up or "") if old else "")
        yield text_field("needs", t("tui.visit.needs"), old.needs if old else "")
        kinds = visit_kind_options(self.store, old.kind if old else None)  # a removed pack's kind: kept
        yield choice_field("kind", t("tui.visit.kind"), kinds, old.kind if old else "routine")
        # right under the kind: the extra fields of every pack's visit kinds, those of the chosen kind's pack shown
        kind = old.kind if old else "routine"
        for f in self.all_extra():
            for widget in extra_widgets([f], old.fields if old else None):
                widget.display = f in self.extra_for(kind)
                yield widget
        yield text_field("at", t("tui.visit.at"), when_text(old.at) if old else now, hint=t("tui.visit.at_hint"))
        seen = set(old.seen) if old else set()
        checklist = TickList(*(Selection(m.name, m.name, m.name in seen) for m in self.household.members), id="f-seen")
        seen_field = FormField(t("tui.visit.seen"), checklist, field="seen")
        seen_field.display = bool(self.household.members)
        yield seen_field

    # -- a pack's extra fields -----------------------------------------------------------------------

    def all_extra(self) -> list[PackField]:
        vocabulary = self.store.vocabulary()
        return [f for p in vocabulary.packs if p.visit_kinds for f in self.store.extra_fields("visit", p)]

    def extra_for(self, kind: str) -> tuple[PackField, ...]:
        return self.store.extra_fields("visit", self.store.vocabulary().kind_pack(kind))

    @on(Select.Changed, "#f-kind")
    def _kind_chosen(self, event: Select.Changed) -> None:
        shown = self.extra_for(str(event.value))
        for f in self.all_extra():
            self.field(field_name(f)).display = f in shown

    # -- the room field ------------------------------------------------------------------------------

    def where(self) -> Where:
        return where(self.store.households(), self.value("room"), self.household, places=False, kind=self.grid_kind)

    @on(Input.Changed, "#f-room")
    def _show_whose(self) -> None:
        self.field("room").set_error(None)
        self.field("room").set_hint(self.where().hint or " ")

    @on(Input.Submitted, "#f-room")
    def _room_chosen(self, event: Input.Submitted) -> None:
        event.stop()
        if self.take_room():
            self.query_one("#f-found").focus()

    def take_room(self) -> bool:
        """The typed room's household becomes the visit's (title and members seen follow); else its error."""
        found = self.where()
        if found.household is None:
            self.field("room").set_error(found.error)
            self.field("room").control.focus()
            return False
        if found.household.id != self.household.id:
            self.household = found.household
            self.sub_title = self.title_text = self._title(self.store, found.household, None)
            checklist = self.query_one("#f-seen", SelectionList)
            checklist.clear_options()
            checklist.add_options([Selection(m.name, m.name, False) for m in found.household.members])
            self.field("seen").display = bool(found.household.members)
        return True

    def seen(self) -> tuple[str, ...]:
        """The members ticked as seen, in the household's order."""
        ticked = set(self.query_one("#f-seen", SelectionList).selected)
        return tuple(m.name for m in self.household.members if m.name in ticked)

    def submit(self) -> Visit:
        if self.ask_room and not self.take_room():
            found = self.where()
            raise ValidationErrors([ValidationError("room", found.error_key, room=found.room)])
        visit = Visit(
            household_id=self.household.id,
            at=parse_when(self.value("at")),
            kind=self.value("kind"),
            found=self.value("found"),
            needs=self.value("needs"),
            follow_up=self.day("follow_up"),
            corrects=self.corrects.id if self.corrects else None,
            seen=self.seen(),
            fields=extra_values(self, self.extra_for(self.value("kind"))),
        )
        saved = self.store.add_visit(visit)
        self.app.notify(t("tui.visit.saved", room=self.household.room, kind=label("visit_kind", saved.kind)))
        return saved
