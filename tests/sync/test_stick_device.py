"""``fieldgrid sync stick [DIR]`` on a leader's device (#11): the bundle goes into ``DIR/fieldgrid/``, the returns
there addressed to this device come in, other leaders' stay; without DIR the stick is found (the mounted drives,
injected here with ``FIELDGRID_STICK_ROOTS``, or the one used last), and with several the leader is asked — or,
with no terminal, told to name one.  Bad input: exit 2, a message, nothing written."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

from fieldgrid.sync.stick import (
    ARCHIVE,
    FOLDER,
    ROOTS_ENV,
    exchange_folder,
    find_stick,
    mounted_sticks,
    return_folder_name,
    safe_name,
)
from testkit.cli import db_bytes
from testkit.stick import files, onboard


class Terminal(io.StringIO):
    """Standard input that is a terminal, with the leader's answer typed in."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def leader(cli, tmp_path: Path):
    """One enrolled leader (home, stick root), and the folder that drives are mounted under (empty)."""
    world = onboard(cli, tmp_path, count=1)
    world.stick.rmdir()
    world.stick.parent.rmdir()
    return world.devices[0], world.station, world.stick.parent


def test_the_bundle_goes_into_the_fieldgrid_folder(cli, leader) -> None:
    home, _, media = leader
    stick = media / "STICK"
    stick.mkdir(parents=True)
    done = cli("sync", "stick", str(stick), home_dir=home)
    assert done.code == 0, done.err
    [bundle] = (stick / FOLDER).glob("device-*.fgbundle")
    assert done.out.strip() == str(bundle)
    assert "没有发给本机的回传" in done.err and "已写出数据包" in done.err
    # Named as the exchange folder itself, the stick is that folder (no fieldgrid/fieldgrid).
    again = cli("sync", "stick", str(stick / FOLDER), home_dir=home)
    assert again.code == 0 and Path(again.out.strip()).parent == stick / FOLDER
    assert not (stick / FOLDER / FOLDER).exists()


def test_only_this_devices_returns_and_not_the_archive(cli, tmp_path: Path) -> None:
    world = onboard(cli, tmp_path, count=2)
    mine, other = world.devices
    stick = world.stick
    for home in world.devices:
        assert cli("sync", "stick", str(stick), home_dir=home).code == 0
    assert cli("station", "notice", "--text", "周六停水", home_dir=world.station).code == 0
    assert cli("station", "stick", str(stick), home_dir=world.station).code == 0
    theirs = [f for f in files(stick / FOLDER) if f.startswith("李四-")]
    # A return of mine in the archive (one the station replaced) is not picked up again.
    [current] = (stick / FOLDER).glob("张三-*/return-*.fgbundle")
    shutil.copy(current, stick / FOLDER / ARCHIVE / current.name.replace("return-", "return-old-"))
    done = cli("sync", "stick", str(stick), home_dir=mine)
    assert done.code == 0, done.err
    assert done.err.count("已导入服务站回传") == 1 and ARCHIVE not in done.err and "李四" not in done.err
    assert [f for f in files(stick / FOLDER) if f.startswith("李四-")] == theirs  # left alone
    assert "周六停水" in cli("sync", "status", home_dir=mine).out
    assert "周六停水" not in cli("sync", "status", home_dir=other).out


def test_a_refused_return_does_not_stop_the_others_or_the_export(cli, leader, tmp_path: Path) -> None:
    home, station, media = leader
    stick = media / "STICK"
    stick.mkdir(parents=True)
    assert cli("sync", "stick", str(stick), home_dir=home).code == 0
    assert cli("station", "notice", "--text", "周六停水", home_dir=station).code == 0
    assert cli("station", "stick", str(stick), home_dir=station).code == 0
    # A return addressed to this device by a station it does not trust.
    stranger = tmp_path / "stranger"
    assert cli("station", "init", home_dir=stranger).code == 0
    assert cli("station", "enroll", str(tmp_path / "identity-1单元.json"), home_dir=stranger).code == 0
    assert cli("station", "returns", "--out", str(stick / FOLDER / "x"), home_dir=stranger).code == 0
    done = cli("sync", "stick", str(stick), home_dir=home)
    assert done.code == 2
    assert "x/return-" in done.err and "拒收" in done.err
    assert "1 条通知" in done.err  # the trusted station's return came in all the same
    assert "已写出数据包" in done.err and Path(done.out.strip()).exists()


# -- bad input -------------------------------------------------------------------------------------------------


def test_a_stick_that_is_not_a_folder(cli, leader) -> None:
    home, _, media = leader
    media.mkdir(parents=True)
    a_file = media / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    before = db_bytes(home)
    for path in (a_file, media / "nosuch"):
        refused = cli("sync", "stick", str(path), home_dir=home)
        assert refused.code == 2
        assert "不是文件夹" in refused.err and "Traceback" not in refused.err
    assert db_bytes(home) == before
    assert sorted(p.name for p in media.iterdir()) == ["notes.txt"]


def test_no_station_trusted_writes_nothing(cli, tmp_path: Path) -> None:
    from testkit.cli import PROFILE

    home, stick = tmp_path / "home", tmp_path / "stick"
    assert cli(*PROFILE, home_dir=home).code == 0
    stick.mkdir()
    before = db_bytes(home)
    refused = cli("sync", "stick", str(stick), home_dir=home)
    assert refused.code == 2 and "fieldgrid sync trust" in refused.err
    assert db_bytes(home) == before and list(stick.iterdir()) == []


def test_in_english(cli, leader) -> None:
    home, _, media = leader
    refused = cli("--lang", "en", "sync", "stick", str(media / "nosuch"), home_dir=home)
    assert refused.code == 2 and "is not a folder" in refused.err


# -- finding the stick ------------------------------------------------------------------------------------------


def roots(monkeypatch: pytest.MonkeyPatch, media: Path) -> None:
    monkeypatch.setenv(ROOTS_ENV, str(media / "*"))


def test_no_stick_found(cli, leader, monkeypatch: pytest.MonkeyPatch) -> None:
    home, _, media = leader
    media.mkdir(parents=True)
    roots(monkeypatch, media)
    before = db_bytes(home)
    refused = cli("sync", "stick", home_dir=home)
    assert refused.code == 2 and "没有找到 U 盘" in refused.err
    assert db_bytes(home) == before


def test_one_stick_is_found_and_remembered(cli, leader, monkeypatch: pytest.MonkeyPatch) -> None:
    home, _, media = leader
    (media / "KINGSTON").mkdir(parents=True)
    (media / "readme.txt").write_text("not a drive", encoding="utf-8")
    roots(monkeypatch, media)
    done = cli("sync", "stick", home_dir=home)
    assert done.code == 0, done.err
    assert f"U 盘：{media / 'KINGSTON'}" in done.err
    assert Path(done.out.strip()).parent == media / "KINGSTON" / FOLDER
    # Unplugged: the one used last is still there (a folder on the disk, say), so it is used.
    monkeypatch.setenv(ROOTS_ENV, "")
    again = cli("sync", "stick", home_dir=home)
    assert again.code == 0 and "（上次用的）" in again.err
    assert Path(again.out.strip()).parent == media / "KINGSTON" / FOLDER


def test_several_sticks_without_a_terminal_are_listed(cli, leader, monkeypatch: pytest.MonkeyPatch) -> None:
    home, _, media = leader
    for name in ("A", "B"):
        (media / name).mkdir(parents=True)
    roots(monkeypatch, media)
    before = db_bytes(home)
    refused = cli("sync", "stick", home_dir=home)
    assert refused.code == 2
    assert "不止一个 U 盘" in refused.err and str(media / "A") in refused.err and str(media / "B") in refused.err
    assert db_bytes(home) == before
    assert files(media) == []


def test_several_sticks_on_a_terminal_ask_which(cli, leader, monkeypatch: pytest.MonkeyPatch) -> None:
    home, _, media = leader
    for name in ("A", "B"):
        (media / name).mkdir(parents=True)
    roots(monkeypatch, media)
    monkeypatch.setattr("sys.stdin", Terminal("2\n"))
    done = cli("sync", "stick", home_dir=home)
    assert done.code == 0, done.err
    assert f"1) {media / 'A'}" in done.err and "请输入编号" in done.err
    assert Path(done.out.strip()).parent == media / "B" / FOLDER
    # Next time, the one used last is taken without asking.
    monkeypatch.setattr("sys.stdin", Terminal(""))
    again = cli("sync", "stick", home_dir=home)
    assert again.code == 0 and "（上次用的）" in again.err
    assert Path(again.out.strip()).parent == media / "B" / FOLDER


def test_a_wrong_answer_writes_nothing(cli, leader, monkeypatch: pytest.MonkeyPatch) -> None:
    home, _, media = leader
    for name in ("A", "B"):
        (media / name).mkdir(parents=True)
    roots(monkeypatch, media)
    before = db_bytes(home)
    for answer in ("3\n", "\n", "B\n"):
        monkeypatch.setattr("sys.stdin", Terminal(answer))
        refused = cli("sync", "stick", home_dir=home)
        assert refused.code == 2 and "没有选好 U 盘" in refused.err
    assert db_bytes(home) == before and files(media) == []


def test_find_stick_rules(tmp_path: Path) -> None:
    media = tmp_path / "media"
    env = {ROOTS_ENV: str(media / "*")}
    assert find_stick(None, environ=env).stick is None and find_stick(None, environ=env).candidates == []
    (media / "A").mkdir(parents=True)
    assert find_stick(None, environ=env).stick == media / "A"
    assert find_stick(str(tmp_path / "gone"), environ=env).how == "detected"
    (media / "B").mkdir()
    assert find_stick(None, environ=env).candidates == [media / "A", media / "B"]
    assert find_stick(str(media / "B"), environ=env) == find_stick(str(media / "B") + "/", environ=env)
    assert find_stick(str(media / "B"), environ=env).how == "last"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert find_stick(str(elsewhere), environ=env).candidates == [media / "A", media / "B"]  # plugged in: ask
    assert find_stick(str(elsewhere), environ={ROOTS_ENV: ""}).stick == elsewhere


def test_by_default_only_mount_points_count() -> None:
    assert all(os.path.ismount(path) for path in mounted_sticks(environ={}))


def test_names_a_fat_stick_takes() -> None:
    assert return_folder_name("张三", {"building": "6栋", "unit": "3单元"}, "dev1") == "张三-6栋3单元"
    assert safe_name('a/b\\c:d*e?f"g<h>i|j\x01k') == "a_b_c_d_e_f_g_h_i_j_k"
    assert safe_name(" 王芳. ") == "王芳"
    assert safe_name("CON") == "_CON" and safe_name("lpt1.txt") == "_lpt1.txt"
    assert return_folder_name("", {}, "dev:1") == "dev_1"
    assert return_folder_name("...", {}, "") == "_"
    assert len(return_folder_name("长" * 300, {"unit": "1单元"}, "d")) <= 64
    assert exchange_folder(Path("/m/S")) == Path("/m/S/fieldgrid")
    assert exchange_folder(Path("/m/S/fieldgrid")) == Path("/m/S/fieldgrid")
