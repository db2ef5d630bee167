"""Sync with the service station from the TUI (``s``): what waits, which station, the notices it sent back; and
the USB stick in one action (``ctrl+s``, or ``enter`` in the folder): import the returns on it addressed to this
device, then write this device's bundle into its ``fieldgrid`` folder — the same as ``fieldgrid sync stick``.
The folder comes filled in with the stick found plugged in, or the one used last; what was done stays on screen."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from fieldgrid.assets import asset_path
from fieldgrid.errors import FieldgridError
from fieldgrid.i18n import get_language, label, t
from fieldgrid.model.scenario import Pack, ScenarioError
from fieldgrid.store import Store
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.common.fresh import Fresh
from fieldgrid.tui.widgets.form_field import FormField
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.title_bar import TitleBar

OLD_FOLDER = "tui_sync_folder"  # the folder this screen remembered before the stick was one action


def pack_lines(installed: Sequence[Pack], refused: Sequence[tuple[str, ScenarioError]]) -> list[str]:
    """What a return did with the scenario packs it brought: each installed (its title and version) or refused
    (its name and why)."""
    lang = "en" if get_language() == "en" else "zh"
    lines = [t("tui.scenarios.installed", title=p.title.label(lang), version=p.version) for p in installed]
    lines += [t("tui.scenarios.refused", name=name, reason=t(exc.key, **exc.params)) for name, exc in refused]
    return lines


class SyncScreen(Fresh, Screen[None]):
    CSS_PATH: ClassVar = [asset_path("tcss", "forms.tcss")]
    DEFAULT_CSS = "#sync-result { margin-top: 1; }"
    HELP_TITLE = "tui.help.sync_title"
    HELP_INTRO = "tui.help.sync_intro"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "stick", "tui.key.sync_stick", priority=True),
        Binding("ctrl+o", "scenarios", "tui.scenarios.key", priority=True),
        Binding("escape", "back", "tui.key.back"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__(classes="field-form")
        translate_bindings(self)
        self.store = store

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="form-body"):
            yield Static(id="sync-status")
            yield FormField(t("tui.sync.folder"), Input("", id="sync-folder", compact=True), field="folder",
                            hint=t("tui.sync.folder_hint"))  # fmt: skip
            yield Static(id="sync-result")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = t("tui.sync.title")
        self.show_status()
        self.find_stick()
        self.query_one("#sync-folder", Input).focus()  # enter: the stick, both ways

    def redraw(self) -> None:
        self.show_status()

    def show_status(self) -> None:
        self.drawn()
        from fieldgrid.sync import device
        from fieldgrid.sync.pending import pending_count

        station = device.trusted_station(self.store)
        text = Text()
        text.append(t("sync.status.pending", count=pending_count(self.store)) + "\n", style="bold")
        text.append((t("sync.status.station", name=station.name, party=station.party) if station
                     else t("sync.status.no_station")) + "\n")  # fmt: skip
        conflicts = len(self.store.raw_docs(device.CONFLICTS))
        if conflicts:
            text.append(t("tui.sync.conflicts", count=conflicts) + "\n", style="yellow")
        installed = self.store.vocabulary().installed
        if installed:
            lang = "en" if get_language() == "en" else "zh"
            titles = t("tui.list_sep").join(p.title.label(lang) for p in installed.values())
            text.append(t("tui.scenarios.status", count=len(installed), titles=titles) + "\n")
        notices = self.store.raw_docs(device.NOTICES)
        if notices:
            text.append("\n" + t("sync.status.notices", count=len(notices)) + "\n", style="bold")
            for notice in sorted(notices, key=lambda n: n.get("at", ""), reverse=True)[:5]:
                text.append(f"  {notice.get('at', '')[:10]}  {notice.get('text', '')}\n")
        self.query_one("#sync-status", Static).update(text)

    def _result(self, message: str, *, error: bool = False, hint: bool = False) -> None:
        style = "yellow" if hint else "bold red" if error else "bold green"
        self.query_one("#sync-result", Static).update(Text(message, style=style))

    def find_stick(self) -> Path | None:
        """Fill the folder with the stick plugged in, or the one used last; several and none used before: say
        which were found, for the leader to type one."""
        from fieldgrid.sync import device
        from fieldgrid.sync.stick import find_stick

        found = find_stick(self.store.setting(device.LAST_STICK) or self.store.setting(OLD_FOLDER))
        if found.stick is not None:
            self.query_one("#sync-folder", Input).value = str(found.stick)
        elif found.candidates:
            listing = "\n".join(f"  {path}" for path in found.candidates)
            self._result(t("tui.sync.several", candidates=listing), hint=True)
        else:
            self._result(t("tui.sync.none_found"), hint=True)
        return found.stick

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "sync-folder":
            event.stop()
            self.action_stick()

    def action_stick(self) -> None:
        from fieldgrid.sync import device
        from fieldgrid.sync.identity import Keys

        folder = self.query_one("#sync-folder", Input).value.strip()
        if not folder:  # plugged in since the screen opened?
            found = self.find_stick()
            if found is None:
                return
            folder = str(found)
        try:
            done = device.exchange_stick(self.store, Keys(self.store.home), Path(folder).expanduser())
        except FieldgridError as exc:
            self._result(t(exc.key, **exc.params), error=True)
            return
        except OSError as exc:
            self._result(t("cli.error.os", path=folder, reason=exc.strerror or str(exc)), error=True)
            return
        lines: list[str] = []
        refused = False
        for path, result in done.returns:
            name = str(path.relative_to(done.folder))
            if isinstance(result, FieldgridError):
                refused = True
                lines.append(t("stick.device.refused", file=name, reason=t(result.key, **result.params)))
            elif result.duplicate:
                lines.append(t("sync.import.duplicate"))
            else:
                lines.append(t("sync.import.done", changed=result.changed, notices=result.notices,
                               conflicts=result.conflicts))  # fmt: skip
                for decision in result.decisions:
                    data = decision.get("data") or {}
                    lines.append(t("stick.device.decision", code=str(decision.get("problem_id", ""))[:8].upper(),
                                   outcome=label("outcome", str(data.get("outcome", ""))),
                                   text=str(data.get("text", ""))))  # fmt: skip
                lines += pack_lines(result.scenarios, result.scenarios_refused)
        if not done.returns:
            lines.append(t("tui.sync.no_returns"))
        written = done.exported.path.relative_to(done.folder.parent)  # fieldgrid/device-….fgbundle: it fits
        lines.append(t("sync.export.done", count=done.exported.records, path=str(written)))
        self._result("\n".join(lines), error=refused)
        self.show_status()

    async def action_scenarios(self) -> None:
        await self.app.run_action("scenarios")

    def action_back(self) -> None:
        self.dismiss(None)
