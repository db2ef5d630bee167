"""One household in full: its fields, members, open problems and visit history.  Phones and ID numbers are
masked until ``r``; ``v`` records a visit, ``V`` corrects the latest one, ``x`` voids a visit and ``M`` moves one to
the household it was really made at (a voided visit stays in the history, struck through, with its reason)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from fieldgrid.errors import FieldgridError
from fieldgrid.i18n import label, t
from fieldgrid.model import Household
from fieldgrid.model.cadence import AFTER_EVENT, Care, care_of
from fieldgrid.model.corrections import Standing
from fieldgrid.model.ledger import ProblemView
from fieldgrid.model.places import PLACE_KEYS, STAIRWELL, address
from fieldgrid.model.visit import Visit
from fieldgrid.store import Store
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.common.dialogs import ConfirmDialog
from fieldgrid.tui.common.formatting import emergency_marked, id_text, phone_text, place_text, tags_full
from fieldgrid.tui.common.fresh import Fresh
from fieldgrid.tui.households.household_form import HouseholdFormScreen
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.title_bar import TitleBar


def _value(text: str) -> Text:
    return Text(text) if text else Text(t("tui.detail.none"), style="dim")


def summary_table(household: Household, reveal: bool, grid_kind: str = STAIRWELL, area: str = "") -> Table:
    """The household's fields; in a grid of another kind its address and its place's own facts (a shop's
    credit code and staff, an institution's security officer) instead of a room and floor."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(ratio=1)
    if grid_kind == STAIRWELL:
        grid.add_row(t("tui.field.room"), Text(household.room))
    else:
        grid.add_row(t("tui.field.address"), Text(address(household.room, household.place, grid_kind, area)))
        place = household.place or {}
        for key in PLACE_KEYS[grid_kind]:
            if key in ("group", "number"):
                continue
            value = place.get(key)
            shown = phone_text(str(value), reveal) if key == "security_phone" and value else str(value or "")
            title = t(f"tui.field.place_name_{grid_kind}") if key == "name" else t(f"tui.field.place_{key}")
            grid.add_row(title, _value(shown))
    grid.add_row(t("tui.detail.place_label"), _value(place_text(household.building, household.unit)))
    if grid_kind == STAIRWELL:
        grid.add_row(t("tui.detail.floor"), _value("" if household.floor is None else str(household.floor)))
    ending = " ".join(x for x in (household.ended_on or "", f"→ {household.moved_to}" if household.moved_to else "")
                      if x)  # fmt: skip
    residency = label("residency", household.residency) + (f"  {ending}" if ending else "")
    grid.add_row(t("tui.field.residency"), Text(residency))
    grid.add_row(t("tui.field.tags"), _value(tags_full(household.tags)))
    phones = t("tui.list_sep").join(phone_text(p, reveal) for p in household.phones)
    grid.add_row(t("tui.field.phones"), _value(phones))
    emergency = " ".join(x for x in (household.emergency_name, phone_text(household.emergency_phone, reveal)) if x)
    grid.add_row(t("tui.detail.emergency"), _value(emergency))
    grid.add_row(t("tui.field.notes"), _value(household.notes))
    return grid


def members_table(household: Household, reveal: bool) -> RenderableType:
    if not household.members:
        return Text(t("tui.detail.no_members"), style="dim")
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    for key in ("name", "relation", "sex", "birth_year", "phone", "id_number"):
        table.add_column(t(f"tui.member.{key}"), no_wrap=key in ("phone", "id_number", "birth_year"))
    for member in household.members:
        ended = f"（{label('residency', member.residency)} {member.ended_on or ''}）" if member.residency else ""
        table.add_row(
            Text(member.name + ended.replace(" ）", "）"), style="dim" if ended else ""),
            label("relation", member.relation),
            label("sex", member.sex) if member.sex else "",
            str(member.birth_year) if member.birth_year else "",
            phone_text(member.phone, reveal),
            id_text(member.id_number, reveal),
        )
    return table


def visits_table(visits: list[Standing[Visit]]) -> RenderableType:
    from fieldgrid.tui.field_work.corrections import VOIDED_STYLE, voided_text

    if not visits:
        return Text(t("tui.detail.no_visits"), style="dim")
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    table.add_column(t("tui.visit.at"), no_wrap=True)
    table.add_column(t("tui.visit.kind"), no_wrap=True)
    table.add_column(t("tui.visit.found"), ratio=1, overflow="fold")  # wrapped whole, never cut
    for stand in visits:
        visit = stand.record
        found = visit.found + (f"（{visit.needs}）" if visit.needs else "")
        if visit.seen:
            found += " " + t("tui.detail.seen", names=t("tui.list_sep").join(visit.seen))
        if visit.follow_up:
            found += " " + t("tui.detail.follow_up_on", date=visit.follow_up)
        style = VOIDED_STYLE if stand.voided else ""
        table.add_row(Text(visit.at.replace("T", " "), style=style), Text(label("visit_kind", visit.kind), style=style),
                      voided_text(found, stand))  # fmt: skip
    return table


def _stage_text(late: int, what: str, rule: str = "") -> tuple[str, str]:
    """``回访已逾期 2 天`` (red) / ``今天应回访`` (yellow) / ``本周应走访`` (yellow) / ``下次走访 …``."""
    if late > 0:
        return t(f"tui.detail.care.{what}_late", days=late, rule=rule), "bold red"
    if late == 0:
        return t(f"tui.detail.care.{what}_today", rule=rule), "bold yellow"
    return "", ""


def care_text(care: Care | None, today: dt.date) -> Text:
    """What the household is owed: its follow-up and its cadence visit, in words (and colour)."""
    from fieldgrid.tui.field_work.due_screen import rule_text

    if care is None:
        return Text(t("tui.detail.none"), style="dim")
    text = Text()
    if care.follow_up is not None:
        late = (today - care.follow_up).days
        words, style = _stage_text(late, "follow_up")
        if not words:
            words, style = t("tui.detail.care.follow_up_on", date=care.follow_up.isoformat()), ""
        text.append(words + "\n", style=style)
    late = (today - care.due).days
    rule = t("tui.detail.care.rule", rule=rule_text(care.rule), days=care.days)
    if care.reason == "never":
        text.append(t("tui.detail.care.never", rule=rule), style="bold yellow")
    elif care.reason == AFTER_EVENT and late >= -1:
        style = "bold red" if late > 0 else "bold yellow"
        text.append(t("tui.detail.care.after_event", date=care.due.isoformat()), style=style)
    elif late >= 0:
        words, style = _stage_text(late, "visit", rule)
        text.append(words, style=style)
    elif late > -7:
        text.append(t("tui.detail.care.this_week", date=care.due.isoformat(), rule=rule), style="yellow")
    else:
        text.append(t("tui.detail.care.next", date=care.due.isoformat(), rule=rule))
    return text


def problems_text(problems: list[ProblemView], today: dt.date) -> RenderableType:
    if not problems:
        return Text(t("tui.detail.no_open_problems"), style="dim")
    from fieldgrid.tui.field_work.due_screen import deadline_text

    text = Text()
    for view in problems:
        words, style = deadline_text(view, today)
        status = emergency_marked(label("status", view.shown_status), view.report.is_emergency)
        text.append(f"{view.reported_at[:10]}  {status}  ", style="bold red" if view.report.is_emergency else style)
        if words:
            text.append(f"{words}  ", style=style)
        text.append(f"{label('category', view.report.category)}：{view.report.description}\n")
    return text


class HouseholdDetailScreen(Fresh, Screen[bool]):
    """Dismisses with ``True`` when the household was edited or deleted, so the list reloads."""

    AUTO_FOCUS = "#detail-body"
    NAVIGABLE = True
    HELP_TITLE = "tui.help.detail_title"
    HELP_INTRO = "tui.help.detail_intro"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("v", "visit", "tui.key.visit"),
        Binding("V", "correct_visit", "tui.key.correct_visit", show=False),
        Binding("x", "void_visit", "tui.key.void_visit"),
        Binding("M", "move_visit", "tui.key.move_visit"),
        Binding("c", "card", "tui.key.card"),
        Binding("e", "edit", "tui.key.edit"),
        Binding("d", "delete", "tui.key.delete"),
        Binding("o", "move_out", "tui.key.move_out"),
        Binding("D", "deceased", "tui.key.deceased"),
        Binding("a", "move_in", "tui.key.move_in"),
        Binding("r", "toggle_reveal", "tui.key.reveal"),
        Binding("escape", "back", "tui.key.back"),
    ]

    def __init__(self, store: Store, household_id: str) -> None:
        super().__init__(id="household-detail")
        translate_bindings(self)
        self.store = store
        self.household_id = household_id
        self.household: Household | None = None
        self.reveal = False
        self.changed = False
        self.visits: list[Visit] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="detail-body"):
            yield Static(id="detail-summary")
            yield Static(id="detail-members-title", classes="section-title")
            yield Static(id="detail-members")
            yield Static(id="detail-privacy", classes="hint")
            yield Static(id="detail-problems-title", classes="section-title")
            yield Static(id="detail-problems")
            yield Static(id="detail-visits-title", classes="section-title")
            yield Static(id="detail-visits")
        yield KeyBar()

    def on_mount(self) -> None:
        self.load()

    def redraw(self) -> None:
        self.load()

    def load(self) -> None:
        self.drawn()
        try:
            self.household = self.store.household(self.household_id)
        except FieldgridError as exc:
            self.app.notify(t(exc.key, **exc.params), severity="error")
            self.dismiss(True)
            return
        self.show()
        self.refresh_bindings()

    def show(self) -> None:
        household = self.household
        if household is None:
            return
        head = household.head_name or label("residency", household.residency)
        self.sub_title = t("tui.detail.subtitle", room=household.room, head=head)
        profile = self.store.profile()
        kind = profile.grid_kind if profile else STAIRWELL
        area = profile.area if profile else ""
        summary = summary_table(household, self.reveal, kind, area)
        today = self.store.now().date()
        care = care_of(household, self.store.visits(household.id), self.store.cadence(), today)
        summary.add_row(t("tui.detail.care.label"), care_text(care, today))
        self.query_one("#detail-summary", Static).update(summary)
        self.query_one("#detail-members-title", Static).update(t("tui.detail.members", count=len(household.members)))
        self.query_one("#detail-members", Static).update(Group(members_table(household, self.reveal)))
        problems = [p for p in self.store.problems() if p.report.household_id == household.id]
        open_problems = [p for p in problems if p.is_open]
        self.query_one("#detail-problems-title", Static).update(
            t("tui.detail.problems", open=len(open_problems), total=len(problems))
        )
        self.query_one("#detail-problems", Static).update(problems_text(open_problems, self.store.now().date()))
        history = self.store.visit_records(household.id)
        self.visits = [s.record for s in history if not s.voided]
        self.query_one("#detail-visits-title", Static).update(t("tui.detail.visits", count=len(self.visits)))
        self.query_one("#detail-visits", Static).update(visits_table(history))
        self.query_one("#detail-privacy", Static).update(
            t("tui.detail.revealed") if self.reveal else t("tui.detail.masked")
        )

    @property
    def current_household_id(self) -> str | None:
        return self.household_id

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """迁出 and 去世 where people live; 迁入 (the add form) on a flat that is vacant or whose household ended."""
        household = self.household
        if action in ("move_out", "deceased"):
            return household is not None and not household.is_vacant
        if action == "move_in":
            return household is not None and household.is_vacant
        return True

    def action_move_out(self) -> None:
        from fieldgrid.tui.households.move_forms import MoveOutFormScreen

        if self.household is not None and not self.household.is_vacant:
            self.app.push_screen(MoveOutFormScreen(self.store, self.household), self._after_edit)

    def action_deceased(self) -> None:
        from fieldgrid.tui.households.move_forms import DeceasedFormScreen

        if self.household is not None and not self.household.is_vacant:
            self.app.push_screen(DeceasedFormScreen(self.store, self.household), self._after_edit)

    def action_move_in(self) -> None:
        household = self.household
        if household is not None and household.is_vacant:
            form = HouseholdFormScreen(self.store, None, move_in=household)
            self.app.push_screen(form, self._after_move_in)

    def _after_move_in(self, saved: Household | None) -> None:
        if saved is not None:  # the flat's household now: its page replaces the old one's
            self.changed = True
            self.household_id = saved.id
            self.load()

    def action_card(self) -> None:
        from fieldgrid.tui.households.card import CardScreen

        if self.household is not None:
            self.app.push_screen(CardScreen(self.store, self.household))

    def action_visit(self) -> None:
        from fieldgrid.tui.field_work.visit_form import VisitFormScreen

        if self.household is not None:
            self.app.push_screen(VisitFormScreen(self.store, self.household), self._after_visit)

    def action_correct_visit(self) -> None:
        from fieldgrid.tui.field_work.visit_form import VisitFormScreen

        if self.household is None:
            return
        if not self.visits:
            self.app.notify(t("tui.detail.no_visit_to_correct"), severity="warning")
            return
        self.app.push_screen(VisitFormScreen(self.store, self.household, corrects=self.visits[0]), self._after_visit)

    def _correct(self, move: bool) -> None:
        from fieldgrid.tui.field_work.corrections import VisitCorrectionScreen

        if self.household is None:
            return
        if not self.visits:
            self.app.notify(t("tui.detail.no_visit_to_correct"), severity="warning")
            return
        self.app.push_screen(VisitCorrectionScreen(self.store, self.household, self.visits, move=move),
                             self._after_visit)  # fmt: skip

    def action_void_visit(self) -> None:
        self._correct(move=False)

    def action_move_visit(self) -> None:
        self._correct(move=True)

    def _after_visit(self, saved: object) -> None:
        if saved is not None:
            self.show()

    def action_toggle_reveal(self) -> None:
        if not self.reveal and self.household is not None:  # on record before anything is shown
            from fieldgrid.errors import FieldgridError

            try:
                self.store.log_disclosure("reveal", "household_detail", len(self.household.members),
                                          target=self.household.room, via="tui")  # fmt: skip
            except FieldgridError as exc:  # the disk refused the entry: nothing is shown unrecorded
                self.app.notify(t(exc.key, **exc.params), severity="error")
                return
        self.reveal = not self.reveal
        self.show()

    def action_back(self) -> None:
        self.dismiss(self.changed)

    def action_edit(self) -> None:
        if self.household is not None:
            self.app.push_screen(HouseholdFormScreen(self.store, self.household), self._after_edit)

    def _after_edit(self, saved: Household | None) -> None:
        if saved is not None:
            self.changed = True
            self.load()

    def action_delete(self) -> None:
        household = self.household
        if household is None:
            return
        name = household.head_name or label("residency", household.residency)
        question = t("tui.detail.confirm_delete", room=household.room, head=name)
        self.app.push_screen(ConfirmDialog(question, yes=t("tui.detail.delete_yes"), danger=True), self._delete)

    def _delete(self, confirmed: bool | None) -> None:
        if not confirmed or self.household is None:
            return
        try:
            self.store.delete_household(self.household.id)
        except FieldgridError as exc:
            self.app.notify(t(exc.key, **exc.params), severity="error", timeout=10)
            return
        self.app.notify(t("tui.detail.deleted", room=self.household.room))
        self.dismiss(True)
