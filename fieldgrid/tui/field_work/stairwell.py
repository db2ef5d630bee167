"""The first screen: the stairwell map beside the dashboard of what needs doing.

The map (:class:`~fieldgrid.tui.widgets.stairwell_grid.StairwellGrid`) marks each room; the dashboard counts
households not visited lately, follow-ups due, open, overdue and escalated problems, and feedback owed.
Both are rebuilt from the store whenever the screen comes back to the top, so they always show the present.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Static

from fieldgrid.i18n import label, t
from fieldgrid.model import Household
from fieldgrid.model.cadence import care_all
from fieldgrid.model.dashboard import Dashboard, build, map_rows
from fieldgrid.model.due import due_list
from fieldgrid.model.moves import on_the_map
from fieldgrid.record.tables import NOTICES
from fieldgrid.store import Store
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.common.fresh import Fresh
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.stairwell_grid import StairwellGrid
from fieldgrid.tui.widgets.title_bar import TitleBar

# The dashboard's numbers, each opening its list: (key, list name)
DASH_KEYS: tuple[tuple[str, str], ...] = (
    ("d", "today"),
    ("1", "not_visited"),
    ("2", "attention"),
    ("3", "follow_ups"),
    ("4", "open"),
    ("5", "overdue"),
    ("6", "feedback"),
    ("7", "escalated"),
)
DASH_KEY = dict((name, key) for key, name in DASH_KEYS)


def dashboard_text(d: Dashboard, visit_days: int = 30, due_today: int = 0, links: dict[int, str] | None = None) -> Text:
    """The dashboard; each number's line starts with the key that opens its list, and ``links`` (when given) is
    filled with line number → list name, for a click."""
    text = Text()
    lines = [0]

    def newline(part: str = "", style: str = "") -> None:
        text.append(part + "\n", style=style)
        lines[0] += 1

    def line(key: str, value: int, name: str, *, alert: bool = False, **params: object) -> None:
        style = "bold red" if alert and value else "bold" if value else "dim"
        text.append(DASH_KEY[name] + " ", style="dim")
        text.append(t(key, **params) + " ", style="")
        text.append(str(value), style=style)
        if links is not None:
            links[lines[0]] = name
        newline()

    newline(t("tui.dash.title"), style="bold underline")
    newline(t("tui.dash.households", households=d.households, people=d.people))
    line("tui.dash.due_today", due_today, "today", alert=True)
    line("tui.dash.not_visited", d.not_visited, "not_visited", alert=True, days=visit_days)
    line("tui.dash.attention_not_visited", d.attention_not_visited, "attention", alert=True)
    line("tui.dash.follow_ups", d.follow_ups_due, "follow_ups", alert=True)
    newline()
    if d.emergencies:  # before everything else of the ledger, in words
        newline(t("tui.dash.emergencies", n=d.emergencies), style="bold reverse red")
    line("tui.dash.open", d.open_problems, "open")
    statuses = "  ".join(
        f"{label('status', s)} {n}" for s, n in d.by_status.items() if s not in ("resolved", "notice_due", "escalated")
    )
    if statuses:
        newline("    " + statuses, style="dim")
    line("tui.dash.overdue", d.overdue, "overdue", alert=True)
    line("tui.dash.feedback", d.awaiting_feedback, "feedback", alert=True)
    line("tui.dash.escalated", d.escalated, "escalated")
    kinds = d.month_kinds
    newline(t("tui.dash.month_title"), style="bold")
    text.append(t("tui.dash.month_visits", visits=d.visits_this_month, errands=kinds.get("errand", 0),
                  mediations=kinds.get("mediation", 0), hazards=kinds.get("hazard_check", 0)) + "\n")  # fmt: skip
    text.append(t("tui.dash.month_problems", handled=d.handled_this_month, escalated=d.escalated_this_month,
                  closed=d.closed_this_month))  # fmt: skip
    return text


def glimpse(text: str, cells: int = 30) -> str:
    """The start of ``text`` in ``cells`` cells, ending in ``…`` when there is more (``n`` reads it whole)."""
    if cell_len(text) <= cells:
        return text
    return set_cell_size(text, cells - 1).rstrip() + "…"


class DashboardPanel(Static):
    """The dashboard: a click on a number's line opens its list (as its key does)."""

    links: dict[int, str]

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        name = getattr(self, "links", {}).get(offset.y) if offset is not None else None
        if name is not None:
            event.stop()
            self.screen.open_list(name)  # type: ignore[attr-defined]


class StairwellScreen(Fresh, Screen[None]):
    AUTO_FOCUS = "#stairwell"
    NAVIGABLE = True
    HELP_TITLE = "tui.help.map_title"
    HELP_INTRO = "tui.help.map_intro"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "tui.key.open"),
        Binding("v", "visit", "tui.key.visit"),
        Binding("d", "open_list('today')", "tui.key.due"),
        Binding("h", "households", "tui.key.households"),
        Binding("l", "app.ledger", "tui.key.ledger"),
        Binding("t", "app.patrol", "tui.key.patrol"),
        Binding("T", "app.patrols", "tui.key.patrols", show=False),
        Binding("p", "app.problem", "tui.key.problem"),
        Binding("exclamation_mark", "app.emergency", "tui.key.emergency"),
        Binding("s", "app.sync", "tui.key.sync"),
        Binding("a", "audit", "tui.key.audit"),
        *(Binding(key, f"open_list('{name}')", f"tui.key.dash_{name}", show=False) for key, name in DASH_KEYS[1:]),
        Binding("slash", "search", "tui.key.search", show=False),
        Binding("i", "app.import_roster", "tui.key.import_roster", show=False),
        Binding("n", "notices", "tui.key.notices", show=False),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__(id="stairwell-screen")
        translate_bindings(self)
        self.store = store
        self.dashboard = Dashboard()
        self.waiting = 0  # changes the station has not acknowledged
        self.due_today = 0  # entries on the due list

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="map-row"):
            yield StairwellGrid(id="stairwell")
            yield Static(t("tui.map.empty_hint"), id="map-hint")  # first run: no household yet
            yield DashboardPanel(id="dashboard")
        yield Static(id="map-legend")
        yield KeyBar()

    @property
    def grid(self) -> StairwellGrid:
        return self.query_one("#stairwell", StairwellGrid)

    def on_mount(self) -> None:
        self.reload()

    def redraw(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.drawn()
        profile = self.store.profile()
        if profile is not None:
            self.sub_title = t("tui.map.subtitle", grid=profile.grid.label(), leader=profile.name)
        households = on_the_map(self.store.households())  # a flat whose household moved out shows vacant
        days = profile.visit_days if profile else 30
        visits, problems, now = self.store.visits(), self.store.problems(), self.store.now()
        cadence = self.store.cadence()
        care = care_all(households, visits, cadence, now.date())
        self.due_today = len(due_list(households, visits, problems, cadence, now.date()))
        self.dashboard = build(households, visits, problems, now, visit_days=days, care=care)
        kind = profile.grid_kind if profile else "stairwell"
        laid_out = map_rows(households, kind)
        rooms = [(floor, [self.dashboard.rooms[h.id] for h in hs]) for floor, _, hs in laid_out]
        current = self.grid.current
        self.grid.kind = kind
        self.grid.labels = [] if kind == "stairwell" else [
            t("tui.map.group", group=floor) if first and floor is not None else "" for floor, first, _ in laid_out
        ]
        self.grid.set_rooms(rooms, keep=current.household if current else None)
        self.query_one("#map-hint", Static).display = not rooms
        self.grid.display = bool(rooms)
        from fieldgrid.sync.pending import pending_count

        self.waiting = pending_count(self.store)
        panel = self.query_one("#dashboard", DashboardPanel)
        panel.links = {}
        text = dashboard_text(self.dashboard, days, self.due_today, panel.links)
        self.query_one("#map-legend", Static).update(t("tui.map.legend", days=days))
        text.append("\n" + t("tui.dash.sync", count=self.waiting), style="bold yellow" if self.waiting else "dim")
        everything = sorted(self.store.raw_docs(NOTICES), key=lambda n: str(n.get("at", "")), reverse=True)
        notices = [n for n in everything if n.get("audience") != "leaders"]
        for_me = [n for n in everything if n.get("audience") == "leaders"]
        if notices:  # the latest word from the station, to pass on to the residents
            latest = notices[0]
            since = str(latest.get("received") or latest.get("at") or "")
            visited = self.store.last_visits()
            untold = sum(1 for h in households if not h.is_vacant and visited.get(h.id, "") < since)
            text.append("\nn ", style="dim")  # its key, as the numbers above: n reads the notices whole
            text.append(t("tui.dash.notice", count=len(notices)) + "\n", style="bold")
            text.append(glimpse(str(latest.get("text", ""))) + "\n", style="yellow")
            text.append(t("tui.dash.untold", count=untold), style="bold red" if untold else "dim")
        if for_me:  # for the leader only: nothing to pass on
            text.append("\n" + t("tui.dash.leader_notice", count=len(for_me)) + "\n", style="bold")
            text.append(glimpse(str(for_me[0].get("text", ""))), style="yellow")
        panel.update(text)

    def action_notices(self) -> None:
        """The station's notices whole, newest first (the dashboard shows the start of the latest)."""
        from fieldgrid.tui.widgets.read_whole import ReadWhole

        notices = sorted(self.store.raw_docs(NOTICES), key=lambda n: str(n.get("at", "")), reverse=True)
        text = Text()
        for notice in notices:
            text.append(str(notice.get("at", ""))[:10] + "\n", style="bold")
            text.append(str(notice.get("text", "")) + "\n\n")
        if not notices:
            text.append(t("tui.map.no_notices"), style="dim")
        self.app.push_screen(ReadWhole(t("tui.key.notices"), text))

    @property
    def highlighted(self) -> Household | None:
        state = self.grid.current
        return state.household if state else None

    @property
    def current_household_id(self) -> str | None:
        household = self.highlighted
        return household.id if household is not None and not household.is_vacant else None

    # -- actions ----------------------------------------------------------------------------------

    @on(StairwellGrid.RoomSelected)
    def _selected(self, event: StairwellGrid.RoomSelected) -> None:
        self.open_household(event.household)

    def action_open(self) -> None:
        if self.highlighted is not None:
            self.open_household(self.highlighted)

    def open_household(self, household: Household) -> None:
        from fieldgrid.tui.households.household_detail import HouseholdDetailScreen

        self.app.push_screen(HouseholdDetailScreen(self.store, household.id))

    def action_visit(self) -> None:
        """The visit form, asking which flat: the cursor's is shown, typing another room replaces it."""
        household = self.highlighted
        if household is None:
            self.app.notify(t("tui.map.pick_lived_in"), severity="warning")
            return
        from fieldgrid.tui.field_work.visit_form import VisitFormScreen

        self.app.push_screen(VisitFormScreen(self.store, household, ask_room=True))

    def action_households(self) -> None:
        self.app.action_households()  # type: ignore[attr-defined]

    def action_search(self) -> None:
        self.app.action_households(search=True)  # type: ignore[attr-defined]

    def action_open_list(self, name: str) -> None:
        self.open_list(name)

    def open_list(self, name: str) -> None:
        """今日待办 (``today``) or the list behind one of the dashboard's numbers."""
        from fieldgrid.tui.field_work.due_screen import DueScreen

        self.app.push_screen(DueScreen(self.store, name))

    def action_audit(self) -> None:
        from fieldgrid.tui.audit.disclosure_log import DisclosureLogScreen

        self.app.push_screen(DisclosureLogScreen(self.store))
