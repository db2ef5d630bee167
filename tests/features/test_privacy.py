"""Issue #13, items 4–6: what leaves the leader's hands is minimised (messages never name who reported, door
cards carry no tags, exports are masked unless --reveal), every disclosure is on an append-only log that travels
to the station and comes out as its processing record, and households no longer served are kept only as counts
once their retention is over — on the device and at the station, each by its own period."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from fieldgrid.i18n import set_language
from fieldgrid.ledger.wording import wechat_message
from fieldgrid.model import GridPath, Household, LeaderProfile, Member
from fieldgrid.model.ledger import ProblemView, Report
from fieldgrid.model.problem import ProblemEvent
from fieldgrid.model.visit import Visit
from fieldgrid.record.erasure import DAY_MS
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import enroll, import_paths, station_identity
from fieldgrid.station.retention import apply_retention, set_retention_days
from fieldgrid.station.seal import DEMO_PASSPHRASE
from fieldgrid.store import Store
from fieldgrid.store.pin import DEMO_PIN
from fieldgrid.sync import device
from fieldgrid.sync.identity import Keys
from testkit.cli import PROFILE, db_bytes
from testkit.fonts import needs_cjk_font
from testkit.pin import open_store
from testkit.qr import wechat, zxing

LEADER = LeaderProfile("王芳", "13800138000", GridPath(community="子龙社区", compound="橙郡一期", building="6栋",
                                                       unit="3单元"))  # fmt: skip
# Characters of real given names that no fixed part of a message uses, so a name found in one came from the data.
NAME_CHARS = "伟娜敏静丽强磊洋艳勇杰娟涛超霞刚桂兰琴梅波鹏辉玲婷雪飞斌"
SURNAMES = "李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
names = st.builds(lambda s, g: s + g, st.sampled_from(SURNAMES), st.text(NAME_CHARS, min_size=1, max_size=2))


def view_of(*events: ProblemEvent) -> ProblemView:
    view = ProblemView.from_events(events)
    assert view is not None
    return view


@settings(max_examples=150, deadline=None)
@given(reporter=names, head=names, told=names, language=st.sampled_from(["zh_CN", "en"]),
       unsolvable=st.booleans(), room=st.booleans())  # fmt: skip
def test_messages_never_name_who_reported(reporter: str, head: str, told: str, language: str, unsolvable: bool,
                                          room: bool) -> None:  # fmt: skip
    set_language(language)
    report = Report("noise", f"{reporter}说楼上{head}家夜里装修", household_id="h1", reporter=reporter)
    events = [
        ProblemEvent("p1", "reported", "2026-11-20T09:00", report.to_data(), "a", "e1"),
        ProblemEvent("p1", "handled", "2026-11-20T10:00", {"text": f"已找{head}和{reporter}协商"}, "b", "e2"),
        ProblemEvent("p1", "feedback", "2026-11-20T11:00", {"to": told, "how": "in_person"}, "c", "e3"),
    ]
    if unsolvable:
        events.append(ProblemEvent("p1", "closed", "2026-11-20T12:00", {"resolution": "unsolvable",
                                   "notice": f"{head}不同意，{reporter}另行反映"}, "d", "e4"))  # fmt: skip
    message = wechat_message(view_of(*events), LEADER, room="0701" if room else "", names=[head, told])
    for name in (reporter, head, told):
        assert name not in message
    assert ("0701" in message) == room
    assert LEADER.name in message  # signed by the leader, who is no resident being reported


def test_the_issue_example_now_says_a_resident(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDGRID_PIN", DEMO_PIN)  # the demo's PIN
    home = tmp_path / "demo"
    assert cli("demo", "--no-open", home_dir=home).code == 0
    problems = json.loads(cli("problems", "list", "--json", home_dir=home).out)
    mine = next(p for p in problems if p["household_id"] and p["reporter"])
    store = open_store(home)
    household = store.household(mine["household_id"])
    store.close()
    plain = cli("problems", "message", mine["id"][:8], home_dir=home)
    with_room = cli("problems", "message", mine["id"][:8], "--room", home_dir=home)
    assert plain.code == 0 and with_room.code == 0
    assert "有住户反映" in plain.out and household.room not in plain.out
    assert f"{household.room}住户反映" in with_room.out
    for name in [mine["reporter"], *(m.name for m in household.members)]:
        assert name not in plain.out and name not in with_room.out


# -- door cards ------------------------------------------------------------------------------------------------


class Watched:
    """A household that notes which of its fields are read."""

    def __init__(self, household: Household) -> None:
        self._household = household
        self.read: set[str] = set()

    def __getattr__(self, name: str) -> object:
        self.read.add(name)
        return getattr(self._household, name)


@needs_cjk_font
def test_door_cards_carry_no_tags_or_names_and_still_decode(cli, home: Path, tmp_path: Path) -> None:
    from fieldgrid.cards.payload import household_code, vcard
    from fieldgrid.cards.render import Painter, find_font

    assert cli(*PROFILE).code == 0
    assert cli("households", "add", "--room", "0601", "--head", "张建国", "--tag", "独居老人,残疾人",
               "--member", "张小明:子女").code == 0  # fmt: skip
    out = tmp_path / "card.png"
    assert cli("cards", "--out", str(out), "--household", "0601").code == 0
    store = Store(home)
    [household] = store.households()
    expected = {vcard(store.profile()).encode(), household_code(household.id).encode()}
    assert set(zxing(out)) == expected and sorted(wechat(out)) == sorted(expected)
    for payload in expected:
        for word in ("独居", "残疾", "living_alone", "disabled", "张建国", "张小明"):
            assert word.encode() not in payload
    watched = Watched(household)
    Painter(find_font()).card(store.profile(), watched)  # type: ignore[arg-type]
    assert watched.read <= {"id", "room"}  # the card knows nothing else of the household
    store.close()


# -- the disclosure log --------------------------------------------------------------------------------------


def audit(cli, home: Path) -> list[dict]:
    result = cli("audit", "list", "--json", home_dir=home)
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_every_disclosure_on_the_command_line_is_logged(cli, home: Path, tmp_path: Path) -> None:
    assert cli(*PROFILE).code == 0
    assert cli("households", "add", "--room", "0601", "--head", "张建国", "--phone", "13900139000",
               "--member", "李芳:配偶").code == 0  # fmt: skip
    assert cli("households", "add", "--room", "0602", "--head", "单雄信").code == 0
    assert cli("households", "list").code == 0 and cli("households", "show", "0601").code == 0
    assert cli("households", "list", "--csv").code == 0
    assert audit(cli, home) == []  # masked views disclose nothing
    roster = tmp_path / "roster.csv"
    roster.write_text("房号,姓名,与户主关系\n0701,孙八,户主\n0701,孙小八,子女\n", encoding="utf-8")
    assert cli("households", "import", str(roster)).code == 0  # a preview writes nothing, the log included
    assert audit(cli, home) == []
    steps = [
        (("households", "list", "--reveal"), ("reveal", "households_list", 3)),
        (("households", "show", "0601", "--reveal", "--json"), ("reveal", "household_show", 2)),
        (("households", "export", "--out", str(tmp_path / "r.xlsx")), ("export", "roster_export", 3)),
        (("ledger", "export", "--month", "2026-11", "--out", str(tmp_path / "l.csv")), ("export", "ledger_export", 0)),
        (("households", "import", str(roster), "--apply"), ("import", "roster_import", 2)),
    ]
    for args, _ in steps:
        result = cli(*args)
        assert result.code == 0, result.err
    logged = audit(cli, home)
    assert [(e["kind"], e["what"], e["persons"]) for e in reversed(logged)] == [want for _, want in steps]
    assert {e["via"] for e in logged} == {"cli"}
    assert logged[-2]["target"] == "0601"
    for entry in logged:  # the log itself holds no personal data
        assert not {"张建国", "李芳", "13900139000", "孙八"} & set(json.dumps(entry, ensure_ascii=False).split('"'))
    table = cli("audit", "list")
    assert table.code == 0 and "显示完整信息" in table.out and "共 5 条" in table.out


@needs_cjk_font
def test_a_card_print_is_logged(cli, home: Path, tmp_path: Path) -> None:
    assert cli(*PROFILE).code == 0
    assert cli("households", "add", "--room", "0601", "--head", "张建国", "--member", "李芳:配偶").code == 0
    assert cli("cards", "--out", str(tmp_path / "c.pdf"), "--all").code == 0
    [entry] = audit(cli, home)
    assert (entry["kind"], entry["what"], entry["persons"]) == ("print", "cards", 2)


def test_the_log_is_append_only_and_travels_as_written_once_records(tmp_path: Path) -> None:
    from fieldgrid.record.merge import merge_doc
    from fieldgrid.record.tables import DISCLOSURES, IMMUTABLE, TABLES
    from fieldgrid.sync.pending import pending

    assert DISCLOSURES in TABLES and DISCLOSURES in IMMUTABLE
    store = Store(tmp_path / "d")
    store.log_disclosure("reveal", "household_show", 3, target="0601")
    assert not any(hasattr(store, name) for name in ("edit_disclosure", "delete_disclosure", "update_disclosure"))
    [doc] = [d for t, d in pending(store) if t == DISCLOSURES]
    assert merge_doc(DISCLOSURES, doc, doc) == (doc, [])
    store.close()


# -- the station ------------------------------------------------------------------------------------------------


def test_the_log_reaches_the_station_and_comes_out_as_its_processing_record(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDGRID_PIN", DEMO_PIN)  # the demo's PIN
    monkeypatch.setenv("FIELDGRID_STATION_PASSPHRASE", DEMO_PASSPHRASE)  # the demo station's
    device_home, station_home, stick = tmp_path / "demo", tmp_path / "demo-station", tmp_path / "stick"
    assert cli("demo", "--no-open", home_dir=device_home).code == 0
    assert cli("households", "list", "--reveal", home_dir=device_home).code == 0
    assert cli("households", "show", "0701", "--reveal", home_dir=device_home).code == 0
    assert cli("households", "export", "--out", str(tmp_path / "r.csv"), home_dir=device_home).code == 0
    logged = audit(cli, device_home)
    assert len(logged) == 3
    assert cli("sync", "export", "--out", str(stick), home_dir=device_home).code == 0
    assert cli("station", "import", str(stick), home_dir=station_home).code == 0
    month = logged[0]["at"][:7]
    book = tmp_path / "处理记录.xlsx"
    done = cli("station", "audit", "--month", month, "--out", str(book), home_dir=station_home)
    assert done.code == 0, done.err
    workbook = load_workbook(book)
    disclosures, log = workbook.worksheets
    rows = [list(r) for r in disclosures.iter_rows(values_only=True)]
    assert rows[0] == ["时间", "网格", "单元长", "类别", "内容", "涉及人数", "对象", "方式"]
    assert len(rows) == 1 + 3
    assert {r[1] for r in rows[1:]} == {"橙郡一期6栋3单元"} and {r[2] for r in rows[1:]} == {"刘秀英"}
    assert sorted((r[4], r[5]) for r in rows[1:]) == sorted(
        (w, e["persons"]) for w, e in zip(["住户列表", "一户详情", "花名册表格"], reversed(logged), strict=True))
    assert any(r[1] == "接收" for r in log.iter_rows(values_only=True))  # the station's own log of the month
    other = cli("station", "audit", "--month", "2001-01", "--out", str(tmp_path / "none.csv"), home_dir=station_home)
    assert other.code == 0 and len((tmp_path / "none.csv").read_text(encoding="utf-8-sig").splitlines()) == 1


def test_station_audit_and_retention_refuse_bad_input_writing_nothing(cli, tmp_path: Path) -> None:
    station = tmp_path / "st"
    assert cli("station", "init", home_dir=station).code == 0
    before = (station / "station.sqlite3").read_bytes()
    for args in (("audit", "--month", "2026-13", "--out", str(tmp_path / "a.xlsx")),
                 ("audit", "--month", "2026-11", "--out", str(tmp_path / "a.pdf")),
                 ("retention", "abc"), ("retention", "0"), ("retention", "99999"),
                 ("retention", "--dry-run")):  # fmt: skip
        result = cli("station", *args, home_dir=station)
        assert result.code == 2, args
        assert result.err.strip() and "Traceback" not in result.err
    assert not (tmp_path / "a.xlsx").exists() and not (tmp_path / "a.pdf").exists()
    assert (station / "station.sqlite3").read_bytes() == before
    assert cli("station", "retention", "30", home_dir=station).code == 0
    assert "30" in cli("station", "retention", home_dir=station).out


def test_device_commands_refuse_bad_input_writing_nothing(cli, home: Path) -> None:
    assert cli(*PROFILE).code == 0
    before = db_bytes(home)
    for args in (("retention", "days", "abc"), ("retention", "days", "0"), ("profile", "retention", "-3"),
                 ("audit", "list", "--month", "2026-13"), ("problems", "message", "nope")):  # fmt: skip
        result = cli(*args)
        assert result.code == 2, args
        assert result.err.strip() and "Traceback" not in result.err
    assert db_bytes(home) == before
    english = cli("retention", "days", "0", "--lang", "en")
    assert english.code == 2 and "from 1 to 3650" in english.err


# -- retention ------------------------------------------------------------------------------------------------


class Clock:
    def __init__(self, start_ms: int) -> None:
        self.ms = start_ms

    def __call__(self) -> int:
        self.ms += 1
        return self.ms


def moved_out_unit(home: Path, clock: Clock) -> tuple[Store, str, str]:
    """A unit of two households, one of whose people reported a problem; the other then moves out."""
    store = Store(home, now_ms=clock)
    store.save_profile(LEADER)
    gone = store.add_household(Household(room="0601", phones=["13900139000"], tags=["living_alone"],
                                         emergency_name="钱多多", members=[
                                             Member(name="赵铁柱", relation="self", id_number="11010519491231002X"),
                                             Member(name="孙翠花", relation="spouse")]))  # fmt: skip
    stays = store.add_household(Household(room="0602", members=[Member(name="周大福", relation="self")]))
    when = dt.datetime.fromtimestamp(clock.ms / 1000).replace(microsecond=0)
    at = (when - dt.timedelta(hours=2)).isoformat(timespec="minutes")
    store.add_visit(Visit(gone.id, at, "mediation", found="赵铁柱说楼上吵", needs="孙翠花要调解"))
    store.add_visit(Visit(stays.id, at, "routine", found="周大福一切正常"))
    view = store.report_problem(Report("noise", "赵铁柱反映楼上夜里吵", household_id=gone.id, reporter="孙翠花"), at)
    store.add_event(view.id, "handled", {"text": "已与赵铁柱沟通"}, at)
    store.add_event(view.id, "feedback", {"to": "孙翠花", "how": "in_person"}, at)
    store.update_household(Household.from_doc({**gone.to_doc(), "residency": "moved_out"}))
    return store, gone.id, view.id


GONE = ("赵铁柱", "孙翠花", "钱多多", "13900139000", "11010519491231002X", "2X")


def test_retention_keeps_history_for_its_days_then_only_counts(tmp_path: Path) -> None:
    home = tmp_path / "device"
    start = int(dt.datetime(2026, 8, 1, 9, 0).timestamp() * 1000)
    clock = Clock(start)
    store, gone, problem = moved_out_unit(home, clock)
    store.close()
    clock.ms = start + 89 * DAY_MS
    store = Store(home, now_ms=clock)
    store.retention_at_open()
    assert not store.notices and store.household(gone).residency == "moved_out"
    assert store.apply_retention(dry_run=True).households == 0
    store.close()
    clock.ms = start + 91 * DAY_MS
    before = (home / "fieldgrid.json").read_bytes()
    store = Store(home, now_ms=clock)
    preview = store.apply_retention(dry_run=True)
    assert (preview.households, preview.persons, preview.visits, preview.problems) == (1, 2, 1, 1)
    assert (home / "fieldgrid.json").read_bytes() == before  # a dry run writes nothing
    store.retention_at_open()
    assert store.notices == [("notice.retention_applied", {"households": 1, "persons": 2, "days": 90})]
    after = (home / "fieldgrid.json").read_text(encoding="utf-8")
    assert before != after.encode()
    for value in GONE:
        assert value not in after, value  # nothing of the household is left anywhere in the file
    assert "周大福" in after  # the other household is untouched
    assert [h.room for h in store.households()] == ["0602"]
    [tombstone] = [d for d in store.raw_docs("households") if d["id"] == gone]
    assert tombstone["_meta"]["deleted"] and tombstone["room"] == "0601" and "members" not in tombstone
    visits = store.visits()
    assert len(visits) == 2 and {v.kind for v in visits} == {"mediation", "routine"}  # still counted
    erased = next(v for v in visits if v.household_id == gone)
    assert (erased.found, erased.needs) == ("", "")
    view = store.problem(problem)
    assert (view.report.reporter, view.report.household_id, view.status) == ("", None, "resolved")
    assert store.retention_counts() == {"households": 1, "persons": 2, "visits": 1, "problems": 1}
    [entry] = store.disclosures()
    assert (entry.kind, entry.what, entry.persons, entry.target) == ("erase", "retention", 2, "0601")
    store.close()
    again = (home / "fieldgrid.json").read_bytes()
    store = Store(home, now_ms=clock)  # nothing more to erase: nothing written
    store.retention_at_open()
    assert not store.notices and (home / "fieldgrid.json").read_bytes() == again
    store.close()


def test_retention_erases_why_a_visit_of_the_household_was_corrected(tmp_path: Path) -> None:
    """A correction's reason is free text that may name the household's people: erased with the visit it
    corrected, keeping only that the visit was voided (so the tallies stay right on every side)."""
    home = tmp_path / "device"
    start = int(dt.datetime(2026, 8, 1, 9, 0).timestamp() * 1000)
    clock = Clock(start)
    store, gone, _ = moved_out_unit(home, clock)
    at = dt.datetime.fromtimestamp(start / 1000).replace(microsecond=0).isoformat(timespec="minutes")
    extra = store.add_visit(Visit(gone, at, "routine", found="又一次"))
    store.void_visit(extra.id, "赵铁柱说那天不在家，记重了")
    store.close()
    clock.ms = start + 91 * DAY_MS
    store = Store(home, now_ms=clock)
    store.retention_at_open()
    text = (home / "fieldgrid.json").read_text(encoding="utf-8")
    assert "赵铁柱" not in text and "记重了" not in text
    [correction] = store.raw_docs("corrections")
    assert correction["void"] and correction["target"] == extra.id and correction["_meta"]["erased"]
    assert extra.id not in {v.id for v in store.visits()}  # still voided: out of every tally
    store.close()


def test_retention_days_is_a_setting_and_a_dry_run_writes_nothing(cli, home: Path) -> None:
    assert cli(*PROFILE).code == 0
    assert cli("households", "add", "--room", "0601", "--head", "赵铁柱").code == 0
    assert cli("households", "edit", "0601", "--residency", "已迁出").code == 0
    assert "90" in cli("retention", "show").out
    assert cli("retention", "apply").out.strip() == "没有超过保留期的住户"
    assert cli("profile", "retention", "30").code == 0 and "30" in cli("retention", "show").out
    store = Store(home, now_ms=lambda: int(time.time() * 1000) + 31 * DAY_MS)
    try:
        preview = store.apply_retention(dry_run=True)
    finally:
        store.close()
    assert (preview.households, preview.persons, preview.rooms) == (1, 1, ("0601",))
    assert cli("retention", "days", "1").code == 0  # a day on: the command says what it would erase, then does
    before = db_bytes(home)
    store = Store(home, now_ms=lambda: int(time.time() * 1000) + 2 * DAY_MS)
    store.close()
    assert db_bytes(home) == before  # a Store alone erases nothing: the faces do, as they open the home


def test_the_station_learns_the_tombstone_and_erases_by_its_own_period(tmp_path: Path) -> None:
    now = time.time_ns() // 1_000_000
    clock = Clock(now - 100 * DAY_MS)
    store, gone, _ = moved_out_unit(tmp_path / "device", clock)
    keys = Keys(tmp_path / "device")
    db = StationDB(tmp_path / "station", create=True)
    station_keys = Keys(tmp_path / "station")
    device.trust(store, station_identity(db, station_keys))
    enroll(db, device.identity(store, keys))
    first = device.export(store, keys, tmp_path / "stick1")
    [outcome] = import_paths(db, station_keys, [first.path])
    assert outcome.status == "accepted", outcome.key
    clock.ms = now  # a hundred days later the device erases the household and tells the station
    store.close()
    store = Store(tmp_path / "device", now_ms=clock)
    store.retention_at_open()
    assert store.notices
    second = device.export(store, keys, tmp_path / "stick2")
    [outcome] = import_paths(db, station_keys, [second.path])
    assert outcome.status == "accepted", outcome.key
    households = {d["id"]: d for d in db.docs("households", deleted=True)}
    assert households[gone]["_meta"]["deleted"]  # the station learnt it …
    assert any(m["name"] == "赵铁柱" for m in households[gone]["members"])  # … and keeps its copy for its period
    # Written-once records erased on the device win the merge everywhere: the visit and the problem are erased.
    [visit] = [v for v in db.docs("visits") if v["household_id"] == gone]
    assert visit["_meta"]["erased"] and "found" not in visit
    assert len(list(db.docs("disclosures"))) == 1
    set_retention_days(db, 120)
    assert apply_retention(db, now).households == 0
    set_retention_days(db, 90)
    done = apply_retention(db, now)
    assert (done.households, done.persons, done.rooms) == (1, 2, ("0601",))
    dump = "\n".join(db.conn.iterdump())
    records = "\n".join(line for line in dump.splitlines() if 'INSERT INTO "records"' in line)
    for value in GONE:
        assert value not in records, value
    assert "周大福" in records
    assert apply_retention(db, now).households == 0  # done once
    again = device.export(store, keys, tmp_path / "stick3")  # the device's erased copies merge cleanly
    [outcome] = import_paths(db, station_keys, [again.path])
    assert outcome.status in ("accepted", "duplicate") and not db.open_conflicts()
    store.close()
    db.close()
