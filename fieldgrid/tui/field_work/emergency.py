"""Emergencies come first: before any form, the number to call, who to notify and who is at risk.

``!`` from anywhere asks which emergency (``1`` fire, ``2`` gas, ``3`` medical, ``4`` violence), then shows, at
80×24 without scrolling: the number in large type — 119, 120 or 110 —, the property company's and the
community's duty phones (the leader's profile), and on a household's page or cell the household: who lives there,
what makes them vulnerable (their tags, anyone 80 or older, living alone) and their emergency contact with the
phone in full (the app must never be in the way of a call; shown on record in the disclosure log).  Below, the
checklist — call, notify the property company, notify the community — whose items are ticked with ``space`` or
``enter`` (☐ → ☑, with the minute); ``ctrl+s`` then opens the problem form, already marked 紧急, and the ticks go
into the problem it records (its report's ``checklist``).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from fieldgrid.assets import asset_path
from fieldgrid.errors import FieldgridError
from fieldgrid.i18n import label, t
from fieldgrid.model import Household
from fieldgrid.model.ledger import EMERGENCY_KINDS, EMERGENCY_STEPS
from fieldgrid.store import Store
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.common.formatting import phone_text
from fieldgrid.tui.widgets.key_bar import KeyBar

KINDS = tuple(EMERGENCY_KINDS)
OLD_AGE = 80  # 80 or older: named among the vulnerabilities
UNTICKED, TICKED = "☐", "☑"


def vulnerabilities(household: Household, year: int) -> list[str]:
    """What makes the people of ``household`` vulnerable, in words: its tags, each living member of 80 or more
    (with the age), and living alone when one person lives there (unless a tag says so already)."""
    found = [label("tag", tag) for tag in household.tags]
    for member in household.living:
        if member.birth_year and year - member.birth_year >= OLD_AGE:
            found.append(t("tui.emergency.aged", name=member.name, age=year - member.birth_year))
    if len(household.living) == 1 and "living_alone" not in household.tags:
        found.append(t("tui.emergency.alone"))
    return found


class EmergencyScreen(ModalScreen["dict[str, str] | None"]):
    """Dismisses with the ticked steps (step → the minute it was ticked), or ``None`` when closed with esc."""

    CSS_PATH: ClassVar = [asset_path("tcss", "dialogs.tcss")]
    HELP_TITLE = "tui.help.emergency_title"

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(str(n), f"choose({n - 1})", f"tui.emergency.key_{kind}", show=False)
            for n, kind in enumerate(KINDS, 1)
        ),
        Binding("up", "move(-1)", "tui.emergency.key_up", show=False),
        Binding("down", "move(1)", "tui.emergency.key_down", show=False),
        Binding("space", "tick", "tui.key.tick"),
        Binding("enter", "tick", "tui.key.tick", show=False),
        Binding("ctrl+s", "record", "tui.key.record_emergency"),
        Binding("escape", "close", "tui.key.close"),
    ]

    def __init__(
        self, store: Store, *, kind: str | None = None, household_id: str | None = None, then_report: bool = True
    ) -> None:
        super().__init__(classes="dialog-screen", id="emergency")
        translate_bindings(self)
        self.store = store
        self.kind = kind
        self.household_id = household_id
        self.then_report = then_report
        self.ticked: dict[str, str] = {}  # step → ISO minute
        self.cursor = 0
        self.contact_logged = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog emergency"):
            yield Static(id="emergency-body")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("tick", "move", "record"):
            return self.kind is not None
        return True

    def household(self) -> Household | None:
        if self.household_id is None:
            return None
        return next((h for h in self.store.households() if h.id == self.household_id), None)

    def step_text(self, step: str) -> str:
        assert self.kind is not None
        profile = self.store.profile()
        if step == "call":
            return t("tui.emergency.step_call", number=EMERGENCY_KINDS[self.kind])
        phone = getattr(profile, f"{step}_phone", "") if profile is not None else ""
        if phone:
            return t(f"tui.emergency.step_{step}_phone", phone=phone_text(phone, reveal=True))
        return t(f"tui.emergency.step_{step}") + "  " + t("tui.emergency.no_phone")

    def household_text(self, household: Household) -> Text:
        text = Text()
        year = self.store.now().year
        text.append(t("tui.emergency.household", room=household.room, name=household.head_name) + "\n", style="bold")
        risks = vulnerabilities(household, year)
        if risks:
            text.append("  " + t("tui.emergency.risks", risks=t("tui.list_sep").join(risks)) + "\n", style="bold red")
        if household.emergency_name or household.emergency_phone:
            phone = phone_text(household.emergency_phone, reveal=True) or "—"
            contact = t("tui.emergency.contact", name=household.emergency_name or "—", phone=phone)
            text.append("  " + contact + "\n")
        else:
            text.append("  " + t("tui.emergency.no_contact") + "\n", style="dim")
        return text

    def show(self) -> None:
        text = Text()
        if self.kind is None:
            text.append(t("tui.emergency.which") + "\n\n", style="bold")
            for n, kind in enumerate(KINDS, 1):
                text.append(f"  {n}  ", style="bold reverse")
                text.append(f" {label('emergency', kind)} → {EMERGENCY_KINDS[kind]}\n")
            self.query_one("#emergency-body", Static).update(text)
            self.refresh_bindings()
            return
        number = EMERGENCY_KINDS[self.kind]
        text.append(t("tui.emergency.call", what=label("emergency", self.kind)) + "  ", style="bold")
        text.append(f"  {number}  ", style="bold white on red")
        text.append("\n\n")
        household = self.household()
        if household is not None:
            self._log_contact(household)
            text.append_text(self.household_text(household))
            text.append("\n")
        text.append(t("tui.emergency.checklist") + "\n", style="bold")
        for n, step in enumerate(EMERGENCY_STEPS):
            at = self.ticked.get(step)
            mark = TICKED if at else UNTICKED
            line = f"{'▸' if n == self.cursor else ' '} {mark} {self.step_text(step)}"
            if at:
                line += "  " + t("tui.emergency.ticked_at", time=at[11:16])
            text.append(line + "\n", style="reverse" if n == self.cursor else "bold green" if at else "")
        text.append("\n")
        key = "tui.emergency.then_record" if self.then_report else "tui.emergency.then_back"
        text.append(t(key), style="dim")
        self.query_one("#emergency-body", Static).update(text)
        self.refresh_bindings()

    def _log_contact(self, household: Household) -> None:
        """The emergency contact's phone is shown in full: on record, once."""
        if self.contact_logged or not household.emergency_phone:
            return
        try:
            self.store.log_disclosure("reveal", "emergency", 1, target=household.room, via="tui")
        except FieldgridError as exc:  # the disk refused the entry: the call still comes first
            self.app.notify(t(exc.key, **exc.params), severity="error")
        self.contact_logged = True

    def action_choose(self, index: int) -> None:
        if self.kind is None:
            self.kind = KINDS[index]
            self.show()

    def action_move(self, step: int) -> None:
        self.cursor = (self.cursor + step) % len(EMERGENCY_STEPS)
        self.show()

    def action_tick(self) -> None:
        """Tick the step under the cursor with the minute (or untick it), then move to the next one."""
        step = EMERGENCY_STEPS[self.cursor]
        if step in self.ticked:
            del self.ticked[step]
        else:
            self.ticked[step] = self.store.now().isoformat(timespec="minutes")
            self.cursor = min(self.cursor + 1, len(EMERGENCY_STEPS) - 1)
        self.show()

    def action_record(self) -> None:
        if self.kind is None:
            return
        ticked = dict(self.ticked)
        self.dismiss(ticked)
        if self.then_report:
            from fieldgrid.tui.ledger.problem_form import ProblemFormScreen

            form = ProblemFormScreen(self.store, household_id=self.household_id, emergency=self.kind, checklist=ticked)
            self.app.push_screen(form)

    def action_close(self) -> None:
        self.dismiss(dict(self.ticked) if not self.then_report else None)
