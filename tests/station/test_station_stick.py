"""``fieldgrid station stick DIR`` (#11): every device bundle on the stick imported, each of those leaders' returns
written back onto it in a folder named after the leader and the unit, what was imported moved into
``fieldgrid/archive/``; refused bundles stay, with the reason.  The order is crash-safe: nothing is archived before
its import committed and the returns were written.  Bad input: exit 2, a message, nothing written; a stick with no
fieldgrid folder: nothing to do (exit 0)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fieldgrid.station import exchange
from fieldgrid.station.db import StationDB
from fieldgrid.station.stick import station_stick
from fieldgrid.sync.identity import Keys
from fieldgrid.sync.stick import ARCHIVE, FOLDER
from testkit.pin import open_station
from testkit.stick import files, onboard, report_problem
from testkit.sync import dump_lines


def dump(station: Path) -> str:
    db = open_station(station)
    try:
        return "\n".join(dump_lines(db))
    finally:
        db.close()


@pytest.fixture
def loaded(cli, tmp_path: Path):
    """Three leaders' bundles on one stick: (community, the stick's fieldgrid folder)."""
    world = onboard(cli, tmp_path)
    for home in world.devices:
        report_problem(cli, home, "楼道灯坏")  # every bundle its own (empty ones are all alike)
        assert cli("sync", "stick", str(world.stick), home_dir=home).code == 0
    return world, world.stick / FOLDER


def test_refused_bundles_stay_with_their_reason(cli, loaded) -> None:
    world, folder = loaded
    revoked = next(folder.glob("device-*.fgbundle"))
    device_id = revoked.name.split("-")[1]
    assert cli("station", "revoke", device_id, home_dir=world.station).code == 0
    (folder / "junk.fgbundle").write_text("{not json", encoding="utf-8")
    done = cli("station", "stick", str(world.stick), home_dir=world.station)
    assert done.code == 2
    assert "接收 2，重复 0，拒收 2" in done.err
    assert "拒收 junk.fgbundle（留在 U 盘上）" in done.err and "文件不完整" in done.err
    assert f"拒收 {revoked.name}（留在 U 盘上）" in done.err and "已注销" in done.err
    left = files(folder)
    assert "junk.fgbundle" in left and revoked.name in left
    assert sum(f.startswith(f"{ARCHIVE}/device-") for f in left) == 2
    assert sum("/return-" in f and not f.startswith(ARCHIVE) for f in left) == 2  # no return for the revoked one
    assert done.err.count("回传给 ") == 2
    # In the table on stdout too.
    assert "junk.fgbundle" in done.out and "拒收" in done.out


def test_a_stick_that_is_not_a_folder(cli, loaded, tmp_path: Path) -> None:
    world, folder = loaded
    before, on_stick = dump(world.station), files(folder)
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    for path in (a_file, tmp_path / "nosuch"):
        refused = cli("station", "stick", str(path), home_dir=world.station)
        assert refused.code == 2 and "不是文件夹" in refused.err and "Traceback" not in refused.err
    assert dump(world.station) == before and files(folder) == on_stick
    assert not (tmp_path / "nosuch").exists()


def test_no_fieldgrid_folder_is_nothing_to_do(cli, loaded, tmp_path: Path) -> None:
    world, _ = loaded
    other = tmp_path / "other-stick"
    other.mkdir()
    (other / "photo.jpg").write_bytes(b"\xff\xd8")
    before = dump(world.station)
    done = cli("station", "stick", str(other), home_dir=world.station)
    assert done.code == 0 and "没有 fieldgrid 文件夹" in done.err
    assert files(other) == ["photo.jpg"] and dump(world.station) == before
    english = cli("--lang", "en", "station", "stick", str(other), home_dir=world.station)
    assert english.code == 0 and "has no fieldgrid folder" in english.err


def test_nothing_is_archived_before_the_returns_are_written(
    loaded, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A crash (here: the stick full) after the imports committed and one return was written: every bundle is
    still on the stick; the next run finds them duplicates, writes every return and only then archives."""
    world, folder = loaded
    real = exchange.returns

    def one_then_full(*args, **kwargs):
        for n, item in enumerate(real(*args, **kwargs)):
            if n == 1:
                raise OSError(28, "No space left on device")
            yield item

    monkeypatch.setattr(exchange, "returns", one_then_full)
    db = open_station(world.station)
    keys = Keys(world.station)
    try:
        with pytest.raises(OSError):
            station_stick(db, keys, world.stick)
        assert len(list(folder.glob("device-*.fgbundle"))) == 3 and not (folder / ARCHIVE).exists()
        assert db.conn.execute("SELECT count(*) FROM bundles").fetchone() == (3,)  # the imports committed
        monkeypatch.setattr(exchange, "returns", real)
        run = station_stick(db, keys, world.stick)
    finally:
        db.close()
    assert [o.status for o in run.outcomes] == ["duplicate"] * 3
    assert len(run.returns) == 3 and not run.not_archived
    assert not list(folder.glob("*.fgbundle"))
    assert sum(f.startswith(f"{ARCHIVE}/device-") for f in files(folder)) == 3


def test_a_bundle_whose_transaction_failed_stays(loaded, monkeypatch: pytest.MonkeyPatch) -> None:
    world, folder = loaded
    first = sorted(folder.glob("device-*.fgbundle"))[0]
    real = StationDB.apply
    calls = []

    def busy_once(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.OperationalError("database is locked")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(StationDB, "apply", busy_once)
    db = open_station(world.station)
    try:
        run = station_stick(db, Keys(world.station), world.stick)
    finally:
        db.close()
    assert [o.status for o in run.outcomes] == ["refused", "accepted", "accepted"]
    assert run.outcomes[0].key == "sync.error.station_db"
    assert first.exists() and (folder / ARCHIVE / first.name).exists() is False
    assert len(run.returns) == 2


def test_station_import_and_sync_import_take_the_sticks_folders(cli, loaded) -> None:
    """The stick's folders, nested ones included, work with the one-file commands as well."""
    world, folder = loaded
    imported = cli("station", "import", str(folder), home_dir=world.station)
    assert imported.code == 0 and "接收 3，重复 0，拒收 0" in imported.err
    assert cli("station", "notice", "--text", "周六停水", home_dir=world.station).code == 0
    assert cli("station", "stick", str(world.stick), home_dir=world.station).code == 0
    again = cli("station", "import", str(folder), home_dir=world.station)  # its own returns: skipped, no refusal
    assert again.code == 0 and "重复 3" in again.err and "拒收 0" in again.err
    done = cli("sync", "import", str(folder), home_dir=world.devices[1])
    assert done.code == 0, done.err
    assert done.err.count("1 条通知") == 1 and "周六停水" in cli("sync", "status", home_dir=world.devices[1]).out
