"""The map of each grid kind at 80×24, in both languages: a 林盘's groups as rows of houses, a shop street's
numbers in order, an institution block's units — with the same marks as the stairwell's map."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldgrid.demo.unit import write_demo
from fieldgrid.i18n import set_language
from fieldgrid.store import Store
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.field_work.stairwell import StairwellScreen
from testkit.tui_field import Clock
from testkit.tui_snap import LANGUAGES, keys, snapshot


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["village", "shops", "institution"])
def test_map_of_each_grid_kind(kind: str, language: str, pinned: Path, snap_compare) -> None:
    store = Store(Path("unit"), now_ms=Clock())
    try:
        set_language("zh_CN")
        write_demo(store, kind)
        set_language(language)
        app = FieldgridApp(store)
        assert snapshot(snap_compare, app, keys(expect=StairwellScreen))
    finally:
        store.close()
