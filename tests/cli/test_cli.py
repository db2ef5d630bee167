"""The scriptable command line: profile and household commands, exit codes, translated errors that write
nothing, the home's single-holder lock, and where the home is."""

from __future__ import annotations

import csv
import io
import json

import pytest

from fieldgrid.store import DiskError, Store
from testkit.cli import GOOD_ID, PROFILE, REPO, Result, db_bytes, list_json, run_module, subprocess_env  # noqa: F401


def test_profile_set_then_show(cli) -> None:
    result = cli(*PROFILE)
    assert result.code == 0, result.err
    assert "已保存单元长信息" in result.out
    shown = cli("profile", "show")
    assert shown.code == 0
    for text in ("王芳", "13800138000", "晋原街道", "子龙社区", "510129001013", "橙郡一期", "6栋", "3单元"):
        assert text in shown.out
    doc = json.loads(cli("profile", "show", "--json").out)
    assert doc["phone"] == "+8613800138000"
    assert doc["grid"]["community_code"] == "510129001013"
    assert doc["device_id"]


def test_profile_set_changes_only_the_fields_given(cli, with_profile) -> None:
    assert cli("profile", "set", "--phone", "+86 139 0000 0000", "--extra-tag", "党员,退役军人").code == 0
    doc = json.loads(cli("profile", "show", "--json").out)
    assert doc["phone"] == "+8613900000000"
    assert doc["name"] == "王芳"
    assert doc["grid"]["unit"] == "3单元"
    assert doc["extra_tags"] == ["党员", "退役军人"]


def test_profile_first_set_needs_the_required_fields(cli, home) -> None:
    home.mkdir()
    assert cli("households", "list").code == 0  # creates the database in the new, empty folder
    before = db_bytes(home)
    result = cli("profile", "set", "--name", "王芳")
    assert result.code == 2
    assert "输入有误" in result.err
    for field in ("电话", "社区", "楼栋", "单元"):
        assert field in result.err
    assert db_bytes(home) == before


def test_profile_show_without_profile_says_how_to_set_it(cli, home) -> None:
    home.mkdir()
    result = cli("profile", "show")
    assert result.code == 1
    assert "fieldgrid profile set" in result.err


# -- households: the happy path --------------------------------------------------------------------------------


def test_add_list_show_edit_delete(cli, with_profile) -> None:
    added = cli(
        "households",
        "add",
        "--room",
        "0601",
        "--head",
        "张三",
        "--phone",
        "13800138001",
        "--id-number",
        GOOD_ID,
        "--tag",
        "独居老人",
        "--note",
        "腿脚不便",
        "--member",
        "李四:配偶:13800138002",
        "--member",
        "张小明:child:sex=男:born=2010",
    )
    assert added.code == 0, added.err
    hid = added.out.strip()
    assert len(hid) == 36 and added.err == ""

    [doc] = list_json(cli)
    assert doc["id"] == hid and doc["room"] == "0601" and doc["head"] == "张三"
    assert doc["floor"] == 6 and doc["building"] == "6栋" and doc["unit"] == "3单元"
    assert doc["tags"] == ["living_alone"]
    assert doc["phones"] == ["138****8001"]
    assert [(m["name"], m["relation"]) for m in doc["members"]] == [
        ("张三", "self"),
        ("李四", "spouse"),
        ("张小明", "child"),
    ]
    assert doc["members"][0]["id_number"] == "110***********002X"
    assert doc["members"][0]["sex"] == "F" and doc["members"][0]["birth_year"] == 1949  # read from the ID
    assert doc["members"][2]["sex"] == "M" and doc["members"][2]["birth_year"] == 2010

    [revealed] = list_json(cli, "--reveal")
    assert revealed["phones"] == ["+8613800138001"]
    assert revealed["members"][0]["id_number"] == GOOD_ID

    rows = list(csv.DictReader(io.StringIO(cli("households", "list", "--csv").out)))
    assert rows[0]["id"] == hid and rows[0]["head"] == "张三" and rows[0]["members"] == "3"
    assert rows[0]["member_names"] == "张三;李四;张小明"
    assert "13800138001" not in rows[0]["phones"]

    table = cli("households", "list").out
    assert "0601" in table and "张三" in table and "138****8001" in table and "独居老人" in table
    assert "13800138001" not in table

    shown = cli("households", "show", hid[:8])
    assert shown.code == 0
    assert "李四" in shown.out and "138****8002" in shown.out and "13800138002" not in shown.out
    assert "13800138002" in cli("households", "show", "0601", "--reveal").out

    edited = cli(
        "households", "edit", hid[:6], "--phone", "028-85123456", "--add-tag", "low_income", "--remove-member", "李四"
    )
    assert edited.code == 0, edited.err
    [after] = list_json(cli, "--reveal")
    assert after["phones"] == ["+862885123456"]
    assert after["tags"] == ["living_alone", "low_income"]
    assert [m["name"] for m in after["members"]] == ["张三", "张小明"]
    assert after["notes"] == "腿脚不便"  # not given, not changed
    assert after["members"][1]["id"] == revealed["members"][2]["id"]

    deleted = cli("households", "delete", hid)
    assert deleted.code == 0 and "0601" in deleted.out
    assert list_json(cli) == []
    gone = cli("households", "show", hid)
    assert gone.code == 2 and hid in gone.err


def test_vocabulary_in_chinese_english_or_code(cli, with_profile) -> None:
    args = ["--residency", "租住", "--tag", "Left-behind child,孕产妇", "--tag", "disabled", "--sex", "女"]
    assert cli("households", "add", "--room", "0702", "--head", "赵丽", *args).code == 0
    [doc] = list_json(cli)
    assert doc["residency"] == "renting"
    assert doc["tags"] == ["left_behind_child", "pregnant", "disabled"]
    assert doc["members"][0]["sex"] == "F"


def test_edit_replaces_members_keeping_ids_by_name(cli, with_profile) -> None:
    hid = cli("households", "add", "--room", "0101", "--head", "周平", "--member", "吴敏:配偶").out.strip()
    old = list_json(cli)[0]["members"]
    assert cli("households", "edit", hid, "--member", "吴敏:配偶:sex=F", "--member", "周一诺:子女").code == 0
    new = list_json(cli)[0]["members"]
    assert [m["name"] for m in new] == ["周平", "吴敏", "周一诺"]
    assert new[1]["id"] == old[1]["id"] and new[1]["sex"] == "F"


def test_edit_blank_value_clears(cli, with_profile) -> None:
    hid = cli("households", "add", "--room", "0101", "--head", "周平", "--note", "x", "--tag", "低保户").out.strip()
    assert cli("households", "edit", hid, "--note", "", "--tag", "").code == 0
    [doc] = list_json(cli)
    assert doc["notes"] == "" and doc["tags"] == []


def test_vacant_flat_needs_no_head(cli, with_profile) -> None:
    assert cli("households", "add", "--room", "1101", "--residency", "空置").code == 0
    [doc] = list_json(cli)
    assert doc["head"] == "" and doc["members"] == []


def test_list_filters_by_tag_and_pinyin(cli, with_profile) -> None:
    cli("households", "add", "--room", "0101", "--head", "单雄信", "--tag", "独居老人")
    cli("households", "add", "--room", "0102", "--head", "曾国峰")
    assert [d["head"] for d in list_json(cli, "--tag", "living_alone")] == ["单雄信"]
    assert [d["head"] for d in list_json(cli, "--search", "sxx")] == ["单雄信"]
    assert [d["head"] for d in list_json(cli, "--search", "zgf")] == ["曾国峰"]
    assert cli("households", "list", "--tag", "外星人").code == 2


def test_empty_list(cli, home) -> None:
    home.mkdir()
    result = cli("households", "list")
    assert result.code == 0 and "还没有登记住户" in result.out


# -- bad input: exit 2, a translated message naming the field, nothing written ----------------------------------

BAD_ADDS = [
    (["--phone", "12345"], "电话", "电话号码无效"),
    (["--id-number", "110105194912310021"], "身份证号码", "校验位不对"),
    (["--tag", "外星人"], "标签", "未知的标签：外星人"),
    (["--member", "李四:配偶:13800138002:110105194912310021"], "成员「李四」的身份证号码", "校验位不对"),
    (["--emergency-phone", "999"], "紧急联系人电话", "999"),
    (["--birth-year", "19x0"], "--birth-year", "四位年份"),
    (["--member", "李四"], "成员写法不对", "李四"),
    # A message parameter named ``key`` once collided with the message key itself: a TypeError traceback.
    (["--member", "李四:spouse:colour=red"], "未知的项", "colour"),
]


@pytest.mark.parametrize(("extra", "field", "message"), BAD_ADDS)
def test_bad_add_exits_2_in_chinese_and_writes_nothing(cli, with_profile, home, extra, field, message) -> None:
    before = db_bytes(home)
    result = cli("households", "add", "--room", "0601", "--head", "张三", *extra)
    assert result.code == 2
    assert result.out == ""
    assert field in result.err and message in result.err
    assert db_bytes(home) == before


def test_bad_edit_exits_2_and_writes_nothing(cli, with_profile, home) -> None:
    hid = cli("households", "add", "--room", "0601", "--head", "张三").out.strip()
    before = db_bytes(home)
    result = cli("households", "edit", hid, "--phone", "1380013800", "--add-tag", "外星人", "--note", "新备注")
    assert result.code == 2
    assert "电话号码无效" in result.err and "未知的标签" in result.err
    assert db_bytes(home) == before
    nothing = cli("households", "edit", hid)
    assert nothing.code == 2 and "没有给出要修改的项" in nothing.err


def test_bad_input_in_english_with_lang_en(cli, with_profile, home) -> None:
    before = db_bytes(home)
    result = cli("--lang", "en", "households", "add", "--room", "0601", "--head", "张三", "--tag", "alien")
    assert result.code == 2
    assert "Bad input; nothing was saved." in result.err
    assert "Tags: Unknown tag: alien" in result.err
    assert db_bytes(home) == before


def test_english_from_lang_environment(cli, with_profile, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    result = cli("households", "add", "--room", "0601", "--head", "张三", "--id-number", "110105194912310021")
    assert result.code == 2
    assert "Wrong check digit" in result.err and "ID number of head 张三" in result.err


def test_room_taken_and_unknown_household(cli, with_profile) -> None:
    assert cli("households", "add", "--room", "0601", "--head", "张三").code == 0
    taken = cli("households", "add", "--room", "0601", "--head", "李四")
    assert taken.code == 2 and "已有住户登记" in taken.err
    missing = cli("households", "delete", "ffffffff")
    assert missing.code == 2 and "找不到住户：ffffffff" in missing.err


def test_argparse_errors_are_translated(cli) -> None:
    missing = cli("households", "add", "--head", "张三")
    assert missing.code == 2 and "缺少必填参数：--room" in missing.err
    english = cli("--lang", "en", "households", "add", "--head", "张三")
    assert english.code == 2 and "missing required arguments: --room" in english.err
    assert cli("--lang", "fr", "households", "list").code == 2
    assert cli("households", "list", "--json", "--csv").code == 2


def test_help_exits_0(cli) -> None:
    result = cli("--help")
    assert result.code == 0 and "households" in result.out and "用法" in result.out
    assert cli("--lang", "en", "households", "add", "--help").out.startswith("usage:")


def test_disk_error_exits_1(cli, with_profile, monkeypatch) -> None:
    def refuse(self, household):
        raise DiskError(str(self.path), "No space left on device")

    monkeypatch.setattr(Store, "add_household", refuse)
    result = cli("households", "add", "--room", "0601", "--head", "张三")
    assert result.code == 1
    assert "No space left on device" in result.err and "已有数据未受影响" in result.err


def test_store_notices_go_to_stderr(cli, home) -> None:
    home.mkdir(parents=True)
    (home / "fieldgrid.json").write_text('{"households": {"1": {"room": "01', encoding="utf-8")
    result = cli("households", "list")
    assert result.code == 0
    assert "数据库文件无法读取" in result.err
    assert list(home.glob("fieldgrid.json.corrupt-*"))
