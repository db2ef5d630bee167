"""A notice to the units (``n``): to every unit, or to one leader; for the leaders to pass on to the residents
(请转告住户) or for the leaders only (仅供单元长); it goes back with each unit's next return bundle."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.widget import Widget
from textual.widgets import Static

from fieldgrid.i18n import label, t
from fieldgrid.station.exchange import AUDIENCES
from fieldgrid.tui.common.field_form import FieldFormScreen, choice_field, text_field
from fieldgrid.tui.station import clock
from fieldgrid.tui.widgets.form_field import FormField

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB


class NoticeForm(FieldFormScreen[int]):
    HELP_TITLE = "tui.station.notice_help_title"
    HELP_INTRO = "tui.station.notice_help_intro"
    SAVE_LABEL = "tui.station.send"

    def __init__(self, db: StationDB) -> None:
        super().__init__(db, t("tui.station.notice_title"))  # type: ignore[arg-type]
        self.db = db

    def fields(self) -> Iterable[FormField | Widget]:
        devices = [(f"{d.leader} {''.join(d.grid.get(p, '') for p in ('building', 'unit'))}", d.device_id)
                   for d in self.db.devices() if d.revoked_at is None and d.grid.get("level") != "station"]  # fmt: skip
        yield text_field("text", t("tui.station.notice_text"), area=True)
        yield choice_field("audience", t("tui.station.notice_audience"), [(label("audience", a), a) for a in AUDIENCES])
        yield choice_field("device", t("tui.station.notice_to"), devices, None, blank=True) if devices else Static()

    def submit(self) -> int:
        from fieldgrid.station.exchange import notice

        device = self.value("device") if "device" in self.form_fields else ""
        targets = [device] if device else None
        count = notice(self.db, self.value("text"), clock.now_minute(), targets, audience=self.value("audience"))
        self.app.notify(t("tui.station.notice_sent", count=count))
        return count
