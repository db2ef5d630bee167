"""The station's database encrypted at rest (#13 item 3): a lost station disk discloses no resident's name, phone
or ID number without the passphrase.  The operator gives the passphrase at ``station init``; every command asks for
it (or reads ``FIELDGRID_STATION_PASSPHRASE``), never from the arguments; a station made before encryption keeps
working, says it is not encrypted, and ``station encrypt`` seals it with all its data."""

from __future__ import annotations

import base64
import json
import os
import sqlite3
import stat
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldgrid.model import Household, Member
from fieldgrid.station.seal import DEMO_PASSPHRASE, PREFIX, ColumnBox, Plain, SealError, new_data_key, read_wrapped
from fieldgrid.store import Store
from fieldgrid.sync.identity import SECRET
from testkit.pin import STATION_PASSPHRASE, open_station
from testkit.stick import Community, onboard, report_problem

RESIDENT = "欧阳娜娜"
PHONE = "13912345678"
ID_NUMBER = "11010519491231002X"
NEIGHBOUR = "司马建国"  # named in a notice's text only
PLANTED = (RESIDENT, PHONE, ID_NUMBER, NEIGHBOUR, "张三", "李四")  # the last two: leaders' names
DB_FILES = ("station.sqlite3", "station.sqlite3-wal", "station.sqlite3-shm")


def forms(value: str) -> list[bytes]:
    """A value as it could sit in a file: UTF-8, and JSON-escaped (``\\u6b27…``, either case)."""
    escaped = json.dumps(value, ensure_ascii=True)[1:-1]
    return [value.encode("utf-8"), escaped.encode("ascii"), escaped.upper().replace("\\U", "\\u").encode("ascii")]


def found_in(folder: Path) -> dict[str, list[str]]:
    """Each planted value → the files under ``folder`` holding it in any form (none, when all is well)."""
    hits: dict[str, list[str]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for value in PLANTED:
            if any(form in data for form in forms(value)):
                hits.setdefault(value, []).append(path.name)
    return hits


def community_with_residents(cli, folder: Path, *, plaintext: bool = False) -> Community:
    """A station and two leaders; a household with a resident's name, phone and ID number, a problem that names
    her, brought in on the stick; a decision and a notice naming a neighbour."""
    return fill(cli, onboard(cli, folder, count=2, plaintext=plaintext))


def fill(cli, world: Community) -> Community:
    store = Store(world.devices[0])
    store.add_household(Household(room="0101", phones=[PHONE],
                                  members=[Member(name=RESIDENT, relation="self", id_number=ID_NUMBER)]))  # fmt: skip
    store.close()
    problem = report_problem(cli, world.devices[0], f"{RESIDENT}家楼上夜间装修，电话{PHONE}")
    for home in world.devices:
        assert cli("sync", "stick", str(world.stick), home_dir=home).code == 0
    taken = cli("station", "stick", str(world.stick), home_dir=world.station)
    assert taken.code == 0 and "接收 2" in taken.err, taken.err
    decided = cli("station", "decide", problem[:8], "--outcome", "已解决", "--text", f"已与{RESIDENT}沟通",
                  home_dir=world.station)  # fmt: skip
    assert decided.code == 0, decided.err
    assert cli("station", "notice", "--text", f"请{NEIGHBOUR}周六到服务站", home_dir=world.station).code == 0
    assert cli("station", "stick", str(world.stick), home_dir=world.station).code == 0  # returns written
    return world


def reports(cli, station: Path) -> dict[str, str]:
    """What the operator sees of the station, command by command."""
    commands = {"devices": ["devices", "--json"], "households": ["households", "list", "--json", "--reveal"],
                "problems": ["problems", "list", "--json"], "log": ["log", "--json"],
                "queue": ["queue", "--json"]}  # fmt: skip
    seen = {}
    for name, args in commands.items():
        result = cli("station", *args, home_dir=station)
        assert result.code == 0, result.err
        seen[name] = result.out
    return seen


def db_state(station: Path) -> dict[str, bytes]:
    return {name: (station / name).read_bytes() for name in DB_FILES if (station / name).exists()}


@pytest.mark.sqlite_only("it reads every file in the home; on PostgreSQL the data is on the server")
def test_nothing_personal_can_be_found_in_any_file_of_an_encrypted_station(cli, tmp_path: Path) -> None:
    world = onboard(cli, tmp_path, count=2)
    # A connection held open all along (the TUI's, say) keeps the WAL from being folded in and removed: the
    # imports' pages are still there to be searched.
    held = sqlite3.connect(world.station / "station.sqlite3")
    held.execute("SELECT count(*) FROM records").fetchone()
    try:
        fill(cli, world)
        seen = reports(cli, world.station)
        # The station holds it all, and shows it to whoever gives the passphrase ...
        assert RESIDENT in seen["households"] and PHONE in seen["households"] and "张三" in seen["devices"]
        assert NEIGHBOUR in seen["log"]
        # ... but no file of its home holds any of it: not the database, its WAL, its shared memory, the keys.
        assert (world.station / "station.sqlite3-wal").stat().st_size > 0
        assert found_in(world.station) == {}
    finally:
        held.close()
    assert found_in(world.station) == {}
    db = open_station(world.station)
    try:
        for table, column in (("records", "doc"), ("outbox", "payload"), ("log", "params"), ("devices", "leader")):
            values = [v for (v,) in db.conn.execute(f"SELECT {column} FROM {table}")]
            assert values and all(v.startswith(PREFIX) for v in values), table
    finally:
        db.close()


@pytest.mark.sqlite_only("it reads every file in the home; on PostgreSQL the data is on the server")
def test_the_same_station_unencrypted_shows_everything(cli, tmp_path: Path) -> None:
    """The grep above can fail: a station made before encryption holds every planted value in the clear, and
    every command says, in one line, that its data is not encrypted."""
    world = community_with_residents(cli, tmp_path, plaintext=True)
    assert set(found_in(world.station)) == set(PLANTED)
    listed = cli("station", "devices", home_dir=world.station)
    assert listed.code == 0 and listed.err.count("\n") == 1 and "没有加密" in listed.err
    assert "station encrypt" in listed.err


def test_encrypting_an_old_station_keeps_all_its_data_and_leaves_no_plaintext(cli, tmp_path: Path) -> None:
    world = community_with_residents(cli, tmp_path, plaintext=True)
    before = reports(cli, world.station)
    sealed = cli("station", "encrypt", home_dir=world.station)
    assert sealed.code == 0, sealed.err
    assert "已用口令加密" in sealed.err
    assert reports(cli, world.station) == before  # every report as it was
    assert found_in(world.station) == {}  # rebuilt and the WAL emptied: no old page left behind
    assert "没有加密" not in cli("station", "devices", home_dir=world.station).err
    again = cli("station", "encrypt", home_dir=world.station)
    assert again.code == 2 and "已经加密" in again.err
    # The leaders go on: their next bundles are taken by the encrypted station.
    report_problem(cli, world.devices[1], "二楼水管漏水")
    assert cli("sync", "stick", str(world.stick), home_dir=world.devices[1]).code == 0
    taken = cli("station", "stick", str(world.stick), home_dir=world.station)
    assert taken.code == 0 and "接收 1" in taken.err, taken.err


def test_a_wrong_passphrase_changes_nothing_and_the_tries_slow_down(cli, tmp_path: Path, monkeypatch) -> None:
    world = community_with_residents(cli, tmp_path)
    before = db_state(world.station)
    monkeypatch.setenv("FIELDGRID_STATION_PASSPHRASE", "not-the-passphrase")
    first = cli("station", "notice", "--text", "周日停电", home_dir=world.station)
    assert first.code == 2 and first.out == ""
    assert first.err == "fieldgrid：服务站口令不对。数据没有改动。再输错 4 次后，每次重试都要等待，等待时间逐次加倍。\n"
    assert "再输错 3 次" in cli("station", "devices", home_dir=world.station).err  # readers count too
    assert db_state(world.station) == before
    for _ in range(2):
        cli("station", "devices", home_dir=world.station)
    fifth = cli("station", "devices", home_dir=world.station)
    assert fifth.code == 2 and "30 秒后才能再试" in fifth.err
    assert db_state(world.station) == before
    tries = world.station / ".station.sqlite3.tries"
    assert stat.S_IMODE(tries.stat().st_mode) == 0o600
    # The right passphrase, once the wait is over, opens it and clears the count.
    from fieldgrid.cli import pin as cli_pin

    now = [time.time()]
    waited: list[float] = []

    def sleep(seconds: float) -> None:
        waited.append(seconds)
        now[0] += seconds

    monkeypatch.setattr(cli_pin, "clock", lambda: now[0])
    monkeypatch.setattr(cli_pin, "sleep", sleep)
    monkeypatch.setenv("FIELDGRID_STATION_PASSPHRASE", STATION_PASSPHRASE)
    opened = cli("station", "devices", home_dir=world.station)
    assert opened.code == 0 and "张三" in opened.out and waited and 0 < waited[0] <= 30
    assert "等待" in opened.err and not tries.exists()


@pytest.mark.parametrize("argv", [["--passphrase", "secret-phrase"], ["--passphrase=secret-phrase"]])
def test_a_passphrase_on_the_command_line_is_refused(cli, tmp_path: Path, argv: list[str]) -> None:
    station = tmp_path / "station"
    refused = cli("station", "init", *argv, home_dir=station)
    assert refused.code == 2 and not station.exists()
    assert "不能在命令行参数里给出口令" in refused.err and "进程列表" in refused.err
    assert "FIELDGRID_STATION_PASSPHRASE" in refused.err


def test_init_needs_a_passphrase_of_eight_characters(cli, tmp_path: Path, monkeypatch) -> None:
    station = tmp_path / "station"
    monkeypatch.setenv("FIELDGRID_STATION_PASSPHRASE", "short")
    refused = cli("station", "init", home_dir=station)
    assert refused.code == 2 and "至少要 8 个字符" in refused.err
    assert not station.exists()
    monkeypatch.delenv("FIELDGRID_STATION_PASSPHRASE")
    asked = cli("station", "init", home_dir=station)  # no terminal in the tests: it says how to give it
    assert asked.code == 2 and "FIELDGRID_STATION_PASSPHRASE" in asked.err and not station.exists()


def test_change_passphrase_then_the_old_one_is_refused(cli, tmp_path: Path, monkeypatch) -> None:
    world = community_with_residents(cli, tmp_path)
    before = reports(cli, world.station)
    monkeypatch.setenv("FIELDGRID_STATION_NEW_PASSPHRASE", "short")
    refused = cli("station", "change-passphrase", home_dir=world.station)
    assert refused.code == 2 and "至少要 8 个字符" in refused.err
    monkeypatch.setenv("FIELDGRID_STATION_NEW_PASSPHRASE", "门口那棵老银杏树下")
    changed = cli("station", "change-passphrase", home_dir=world.station)
    assert changed.code == 0 and "已更换" in changed.err, changed.err
    old = cli("station", "devices", home_dir=world.station)
    assert old.code == 2 and "口令不对" in old.err
    monkeypatch.setenv("FIELDGRID_STATION_PASSPHRASE", "门口那棵老银杏树下")
    assert reports(cli, world.station) == before  # the data itself was not touched, only its key re-wrapped
    assert found_in(world.station) == {}


@pytest.mark.sqlite_only("it damages the SQLite file directly")
@pytest.mark.parametrize("damage", ["garbage!", "", "flip"])
def test_a_damaged_key_row_is_refused_never_taken_for_empty(cli, tmp_path: Path, damage: str) -> None:
    station = tmp_path / "station"
    assert cli("station", "init", home_dir=station).code == 0
    assert cli("station", "notice", "--text", f"请{NEIGHBOUR}来", home_dir=station).code == 0
    conn = sqlite3.connect(station / "station.sqlite3")
    (wrapped,) = conn.execute("SELECT value FROM meta WHERE key = 'seal'").fetchone()
    if damage == "flip":
        raw = bytearray(base64.b64decode(wrapped))
        raw[-3] ^= 0x40  # the sealed data key, past the header: authentication fails
        damage = base64.b64encode(bytes(raw)).decode()
    conn.execute("UPDATE meta SET value = ? WHERE key = 'seal'", (damage,))
    conn.commit()
    conn.close()
    before = db_state(station)
    for args in (["devices"], ["notice", "--text", "周日停电"], ["encrypt"], ["change-passphrase"], ["init"]):
        refused = cli("station", *args, home_dir=station)
        assert refused.code == 2, (args, refused.err)
        assert ("已经是服务站" if args == ["init"] else "已损坏") in refused.err, refused.err
        assert db_state(station) == before  # neither emptied nor overwritten
    assert found_in(station) == {}


@pytest.mark.sqlite_only("it edits the SQLite file directly")
def test_a_tampered_value_is_refused_not_shown(cli, tmp_path: Path) -> None:
    station = tmp_path / "station"
    assert cli("station", "init", home_dir=station).code == 0
    assert cli("station", "notice", "--text", "周日停电", home_dir=station).code == 0
    conn = sqlite3.connect(station / "station.sqlite3")
    conn.execute("UPDATE log SET params = '{\"count\": 0}'")  # a plain value slipped into an encrypted station
    conn.commit()
    conn.close()
    refused = cli("station", "log", home_dir=station)
    assert refused.code == 2 and "已损坏" in refused.err


@pytest.mark.sqlite_only("the modes of SQLite's files")
def test_modes_home_700_database_and_keys_600(cli, tmp_path: Path) -> None:
    world = community_with_residents(cli, tmp_path)
    assert stat.S_IMODE(world.station.stat().st_mode) == 0o700
    db = open_station(world.station)  # open: the -wal and -shm are there
    try:
        db.log("notice", "station.log.notice", count=0, text="")
        for name in DB_FILES:
            assert stat.S_IMODE((world.station / name).stat().st_mode) == 0o600, name
    finally:
        db.close()
    assert stat.S_IMODE((world.station / "keys" / SECRET).stat().st_mode) == 0o600  # the station's signing key
    # Nothing in the home is readable by others: the folder itself lets no one else in.
    assert not os.stat(world.station).st_mode & 0o077
    # Identity files, written to be handed over, are the owner's only too.
    identity = tmp_path / "station-identity.json"
    assert cli("station", "identity", "--out", str(identity), home_dir=world.station).code == 0
    assert stat.S_IMODE(identity.stat().st_mode) == 0o600


def test_readers_beside_the_writer_need_the_passphrase_too(cli, tmp_path: Path, monkeypatch) -> None:
    from fieldgrid.store import HomeLock

    world = community_with_residents(cli, tmp_path)
    with HomeLock(world.station, purpose="station ui"):
        writer = open_station(world.station)  # what the TUI holds open
        try:
            beside = cli("station", "households", "list", "--reveal", home_dir=world.station)
            assert beside.code == 0 and RESIDENT in beside.out
            monkeypatch.setenv("FIELDGRID_STATION_PASSPHRASE", "not-the-passphrase")
            refused = cli("station", "households", "list", home_dir=world.station)
            assert refused.code == 2 and "口令不对" in refused.err
        finally:
            writer.close()


def test_opening_without_the_key_is_refused(cli, tmp_path: Path) -> None:
    from fieldgrid.station.db import StationDB

    station = tmp_path / "station"
    assert cli("station", "init", home_dir=station).code == 0
    with pytest.raises(SealError) as refused:
        StationDB(station)
    assert refused.value.key == "passphrase.needed"
    with pytest.raises(SealError):
        StationDB(station, read_only=True)


@given(st.text(max_size=200))
def test_sealed_values_open_to_what_was_sealed_and_hide_it(text: str) -> None:
    box = ColumnBox(new_data_key())
    sealed = box.seal(text)
    assert sealed.startswith(PREFIX) and box.open(sealed) == text
    if len(text) >= 4:
        assert text not in sealed
    with pytest.raises(SealError):
        ColumnBox(new_data_key()).open(sealed)  # another station's key
    with pytest.raises(SealError):
        Plain().open(sealed)  # a sealed value in a plaintext station is never shown as text


def test_the_demo_station_is_encrypted_with_the_passphrase_it_says(cli, tmp_path: Path, monkeypatch) -> None:
    made = cli("demo", "--no-open", home_dir=tmp_path / "demo")
    assert made.code == 0 and "演示服务站的数据用口令 demo-station 加密" in made.err, made.err
    station = tmp_path / "demo-station"
    assert read_wrapped(station / "station.sqlite3") is not None
    assert cli("station", "devices", home_dir=station).code == 2  # the tests' own passphrase is not the demo's
    monkeypatch.setenv("FIELDGRID_STATION_PASSPHRASE", DEMO_PASSPHRASE)
    assert cli("station", "devices", home_dir=station).code == 0
    again = cli("demo", "--no-open", home_dir=tmp_path / "demo")  # the demo again: its station refreshed, not lost
    assert again.code == 0 and "演示服务站：" in again.err, again.err
    assert not (station / ".station.sqlite3.tries").exists()  # trying the demo's passphrase is not a wrong try
