"""Importing the community's roster (花名册) and exporting it back: real-looking XLSX and CSV files (UTF-8 with
BOM, GBK, merged header cells, blank rows, full-width digits, Excel dates, IDs Excel turned into numbers), a
dry run that reports every rejected row, an apply that writes all valid rows at once, a second import that
changes nothing, and an export that round-trips."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from openpyxl import Workbook

from fieldgrid.demo.unit import build_demo
from fieldgrid.model.validation import id_check_char
from fieldgrid.store import Store
from fieldgrid.store.pin import DEMO_PIN
from testkit.cli import PROFILE, db_bytes
from testkit.pin import open_store, pin_env

HEADER = [
    "楼栋",
    "单元",
    "房号",
    "姓名",
    "与户主关系",
    "性别",
    "出生年月",
    "公民身份号码",
    "联系电话",
    "人员类别",
    "备注",
]


def id_number(first17: str) -> str:
    return first17 + id_check_char(first17)


def person_rows(n: int, seed: int = 7) -> list[list[object]]:
    """``n`` people in households of 1–4 in rooms 0101…, valid IDs and phones."""
    rng = random.Random(seed)
    rows: list[list[object]] = []
    room_no = 0
    while len(rows) < n:
        room_no += 1
        floor, door = divmod(room_no - 1, 4)
        room = f"{floor + 1:02d}{door + 1:02d}"
        size = min(rng.randint(1, 4), n - len(rows))
        for k in range(size):
            year = rng.randint(1940, 1990) if k < 2 else rng.randint(1995, 2015)
            female = k == 1
            seq = f"{rng.randint(0, 99):02d}{rng.choice('02468' if female else '13579')}"
            ident = id_number(f"510129{year}0{rng.randint(1, 9)}1{rng.randint(0, 9)}{seq}")
            relation = ["户主", "配偶", "子女", "子女"][k]
            phone = f"139{rng.randint(0, 99_999_999):08d}" if k < 2 else ""
            rows.append(["6栋", "3单元", room, f"李{room}{k}", relation, "女" if female else "男", f"{year}-05",
                         ident, phone, "独居老人" if size == 1 and year < 1960 else "", ""])  # fmt: skip
    return rows


@pytest.fixture
def unit(cli) -> None:
    assert cli(*PROFILE).code == 0


def households(home_dir: Path) -> list:
    store = open_store(home_dir)  # the demo's PIN where it has one
    try:
        return store.households()
    finally:
        store.close()


def test_gbk_csv_of_500_rows_dry_run_apply_then_no_op(cli, unit, home, tmp_path: Path) -> None:
    rows = person_rows(500)
    rows[10][7] = rows[10][7][:-1] + ("0" if rows[10][7][-1] != "0" else "1")  # a bad check digit
    rows[20][8] = "1380013800"  # a phone one digit short
    rows[30][9] = "五保户"  # not a tag
    rows[40][2] = ""  # no room
    path = tmp_path / "花名册.csv"
    lines = [",".join(HEADER)] + [",".join(str(c) for c in r) for r in rows]
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    before = db_bytes(home)
    preview = cli("households", "import", str(path))
    assert preview.code == 2
    assert db_bytes(home) == before  # a dry run writes nothing
    table = preview.out.splitlines()
    rejected_rows = {int(line.split()[0]) for line in table if line.split() and line.split()[0].isdigit()}
    assert {12, 22, 32, 42} <= rejected_rows  # spreadsheet row numbers: the header is row 1
    assert "身份证号码" in preview.out and "五保户" in preview.out and "没有房号" in preview.out
    applied = cli("households", "import", str(path), "--apply")
    assert "已写入" in applied.err
    stored = households(home)
    people = sum(len(h.members) for h in stored)
    assert people == 500 - len({r for r in rejected_rows})  # only the rejected rows' people are missing …
    assert len(stored) > 100
    again = cli("households", "import", str(path))
    assert "将新建 0 户、更新 0 户" in again.err  # … and a second import changes nothing


def test_xlsx_with_title_row_merged_header_blank_rows_full_width_and_dates(cli, unit, home, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["橙郡一期6栋3单元 花名册（2026年11月）"])
    sheet.merge_cells("A1:K1")
    sheet.append(HEADER)
    sheet.append(["6栋", "3单元", "０６０１", "张建国", "本人", "男", dt.datetime(1958, 3, 14),
                  id_number("51012919580314003"), 13800138000, "空巢老人", ""])  # fmt: skip
    sheet.append([None] * 11)
    sheet.append(["6栋", "3单元", "0601", "李秀英", "妻", "女", dt.datetime(1960, 1, 2), None, "", "", ""])
    sheet.append(["6栋", "3单元", "0602", "王五", "户主", "男", "1970年5月", 510129197005050011, "", "", ""])
    sheet.append(["6栋", "3单元", "0603", "赵六", "户主", "男", "1975-01", "5.10129197501E+17", "02887654321", "", ""])
    sheet.append(["6栋", "3单元", "0604", "钱七", "户主", "女", "1980", "", 2887654321, "", ""])
    path = tmp_path / "花名册.xlsx"
    book.save(path)
    preview = cli("households", "import", str(path), "--apply")
    assert preview.code == 2
    assert "身份证号被存成了数字" in preview.out and "电话被存成了数字" in preview.out
    stored = {h.room: h for h in households(home)}
    assert set(stored) == {"0601"}  # 0602–0604 refused, never guessed
    zhang = stored["0601"]
    assert [(m.name, m.relation, m.birth_year) for m in zhang.members] == [
        ("张建国", "self", 1958),
        ("李秀英", "spouse", 1960),
    ]
    assert zhang.members[0].phone == "+8613800138000" and zhang.tags == ["empty_nest"]


def test_utf8_bom_csv_and_map(cli, unit, home, tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    text = "家庭住址,Name,Relation,ID Number\r\n0701,孙八,户主,\r\n0701,孙小八,子女,\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    refused = cli("households", "import", str(path))
    assert "没有房号" in refused.out
    done = cli("households", "import", str(path), "--map", "家庭住址=room", "--apply")
    assert done.code == 0, done.out
    [h] = households(home)
    assert (h.room, h.head_name, len(h.members)) == ("0701", "孙八", 2)
    bad = cli("households", "import", str(path), "--map", "家庭住址")
    assert bad.code == 2


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_round_trips_every_field(cli, tmp_path: Path, suffix: str) -> None:
    source, target = tmp_path / "source", tmp_path / "target"
    assert cli("demo", "--no-open", home_dir=source).code == 0
    out = tmp_path / f"花名册{suffix}"
    with pin_env():  # the demo's PIN
        assert cli("households", "export", "--out", str(out), "--reveal", home_dir=source).code == 0
    assert cli(*PROFILE[:2], "--name", "刘秀英", "--phone", "13800138000", "--community", "子龙社区",
               "--building", "6栋", "--unit", "3单元", home_dir=target).code == 0  # fmt: skip
    assert cli("households", "import", str(out), "--apply", home_dir=target).code == 0

    def fields(h):
        return (h.room, h.building, h.unit, h.floor, h.residency, sorted(h.tags), h.phones, h.emergency_name,
                h.emergency_phone, h.notes,
                sorted((m.name, m.relation, m.sex, m.birth_year, m.phone, m.id_number) for m in h.members))  # fmt: skip

    assert [fields(h) for h in households(target)] == [fields(h) for h in households(source)]
    assert len(households(target)) == len(build_demo().households)
    again = cli("households", "import", str(out), home_dir=target)
    assert "将新建 0 户、更新 0 户" in again.err


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_masks_phones_and_ids_unless_reveal_and_a_masked_sheet_imports_back_as_no_change(
    cli, tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldgrid.model.masking import mask_id_number, mask_phone
    from fieldgrid.roster.files import read_rows

    monkeypatch.setenv("FIELDGRID_PIN", DEMO_PIN)  # the demo's PIN
    home = tmp_path / "demo"
    assert cli("demo", "--no-open", home_dir=home).code == 0
    stored = households(home)
    phones = {p for h in stored for p in [*h.all_phones, h.emergency_phone] if p}
    ids = {m.id_number for h in stored for m in h.members if m.id_number}
    masked, full = tmp_path / f"masked{suffix}", tmp_path / f"full{suffix}"
    done = cli("households", "export", "--out", str(masked), home_dir=home)
    assert done.code == 0 and "--reveal" in done.err
    assert cli("households", "export", "--out", str(full), "--reveal", home_dir=home).code == 0
    cells = {str(c) for _, row in read_rows(masked) for c in row if c not in (None, "")}
    full_cells = {str(c) for _, row in read_rows(full) for c in row if c not in (None, "")}
    national = {p.removeprefix("+86") for p in phones}
    assert not any(n in c for c in cells for n in national | ids)  # no full phone or ID number anywhere
    assert {mask_id_number(i) for i in ids} <= cells and {mask_phone(p) for p in phones if p.startswith("+861")} <= {
        part for c in cells for part in c.split()
    }
    assert ids <= full_cells and any(n in c for c in full_cells for n in national)
    again = cli("households", "import", str(masked), home_dir=home)
    assert again.code == 0 and "将新建 0 户、更新 0 户" in again.err  # masked cells keep what is stored
    before = [(h.phones, [(m.phone, m.id_number) for m in h.members]) for h in households(home)]
    assert cli("households", "import", str(masked), "--apply", home_dir=home).code == 0
    assert [(h.phones, [(m.phone, m.id_number) for m in h.members]) for h in households(home)] == before
    kinds = [(d["kind"], d["what"]) for d in cli_json(cli, "audit", "list", "--json", home_dir=home)]
    assert kinds.count(("export", "roster_export")) == 2 and kinds.count(("import", "roster_import")) == 1


def cli_json(cli, *args: str, home_dir: Path) -> list[dict]:
    import json

    result = cli(*args, home_dir=home_dir)
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_import_from_the_tui_previews_then_writes(tmp_path: Path) -> None:
    import asyncio

    from textual.widgets import Input

    from fieldgrid.model import GridPath, LeaderProfile
    from fieldgrid.tui.app import FieldgridApp
    from fieldgrid.tui.households.household_list import HouseholdListScreen
    from fieldgrid.tui.households.roster_import import RosterImportScreen

    rows = person_rows(12)
    rows[3][7] = "12345"
    path = tmp_path / "roster.csv"
    path.write_bytes("\r\n".join([",".join(HEADER)] + [",".join(map(str, r)) for r in rows]).encode("gbk"))
    store = Store(tmp_path / "home")
    store.save_profile(
        LeaderProfile("王芳", "13800138000", GridPath(community="子龙社区", building="6栋", unit="3单元"))
    )

    async def body() -> None:
        app = FieldgridApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("h", "i")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, RosterImportScreen)
            await pilot.press("ctrl+s")  # nothing previewed yet: nothing written
            assert store.households() == []
            screen.query_one("#roster-path", Input).value = str(path)
            await pilot.press("enter")
            await pilot.pause()
            assert screen.plan is not None and [r.row for r in screen.plan.rejected] == [5]
            assert store.households() == []  # a preview writes nothing
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, HouseholdListScreen)
            assert app.screen.table.row_count == len(store.households()) > 0

    asyncio.run(body())
    store.close()
