"""One problem: its facts, its timeline of events and the status derived from it, and the next steps as keys.

``w`` copies a ready-to-paste message for the unit's WeChat group (feedback, or the notice of a problem that
cannot be solved); ``P`` writes the notice to a text file for printing; ``C`` corrects its category, place,
urgency or description (a ``corrected`` event with the reason, shown in the timeline).  Neither message names
the resident who reported; ``R`` chooses whether they name the household's room (off until the leader turns it on).
"""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from fieldgrid.errors import FieldgridError
from fieldgrid.fsutil import atomic_write_bytes
from fieldgrid.i18n import label, t
from fieldgrid.ledger.wording import problem_message
from fieldgrid.ledger.wording import timeline as history
from fieldgrid.model.ledger import ProblemView, refusal
from fieldgrid.store import Store
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.common.formatting import emergency_marked
from fieldgrid.tui.common.fresh import Fresh
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.title_bar import TitleBar

# action → event kind
STEPS = {"note": "note", "handle": "handled", "escalate": "escalated", "decide": "decision",
         "feedback": "feedback", "close": "closed", "reopen": "reopened"}  # fmt: skip
WHEN_OPEN = frozenset({"note", "handle", "escalate", "decide", "feedback", "close"})
WHEN_CLOSED = frozenset({"note", "reopen", "print_notice"})


class ProblemDetailScreen(Fresh, Screen[None]):
    AUTO_FOCUS = "#problem-body"
    NAVIGABLE = True
    HELP_TITLE = "tui.help.problem_detail_title"
    HELP_INTRO = "tui.help.problem_detail_intro"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "step('note')", "tui.key.note", show=False),
        Binding("s", "step('handle')", "tui.key.handle"),
        Binding("u", "step('escalate')", "tui.key.escalate"),
        Binding("d", "step('decide')", "tui.key.decide"),
        Binding("f", "step('feedback')", "tui.key.feedback"),
        Binding("c", "step('close')", "tui.key.close_problem"),
        Binding("o", "step('reopen')", "tui.key.reopen"),
        Binding("w", "copy_message", "tui.key.copy_wechat"),
        Binding("C", "correct", "tui.key.correct_problem"),
        Binding("P", "print_notice", "tui.key.print_notice", show=False),
        Binding("R", "toggle_room", "tui.key.message_room", show=False),
        Binding("escape", "back", "tui.key.back"),
    ]

    def __init__(self, store: Store, problem_id: str) -> None:
        super().__init__(id="problem-detail")
        translate_bindings(self)
        self.store = store
        self.problem_id = problem_id
        self.view: ProblemView | None = None
        self.with_room = False  # whether the WeChat message and the notice name the household's room

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="problem-body"):
            yield Static(id="problem-facts")
            yield Static(t("tui.problem.timeline"), classes="section-title")
            yield Static(id="problem-timeline")
        yield KeyBar()

    def on_mount(self) -> None:
        self.load()

    @property
    def current_household_id(self) -> str | None:
        return self.view.report.household_id if self.view else None

    def place(self) -> str:
        view = self.view
        assert view is not None
        if view.report.household_id:
            try:
                household = self.store.household(view.report.household_id)
            except FieldgridError:
                return view.report.place
            return f"{household.room} {household.head_name}".strip()
        return view.report.place

    def redraw(self) -> None:
        self.load()

    def load(self) -> None:
        self.drawn()
        try:
            self.view = self.store.problem(self.problem_id)
        except FieldgridError as exc:
            self.app.notify(t(exc.key, **exc.params), severity="error")
            self.dismiss(None)
            return
        view, today = self.view, self.store.now().date()
        status = emergency_marked(label("status", view.shown_status), view.report.is_emergency)
        self.sub_title = t("tui.problem.subtitle", category=label("category", view.report.category), status=status)
        facts = Table.grid(padding=(0, 2))
        facts.add_column(style="bold", no_wrap=True)
        facts.add_column(ratio=1)
        overdue = view.overdue(today)
        facts.add_row(
            t("tui.problem.status"),
            Text(
                t("tui.ledger.overdue", status=status) if overdue else status, style="bold red" if overdue else "bold"
            ),
        )
        facts.add_row(t("tui.problem.place"), self.place())
        facts.add_row(t("tui.problem.category"), label("category", view.report.category))
        urgency = label("urgency", view.report.urgency)
        if view.report.emergency:
            urgency += t("tui.list_sep") + label("emergency", view.report.emergency)
        facts.add_row(t("tui.problem.urgency"), urgency)
        facts.add_row(t("tui.problem.description"), view.report.description)
        if view.report.reporter:
            facts.add_row(t("tui.problem.reporter"), view.report.reporter)
        if view.is_open:
            from fieldgrid.tui.field_work.due_screen import deadline_text

            words, style = deadline_text(view, today)
            due = Text(view.due.isoformat())
            if words:
                due.append("  " + words, style=style)
            facts.add_row(t("tui.problem.due"), due)
        if view.status == "notice_due":
            facts.add_row("", Text(t("tui.problem.notice_due"), style="bold yellow"))
        elif view.needs_feedback:
            facts.add_row("", Text(t("tui.problem.feedback_due"), style="bold yellow"))
        self.query_one("#problem-facts", Static).update(facts)
        timeline = Table.grid(padding=(0, 2))
        timeline.add_column(no_wrap=True, style="dim")
        timeline.add_column(ratio=1)
        for at, summary in history(view):  # the steps ticked in an emergency among the events
            timeline.add_row(at.replace("T", " "), summary)
        self.query_one("#problem-timeline", Static).update(timeline)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.view is None:
            return True
        name = str(parameters[0]) if action == "step" and parameters else action
        if name in WHEN_OPEN | WHEN_CLOSED:
            allowed = WHEN_OPEN if self.view.is_open else WHEN_CLOSED
            return name in allowed  # what cannot be done now is left out of the key bar
        return True

    def action_step(self, action: str) -> None:
        from fieldgrid.tui.ledger.event_form import EventFormScreen

        if self.view is not None:
            # a problem the community decided cannot be solved is closed with its notice
            resolution = "unsolvable" if self.view.status == "notice_due" else "solved"
            kind = STEPS[action]
            # a solved problem closes as solved, so only once the residents were told; any other open one may
            # still be closed as cannot be solved, with its notice, in the form
            check = "solved" if self.view.status == "resolved" else "unsolvable"
            refused = refusal(self.view, kind, resolution=check) if kind == "closed" else None
            if refused is not None:  # said at once, not after the whole form was filled in
                self.app.notify(t(refused.key, **refused.params), severity="warning", timeout=8)
                return
            form = EventFormScreen(self.store, self.view, kind, resolution=resolution)
            self.app.push_screen(form, self._after_step)

    def action_correct(self) -> None:
        from fieldgrid.tui.field_work.corrections import ProblemCorrectionScreen

        if self.view is not None:
            self.app.push_screen(ProblemCorrectionScreen(self.store, self.view), self._after_step)

    def _after_step(self, view: ProblemView | None) -> None:
        if view is not None:
            self.load()

    def action_copy_message(self) -> None:
        if self.view is None:
            return
        message = problem_message(self.store, self.view, room=self.with_room)
        self.app.copy_to_clipboard(message)
        self.app.notify(message, title=t("tui.problem.copied"), timeout=10)

    def action_toggle_room(self) -> None:
        self.with_room = not self.with_room
        self.app.notify(t("tui.problem.room_on" if self.with_room else "tui.problem.room_off"))

    def action_print_notice(self) -> None:
        view = self.view
        if view is None or not view.state.notice:
            self.app.notify(t("tui.problem.no_notice"), severity="warning")
            return
        folder = self.store.home / "notices"
        path = folder / f"{view.state.closed_at[:10] if view.state.closed_at else 'notice'}-{view.id[:8]}.txt"
        text = problem_message(self.store, view, room=self.with_room) + "\n"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, text.encode("utf-8"))
        except OSError as exc:
            self.app.notify(t("cli.error.os", path=str(path), reason=exc.strerror or str(exc)), severity="error")
            return
        self.app.notify(t("tui.problem.notice_written", path=str(path)), timeout=15)

    def action_back(self) -> None:
        self.dismiss(None)
