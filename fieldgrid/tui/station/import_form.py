"""Importing a stick (``i``): a folder (every ``*.fgbundle`` in it) or one file; each bundle is accepted or
refused whole.  What happened is shown afterwards on its own screen (:mod:`.import_results`), until dismissed."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.widget import Widget

from fieldgrid.i18n import t
from fieldgrid.model.errors import ValidationError
from fieldgrid.tui.common.field_form import FieldFormScreen, text_field
from fieldgrid.tui.widgets.form_field import FormField

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB
    from fieldgrid.station.exchange import Outcome


class ImportForm(FieldFormScreen[list["Outcome"]]):
    HELP_TITLE = "tui.station.import_help_title"
    HELP_INTRO = "tui.station.import_help_intro"
    SAVE_LABEL = "tui.station.import_button"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "tui.station.key_do_import", priority=True),
        Binding("escape", "cancel", "tui.key.cancel"),
    ]

    def __init__(self, db: StationDB) -> None:
        super().__init__(db, t("tui.station.import_title"))  # type: ignore[arg-type]
        self.db = db

    def fields(self) -> Iterable[FormField | Widget]:
        yield text_field("path", t("tui.station.import_path"), hint=t("tui.station.import_hint"))

    def submit(self) -> list[Outcome]:
        from fieldgrid.station.exchange import import_paths
        from fieldgrid.sync.identity import Keys

        path = self.value("path").strip()
        if not path:  # not the folder the station happens to run in
            raise ValidationError("path", "tui.station.import_path_missing")
        return import_paths(self.db, Keys(self.db.home), [Path(path).expanduser()])
