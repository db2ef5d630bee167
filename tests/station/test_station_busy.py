"""While the operator's TUI holds the station (#11): commands that only read run beside it on a read-only
connection and see what it committed; a command that writes waits a few seconds, then says who holds the
station, and writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldgrid.cli import station as station_cli
from fieldgrid.store import HomeLock
from testkit.pin import open_station
from testkit.sync import station_dump


def test_readers_run_beside_the_tui_and_writers_are_told_who_holds_it(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "station"
    assert cli("station", "init", "--name", "子龙社区服务站", home_dir=home).code == 0
    monkeypatch.setattr(station_cli, "WRITER_WAIT", 0.3)  # the real wait is a few seconds
    with HomeLock(home, purpose="station ui"):
        tui_db = open_station(home)  # what the TUI has open
        tui_db.enroll("dev-liu", "ab" * 32, "刘秀英", {"compound": "橙郡一期", "building": "6栋", "unit": "3单元"})
        for command in (["devices", "--json"], ["log"], ["problems", "list"], ["households", "list"],
                        ["report", "--month", "2026-11", "--out", str(tmp_path / "report")]):  # fmt: skip
            result = cli("station", *command, home_dir=home)
            assert result.code == 0, (command, result.err)
        assert [d["leader"] for d in json.loads(cli("station", "devices", "--json", home_dir=home).out)] == ["刘秀英"]
        before = station_dump(tui_db)
        writer = cli("station", "notice", "--text", "周六停水", home_dir=home)
        assert writer.code != 0 and "station ui" in writer.err and "Traceback" not in writer.err
        assert station_dump(tui_db) == before
        tui_db.close()
    assert cli("station", "notice", "--text", "周六停水", home_dir=home).code == 0  # free again
