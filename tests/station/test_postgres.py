"""A station on a PostgreSQL server: ``station init --db postgresql://USER@HOST/DB`` records where in the home and
every later command finds it; a password never goes into the home; an unreachable server, a wrong password, a
database of a newer schema or of another station are refused with nothing written; and four operators importing
at once end with the station one operator importing the same bundles one after another would have."""

from __future__ import annotations

import json
import os
import random
import shutil
import socket
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

from fieldgrid.record.clock import Stamp
from fieldgrid.station import db as station_db
from fieldgrid.station.backend import PG_NAME
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import import_paths, station_identity
from fieldgrid.sync.bundle import write_bundle
from fieldgrid.sync.identity import Identity, Keys
from testkit.cli import REPO
from testkit.pin import open_station
from testkit.postgres import server
from testkit.stick import onboard

postgres_only = pytest.mark.postgres_only


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def files_of(home: Path) -> dict[str, bytes]:
    return {str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()}


@postgres_only
def test_init_on_a_server_records_where_and_every_command_finds_it(cli, tmp_path: Path) -> None:
    url = station_db.default_url(tmp_path)
    assert url is not None
    home = tmp_path / "district"
    made = cli("station", "init", "--db", url, "--name", "锦江区服务站", "--level", "street", home_dir=home)
    assert made.code == 0, made.err
    assert not (home / "station.sqlite3").exists()  # the data is on the server
    assert json.loads((home / PG_NAME).read_text(encoding="utf-8"))["url"] == url
    devices = cli("station", "devices", "--json", home_dir=home)
    assert (devices.code, json.loads(devices.out)) == (0, [])
    assert "锦江区服务站" in cli("station", "identity", "--out", str(tmp_path / "id.json"), home_dir=home).err + (
        tmp_path / "id.json"
    ).read_text(encoding="utf-8")


@postgres_only
def test_a_password_in_the_url_is_refused_before_anything_is_made(cli, tmp_path: Path) -> None:
    home = tmp_path / "district"
    refused = cli("station", "init", "--db", "postgresql://operator:s3cret@127.0.0.1/district", home_dir=home)
    assert refused.code == 2
    assert "PGPASSWORD" in refused.err and "s3cret" not in refused.err
    assert not home.exists()


@postgres_only
def test_an_unreachable_server_is_exit_1_and_makes_no_station(cli, tmp_path: Path) -> None:
    home = tmp_path / "district"
    url = f"postgresql://operator@127.0.0.1:{free_port()}/district"
    refused = cli("station", "init", "--db", url, home_dir=home)
    assert refused.code == 1
    assert "连不上服务站的数据库" in refused.err and "什么也没有写入" in refused.err
    assert not (home / PG_NAME).exists() and not (home / "station.sqlite3").exists()


@postgres_only
def test_an_import_while_the_server_is_gone_imports_nothing_then_works(cli, tmp_path: Path) -> None:
    community = onboard(cli, tmp_path, 1)
    [device] = community.devices
    assert cli("households", "add", "--room", "0601", "--head", "张三", home_dir=device).code == 0
    out = tmp_path / "out"
    assert cli("sync", "export", "--out", str(out), home_dir=device).code == 0
    pointer = community.station / PG_NAME
    kept = pointer.read_text(encoding="utf-8")
    doc = json.loads(kept)
    before = cli("station", "log", "--json", home_dir=community.station).out
    pointer.write_text(json.dumps({**doc, "url": f"postgresql://operator@127.0.0.1:{free_port()}/gone"}))
    gone = cli("station", "import", str(out), home_dir=community.station)
    assert gone.code == 1
    assert "连不上服务站的数据库" in gone.err
    pointer.write_text(kept)
    assert cli("station", "log", "--json", home_dir=community.station).out == before  # not even a log line
    again = cli("station", "import", str(out), home_dir=community.station)
    assert again.code == 0, again.err


@postgres_only
def test_a_wrong_password_is_exit_1(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import psycopg

    wrong = f"wrong-{uuid.uuid4().hex}"
    try:
        psycopg.connect(server(), password=wrong, connect_timeout=5).close()
    except psycopg.OperationalError:
        pass
    else:
        pytest.skip("the test server lets anyone in (trust): .ci/run starts one that asks for a password")
    community = onboard(cli, tmp_path, 1)
    monkeypatch.setenv("PGPASSWORD", wrong)
    refused = cli("station", "devices", home_dir=community.station)
    assert refused.code == 1
    assert "连不上服务站的数据库" in refused.err and wrong not in refused.err


@postgres_only
def test_a_home_pointed_at_another_stations_database_is_refused(cli, tmp_path: Path) -> None:
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    assert cli("station", "init", "--name", "子龙社区服务站", home_dir=ours).code == 0
    assert cli("station", "init", "--name", "红光社区服务站", home_dir=theirs).code == 0
    their_url = json.loads((theirs / PG_NAME).read_text(encoding="utf-8"))["url"]
    pointer = json.loads((ours / PG_NAME).read_text(encoding="utf-8"))
    (ours / PG_NAME).write_text(json.dumps({**pointer, "url": their_url}))
    before = cli("station", "log", "--json", home_dir=theirs).out
    refused = cli("station", "devices", home_dir=ours)
    assert refused.code == 2
    assert "另一个服务站" in refused.err
    assert cli("station", "log", "--json", home_dir=theirs).out == before
    # and a new station is not made into a database that holds one
    taken = cli("station", "init", "--db", their_url, home_dir=tmp_path / "third")
    assert taken.code == 2 and "已经有一个服务站" in taken.err
    assert not (tmp_path / "third" / PG_NAME).exists()


def test_a_database_of_a_newer_schema_is_refused_saying_to_update(cli, tmp_path: Path) -> None:
    home = tmp_path / "station"
    assert cli("station", "init", "--name", "子龙社区服务站", home_dir=home).code == 0
    db = open_station(home)
    with db.transaction() as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    db.close()
    refused = cli("station", "devices", home_dir=home)
    assert refused.code == 2
    assert "更新版本的 fieldgrid" in refused.err and "请先更新" in refused.err


# -- several operators importing at once ------------------------------------------------------------------------


def unit_bundles(rng: random.Random, station: Identity, stick: Path, db: StationDB, unit: int) -> None:
    """One unit's two leaders (posts A and B), enrolled, each with a bundle: A's households, and B's later edits
    of the same households (B had them from A), and each one's visits."""
    grid = {"building": f"{unit + 1}栋", "unit": "1单元"}
    households: list[dict[str, Any]] = []
    for post in ("A", "B"):
        device = f"dev{unit:02d}{post}"
        keys = Keys(stick.parent / "keys" / device)
        db.enroll(device, keys.public_key, f"单元长{unit}{post}", grid, post=post)
        records: list[dict[str, Any]] = []
        for n in range(12):
            ms = (1_790_000_000_000 if post == "A" else 1_790_100_000_000) + rng.randint(0, 10_000_000)
            stamp = Stamp(ms, 0, device).encode()
            if post == "A":
                doc = {"id": f"h{unit:02d}{n:02d}", "building": grid["building"], "unit": "1单元", "floor": 1,
                       "room": f"01{n:02d}", "residency": "resident", "tags": [], "phones": [], "notes": "",
                       "emergency_name": "", "emergency_phone": None, "members": []}  # fmt: skip
                doc["_meta"] = {"stamp": stamp, "device": device, "deleted": None,
                                "fields": dict.fromkeys([k for k in doc if k != "id"], stamp)}  # fmt: skip
                households.append(doc)
            else:
                base = households[n]
                doc = {**base, "notes": f"B的备注{n}", "tags": ["独居老人"] if n % 2 else []}
                fields = {**base["_meta"]["fields"], "notes": stamp, "tags": stamp}
                doc["_meta"] = {"stamp": max(stamp, base["_meta"]["stamp"]), "device": device, "deleted": None,
                                "fields": fields}  # fmt: skip
            records.append({"table": "households", "doc": doc})
            visit = {"id": str(uuid.UUID(int=rng.getrandbits(128))), "household_id": f"h{unit:02d}{n:02d}",
                     "at": "2026-10-01T09:30", "kind": "routine", "found": "入户走访", "needs": "",
                     "follow_up": None, "corrects": None}  # fmt: skip
            visit["_meta"] = {"stamp": stamp, "device": device, "deleted": None,
                              "fields": dict.fromkeys([k for k in visit if k != "id"], stamp)}  # fmt: skip
            records.append({"table": "visits", "doc": visit})
        source = Identity(device, "device", keys.public_key, f"单元长{unit}{post}")
        write_bundle(stick, keys, source, "device", {"records": records}, target=station, grid=grid)


def held_records(db: StationDB) -> tuple[list[tuple[Any, ...]], list[str], int, list[tuple[Any, ...]]]:
    """What the station holds: each record (its owner, stamp, merged document and plain columns), the bundles,
    the conflicts, the figures kept (each unit's counts, each problem's state)."""
    rows = db.conn.execute("SELECT tbl, id, device_id, stamp, deleted, kind, at, ref, facts, doc FROM records "
                           "ORDER BY tbl, id").fetchall()  # fmt: skip
    bundles = sorted(d for (d,) in db.conn.execute("SELECT digest FROM bundles").fetchall())
    kept = sorted(map(tuple, db.conn.execute("SELECT * FROM counts").fetchall()))
    kept += sorted(map(tuple, db.conn.execute("SELECT * FROM problems").fetchall()))
    assert kept  # the bundles' visits are counted
    return [(*r[:-1], json.loads(r[-1])) for r in rows], bundles, len(db.open_conflicts()), kept


@postgres_only
def test_four_importers_at_once_end_where_one_importer_does(tmp_path: Path) -> None:
    """Two stations of the same identity on the server: one imports the bundles one after another, the other
    from four operators' terminals at once (each a copy of the home, its own process, a quarter of the sticks,
    the A and B leaders of a unit in different hands, so the same rows are merged at the same moment)."""
    one, four = tmp_path / "one", tmp_path / "four"
    first = StationDB(one, create=True)
    me = station_identity(first, Keys(one))
    shutil.copytree(one / "keys", four / "keys")
    second = StationDB(four, create=True)
    second.set_setting("party", me.party)
    stick = tmp_path / "sticks" / "all"
    stick.mkdir(parents=True)
    rng = random.Random(4)
    for unit in range(8):
        unit_bundles(random.Random(unit), me, stick, first, unit)
    for device in first.devices():
        second.enroll(device.device_id, device.public_key, device.leader, device.grid, post=device.post)
    bundles = sorted(stick.glob("*.fgbundle"))
    rng.shuffle(bundles)
    done = import_paths(first, Keys(one), [stick])
    assert {o.status for o in done} == {"accepted"} and len(done) == 16
    second.close()
    terminals = []
    for k in range(4):
        terminal = tmp_path / f"terminal{k}"
        shutil.copytree(four, terminal)
        share = terminal.parent / f"share{k}"
        share.mkdir()
        for path in bundles[k::4]:
            shutil.copy(path, share / path.name)
        terminals.append((terminal, share))
    env = {**os.environ, "PYTHONPATH": str(REPO), "FIELDGRID_STICK_ROOTS": ""}
    env.pop("FIELDGRID_STATION_PASSPHRASE", None)
    running = [subprocess.Popen([sys.executable, "-m", "fieldgrid", "--home", str(home), "station", "import",
                                 str(share)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for home, share in terminals]  # fmt: skip
    for process in running:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    together = StationDB(terminals[0][0])
    try:
        assert held_records(together) == held_records(first)
        assert len(together.log_entries()) == len(first.log_entries())
        # the change counter roll-ups rely on stays gap-free and ordered with several writers: each bundle's
        # write a number of its own (every bundle leaves visits only it wrote), none shared, none skipped
        for db in (together, first):
            numbers = [n for (n,) in db.conn.execute("SELECT DISTINCT changed FROM records ORDER BY changed")]
            assert numbers == list(range(1, 17)) and db.last_change() == 16
    finally:
        together.close()
        first.close()
