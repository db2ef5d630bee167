"""The roll-up carries what the street needs and no more (#12 item 2, PIPL Art. 6): a community station fed by the
demo unit rolls up to its street station, and no file of the street's holds any resident's name, phone or ID
number, while the street's report still has the whole ledger (the reporter read as 住户) and the household counts.
``--with-roster`` carries the roster when asked, says so loudly, and the community's log records it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fieldgrid.record.minimise import minimise, resident_names
from fieldgrid.record.tables import PROBLEM_EVENTS, TABLES
from fieldgrid.station.seal import DEMO_PASSPHRASE
from fieldgrid.station.units import device_units, held_by, units_of
from fieldgrid.store.pin import DEMO_PIN
from testkit.cli import PROFILE
from testkit.pin import open_station, open_store
from testkit.sync import dump_station as dump


def planted(demo: Path) -> tuple[set[str], set[str], set[str]]:
    """Every resident name, phone (national digits) and ID number of the demo unit."""
    store = open_store(demo)
    try:
        households = store.households()
        leader = store.profile().name  # type: ignore[union-attr]  # the demo has one
    finally:
        store.close()
    names = {m.name for h in households for m in h.members} | {h.emergency_name for h in households}
    phones = {p for h in households for p in [*h.all_phones, h.emergency_phone] if p}
    ids = {m.id_number for h in households for m in h.members if m.id_number}
    return {n for n in names if len(n) >= 2 and n != leader}, {p.removeprefix("+86") for p in phones}, ids


def found_in(home: Path, values: set[str]) -> set[str]:
    """The values any file under ``home`` holds, as UTF-8 or JSON-escaped."""
    blobs = [p.read_bytes() for p in home.rglob("*") if p.is_file()]
    hits = set()
    for value in values:
        forms = {value.encode("utf-8"), json.dumps(value).strip('"').encode("ascii")}
        if any(form in blob for form in forms for blob in blobs):
            hits.add(value)
    return hits


def holdings(home: Path) -> str:
    """Everything a station holds, decrypted, as one text: its records (deleted ones too), conflicts, and log."""
    db = open_station(home, DEMO_PASSPHRASE, read_only=True)
    try:
        docs = [doc for table in TABLES for doc in db.docs(table, deleted=True)]
        log = [entry.params for entry in db.log_entries()]
        return json.dumps([docs, db.open_conflicts(), log], ensure_ascii=False, default=str)
    finally:
        db.close()


def test_the_street_holds_no_residents_personal_data(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDGRID_PIN", DEMO_PIN)
    monkeypatch.setenv("FIELDGRID_STATION_PASSPHRASE", DEMO_PASSPHRASE)  # the demo station's (the street's too)
    demo, community, street = tmp_path / "demo", tmp_path / "demo-station", tmp_path / "street"
    assert cli("demo", "--no-open", home_dir=demo).code == 0
    assert cli("sync", "export", "--out", str(tmp_path / "stick"), home_dir=demo).code == 0
    assert cli("station", "import", str(tmp_path / "stick"), home_dir=community).code == 0
    names, phones, ids = planted(demo)
    assert len(names) > 40 and len(phones) > 30 and len(ids) > 30
    assert found_in(community, names | phones | ids) == set()  # the community's is sealed at rest

    made = cli("station", "init", "--name", "晋原街道站", "--street", "晋原街道", "--level", "街道", home_dir=street)
    assert made.code == 0, made.err
    assert cli("station", "identity", "--out", str(tmp_path / "street.json"), home_dir=street).code == 0
    assert cli("station", "identity", "--out", str(tmp_path / "community.json"), home_dir=community).code == 0
    assert cli("station", "trust", str(tmp_path / "street.json"), home_dir=community).code == 0
    assert cli("station", "enroll", str(tmp_path / "community.json"), home_dir=street).code == 0

    up = cli("station", "rollup", "--out", str(tmp_path / "up"), home_dir=community)
    assert up.code == 0, up.err
    assert "没有住户姓名、电话、身份证号" in up.err
    taken = cli("station", "import", str(tmp_path / "up"), home_dir=street)
    assert taken.code == 0, taken.err
    assert found_in(street, names | phones | ids) == set()  # sealed at rest, like every station
    # What the street holds, decrypted: every record and every log entry — none of it.
    held = holdings(street)
    assert [v for v in names | phones | ids if v in held] == []

    # The street still has the ledger, every problem with its timeline, and the households by tag.
    problems = json.loads(cli("station", "problems", "list", "--json", home_dir=street).out)
    assert len(problems) == 10
    report = cli("station", "report", "--month", problems[0]["reported_at"][:7], "--out", str(tmp_path / "r"),
                 home_dir=street)  # fmt: skip
    assert report.code == 0, report.err
    households = json.loads(cli("station", "households", "list", "--json", home_dir=street).out)
    assert len(households) == 44 and any(h.get("tags") for h in households)
    # …split back into the community's units: the ledger's 单元 column and the tallies name the unit and leader.
    assert {p["unit"] for p in problems} == {"子龙社区橙郡一期6栋3单元"}
    month = problems[0]["reported_at"][:7]
    book = load_workbook(tmp_path / "r" / f"月度报表-{month}.xlsx")
    ledger = [r for r in book["问题台账汇总"].iter_rows(min_row=4, values_only=True)]
    assert ledger and all(r[0] == "子龙社区橙郡一期6栋3单元" for r in ledger)
    tallies = [r for r in book["单元长工作统计"].iter_rows(min_row=4, values_only=True)]
    assert tallies[0][:3] == ("刘秀英", "子龙社区橙郡一期6栋3单元", 44)
    for home in (street, community):  # the reports' one pass a table reads what the unit screens' look-ups read
        db = open_station(home, DEMO_PASSPHRASE, read_only=True)
        try:
            devices = [d for d in db.devices() if d.post != "B"]
            looked_up = [(d, u) for d in devices for u in units_of(db, d, held_by(db, d.device_id))]
            assert device_units(db) == looked_up and sum(len(u.visits) for _, u in looked_up) > 40
        finally:
            db.close()

    # With the roster, when asked: said loudly, logged at the community.
    full = cli("station", "rollup", "--out", str(tmp_path / "up2"), "--with-roster", home_dir=community)
    assert full.code == 0 and "花名册" in full.err and "！！" in full.err
    assert cli("station", "import", str(tmp_path / "up2"), home_dir=street).code == 0
    full_list = cli("station", "households", "list", "--json", "--reveal", home_dir=street).out
    assert sum(name in full_list for name in names) >= 40  # the roster filled in: the heads by name
    assert found_in(street, ids) == set()  # and sealed at rest, as the community's
    assert any(i in holdings(street) for i in ids)  # the decrypted check can fail
    log = cli("station", "log", home_dir=community).out
    assert "含花名册" in log and "不含花名册" in log


def test_minimise_replaces_names_phones_and_ids_in_every_text() -> None:
    households = [{"id": "h1", "room": "0502", "emergency_name": "陈小红",
                   "members": [{"id": "m1", "name": "陈建国", "phone": "+8613912345678"}]}]  # fmt: skip
    names = resident_names(households)
    event = {"id": "e1", "problem_id": "p1", "kind": "reported", "at": "2026-11-01T09:00",
             "data": {"reporter": "陈建国", "household_id": "h1", "category": "dispute",
                      "description": "陈建国与陈小红（139 1234 5678，身份证11010519491231002X）漏水"}}  # fmt: skip
    out = minimise(PROBLEM_EVENTS, event, names)
    assert out["data"]["reporter"] == "住户" and out["data"]["household_id"] == "h1"
    assert out["data"]["description"] == "住户与住户（***，身份证***）漏水"
    assert event["data"]["reporter"] == "陈建国"  # the station's own copy is untouched


def test_a_street_station_takes_its_communities_only(cli, tmp_path: Path) -> None:
    street, other, leader = tmp_path / "street", tmp_path / "other", tmp_path / "leader"
    assert cli("station", "init", "--name", "晋原街道服务站", "--street", "晋原街道", "--level", "street",
               home_dir=street).code == 0  # fmt: skip
    bad = cli("station", "init", "--level", "街道", "--community", "子龙社区", home_dir=tmp_path / "x")
    assert bad.code == 2 and "--community" in bad.err and not (tmp_path / "x" / "station.sqlite3").exists()
    assert cli("station", "init", "--level", "区", home_dir=tmp_path / "y").code == 2
    # A leader's device sent to the street: refused, nothing written.
    assert cli(*PROFILE, home_dir=leader).code == 0
    assert cli("sync", "identity", "--out", str(tmp_path / "leader.json"), home_dir=leader).code == 0
    before = dump(street)
    device = cli("station", "enroll", str(tmp_path / "leader.json"), home_dir=street)
    assert device.code == 2 and "街道服务站" in device.err and dump(street) == before
    # A community station of another street: refused unless the operator says so.
    assert cli("station", "init", "--name", "文家社区服务站", "--street", "文家街道", "--community", "文家社区",
               home_dir=other).code == 0  # fmt: skip
    assert cli("station", "identity", "--out", str(tmp_path / "other.json"), home_dir=other).code == 0
    stranger = cli("station", "enroll", str(tmp_path / "other.json"), home_dir=street)
    assert stranger.code == 2 and "文家街道" in stranger.err and dump(street) == before
    assert cli("station", "enroll", str(tmp_path / "other.json"), "--other-community", home_dir=street).code == 0
