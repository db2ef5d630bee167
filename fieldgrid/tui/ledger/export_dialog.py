"""Export a month's ledger to a spreadsheet: the month and where to write it (``.xlsx`` or ``.csv``)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.widget import Widget

from fieldgrid.i18n import t
from fieldgrid.model import ValidationError
from fieldgrid.store import Store
from fieldgrid.tui.common.field_form import FieldFormScreen, text_field
from fieldgrid.tui.widgets.form_field import FormField


class ExportDialog(FieldFormScreen[Path]):
    HELP_TITLE = "tui.help.export_title"

    def __init__(self, store: Store, month: str | None = None) -> None:
        super().__init__(store, t("tui.export.title"))
        self.month = month or store.now().strftime("%Y-%m")

    def fields(self) -> Iterable[FormField | Widget]:
        default = self.store.home / "exports" / f"ledger-{self.month}.xlsx"
        yield text_field("month", t("tui.export.month"), self.month, placeholder=t("tui.form.month_placeholder"))
        yield text_field("path", t("tui.export.path"), str(default), hint=t("tui.export.path_hint"))

    def submit(self) -> Path:
        from fieldgrid.exports.tables import SUFFIXES
        from fieldgrid.ledger.export import parse_month, write_ledger

        try:
            month = parse_month(self.value("month"))
        except ValueError:
            raise ValidationError("month", "cli.error.month", value=self.value("month")) from None
        path = Path(self.value("path").strip()).expanduser()
        if path.suffix.lower() not in SUFFIXES:
            raise ValidationError("path", "cli.error.export_suffix", value=str(path))
        try:
            count = write_ledger(path, self.store, month)
        except OSError as exc:
            raise ValidationError("path", "cli.error.os", path=str(path), reason=exc.strerror or str(exc)) from None
        self.store.log_disclosure("export", "ledger_export", 0, target=f"{month} {path.name}", via="tui")
        self.app.notify(t("tui.export.done", count=count, month=month, path=str(path)), timeout=15)
        return path
