"""Sync with the service station from the TUI (``s``): what waits, which station, the notices it sent back;
write a bundle to the USB stick, or read the station's return bundle from it."""

from __future__ import annotations

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
from fieldgrid.i18n import t
from fieldgrid.store import Store
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.widgets.form_field import FormField
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.title_bar import TitleBar

LAST_FOLDER = "tui_sync_folder"


class SyncScreen(Screen[None]):
    CSS_PATH: ClassVar = [asset_path("tcss", "forms.tcss")]
    HELP_TITLE = "tui.help.sync_title"
    HELP_INTRO = "tui.help.sync_intro"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+e", "export", "tui.key.sync_export", priority=True),
        Binding("ctrl+o", "import", "tui.key.sync_import", priority=True),
        Binding("escape", "back", "tui.key.back"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__(classes="field-form")
        translate_bindings(self)
        self.store = store

    def compose(self) -> ComposeResult:
        folder = str(self.store.setting(LAST_FOLDER) or "")
        yield TitleBar()
        with VerticalScroll(id="form-body"):
            yield Static(id="sync-status")
            yield FormField(t("tui.sync.folder"), Input(folder, id="sync-folder", compact=True), field="folder",
                            hint=t("tui.sync.folder_hint"))  # fmt: skip
            yield FormField(t("tui.sync.file"), Input("", id="sync-file", compact=True), field="file",
                            hint=t("tui.sync.file_hint"))  # fmt: skip
            yield Static(id="sync-result")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = t("tui.sync.title")
        self.show_status()

    def show_status(self) -> None:
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
        notices = self.store.raw_docs(device.NOTICES)
        if notices:
            text.append("\n" + t("sync.status.notices", count=len(notices)) + "\n", style="bold")
            for notice in sorted(notices, key=lambda n: n.get("at", ""), reverse=True)[:5]:
                text.append(f"  {notice.get('at', '')[:10]}  {notice.get('text', '')}\n")
        self.query_one("#sync-status", Static).update(text)

    def _result(self, message: str, *, error: bool = False) -> None:
        self.query_one("#sync-result", Static).update(Text(message, style="bold red" if error else "bold green"))
        self.app.notify(message, severity="error" if error else "information", timeout=10)

    def action_export(self) -> None:
        from fieldgrid.sync import device
        from fieldgrid.sync.identity import Keys

        folder = self.query_one("#sync-folder", Input).value.strip()
        if not folder:
            self._result(t("tui.sync.need_folder"), error=True)
            return
        try:
            done = device.export(self.store, Keys(self.store.home), Path(folder).expanduser())
            self.store.set_setting(LAST_FOLDER, folder)
        except FieldgridError as exc:
            self._result(t(exc.key, **exc.params), error=True)
            return
        except OSError as exc:
            self._result(t("cli.error.os", path=folder, reason=exc.strerror or str(exc)), error=True)
            return
        self._result(t("sync.export.done", count=done.records, path=str(done.path)))
        self.show_status()

    def action_import(self) -> None:
        from fieldgrid.sync import device
        from fieldgrid.sync.identity import Keys

        name = self.query_one("#sync-file", Input).value.strip()
        if not name:
            self._result(t("tui.sync.need_file"), error=True)
            return
        try:
            result = device.import_return(self.store, Keys(self.store.home), Path(name).expanduser())
        except FieldgridError as exc:
            self._result(t(exc.key, **exc.params), error=True)
            return
        except OSError as exc:
            self._result(t("cli.error.os", path=name, reason=exc.strerror or str(exc)), error=True)
            return
        if result.duplicate:
            self._result(t("sync.import.duplicate"))
        else:
            self._result(t("sync.import.done", changed=result.changed, notices=result.notices,
                           conflicts=result.conflicts))  # fmt: skip
        self.show_status()

    def action_back(self) -> None:
        self.dismiss(None)
