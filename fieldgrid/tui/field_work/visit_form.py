"""Record a visit to a household (入户走访): kind (a phone or WeChat check-in, 电话/微信联系, is one), when, what was
found or done, needs, follow-up date, and a checklist of the members seen.

A visit is never edited: given ``corrects``, the form starts from that visit and saves a correction, a new
record that takes the old one's place in listings.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

from fieldgrid.i18n import label, t
from fieldgrid.model import Household
from fieldgrid.model.visit import VISIT_KINDS, Visit
from fieldgrid.store import Store
from fieldgrid.tui.common.field_form import FieldFormScreen, choice_field, text_field
from fieldgrid.tui.widgets.form_field import FormField


def when_text(iso: str) -> str:
    return iso.replace("T", " ")[:16]


def parse_when(text: str) -> str:
    """``2026-11-20 09:30`` → ISO; text that is no time is passed on for the model to refuse."""
    return text.strip().replace(" ", "T", 1)


class VisitFormScreen(FieldFormScreen[Visit]):
    HELP_TITLE = "tui.help.visit_title"

    def __init__(self, store: Store, household: Household, corrects: Visit | None = None) -> None:
        who = household.head_name or household.room
        key = "tui.visit.correct_title" if corrects else "tui.visit.title"
        super().__init__(store, t(key, room=household.room, head=who))
        self.household = household
        self.corrects = corrects

    def fields(self) -> Iterable[FormField | Widget]:
        old = self.corrects
        now = when_text(self.store.now().isoformat(timespec="minutes"))
        yield choice_field(
            "kind",
            t("tui.visit.kind"),
            [(label("visit_kind", k), k) for k in VISIT_KINDS],
            old.kind if old else "routine",
        )
        yield text_field("at", t("tui.visit.at"), when_text(old.at) if old else now, hint=t("tui.visit.at_hint"))
        yield text_field("found", t("tui.visit.found"), old.found if old else "", area=True)
        yield text_field("needs", t("tui.visit.needs"), old.needs if old else "")
        yield text_field(
            "follow_up",
            t("tui.visit.follow_up"),
            (old.follow_up or "") if old else "",
            placeholder=t("tui.form.date_placeholder"),
        )
        if self.household.members:
            seen = set(old.seen) if old else set()
            checklist = SelectionList[str](
                *(Selection(m.name, m.name, m.name in seen) for m in self.household.members), id="f-seen"
            )
            yield FormField(t("tui.visit.seen"), checklist, field="seen")

    def seen(self) -> tuple[str, ...]:
        """The members ticked as seen, in the household's order."""
        if not self.household.members:
            return ()
        ticked = set(self.query_one("#f-seen", SelectionList).selected)
        return tuple(m.name for m in self.household.members if m.name in ticked)

    def submit(self) -> Visit:
        visit = Visit(
            household_id=self.household.id,
            at=parse_when(self.value("at")),
            kind=self.value("kind"),
            found=self.value("found"),
            needs=self.value("needs"),
            follow_up=self.value("follow_up").strip() or None,
            corrects=self.corrects.id if self.corrects else None,
            seen=self.seen(),
        )
        saved = self.store.add_visit(visit)
        self.app.notify(t("tui.visit.saved", room=self.household.room, kind=label("visit_kind", saved.kind)))
        return saved
