"""Where the home is, one process per home, real processes, and opening the terminal UI from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path
from typing import ClassVar

import pytest

from fieldgrid.cli import program
from fieldgrid.store import HomeLock, HomeLocked, Store
from testkit.cli import PROFILE, db_bytes, list_json, run_module, subprocess_env

# -- where the home is -------------------------------------------------------------------------------------------


def test_home_option_beats_environment(cli, tmp_path, monkeypatch) -> None:
    flag_home, env_home = tmp_path / "flag", tmp_path / "env"
    monkeypatch.setenv("FIELDGRID_HOME", str(env_home))
    assert cli("households", "add", "--room", "0101", "--head", "甲", "--building", "1栋", home_dir=flag_home).code == 0
    assert cli("households", "add", "--room", "0202", "--head", "乙", "--building", "1栋", home_dir=None).code == 0
    assert [d["room"] for d in list_json(lambda *a: cli(*a, home_dir=flag_home))] == ["0101"]
    assert [d["room"] for d in list_json(lambda *a: cli(*a, home_dir=None))] == ["0202"]
    assert (env_home / "fieldgrid.json").exists()


def test_platform_data_dir_when_nothing_is_set(cli, tmp_path) -> None:
    assert cli("households", "add", "--room", "0101", "--head", "甲", "--building", "1栋", home_dir=None).code == 0
    assert (tmp_path / "platform-data" / "fieldgrid" / "fieldgrid.json").exists()


def test_global_options_after_the_command(cli, tmp_path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = cli("households", "list", "--home", str(elsewhere), "--lang", "en", home_dir=None)
    assert result.code == 0 and "No households yet" in result.out
    assert (elsewhere / "fieldgrid.json").exists()


# -- one process per home ------------------------------------------------------------------------------------------

HOLDER = """
import sys
from pathlib import Path
from fieldgrid.store import HomeLock
lock = HomeLock(Path(sys.argv[1])).acquire()
print("locked", flush=True)
sys.stdin.read()
lock.release()
"""


@pytest.fixture
def held_home(home: Path):
    """Another process holding the home's lock until the test ends (it waits on its stdin, no sleeps)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(home)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    yield proc
    assert proc.stdin is not None
    proc.stdin.close()
    proc.wait(timeout=30)


def test_second_process_is_refused_with_the_holders_pid(cli, home, held_home) -> None:
    before = db_bytes(home) if (home / "fieldgrid.json").exists() else None
    result = cli("households", "add", "--room", "0601", "--head", "张三")
    assert result.code == 1
    assert f"pid {held_home.pid}" in result.err and str(home) in result.err
    assert (db_bytes(home) if (home / "fieldgrid.json").exists() else None) == before

    other = run_module("--home", str(home), "households", "list")
    assert other.returncode == 1
    assert f"pid {held_home.pid}" in other.stderr and "正被另一个 fieldgrid 进程" in other.stderr
    english = run_module("--home", str(home), "--lang", "en", "profile", "show")
    assert english.returncode == 1 and f"in use by another fieldgrid process (pid {held_home.pid})" in english.stderr


def test_lock_is_released_when_the_holder_ends(cli, home, held_home) -> None:
    assert cli("households", "list").code == 1
    assert held_home.stdin is not None
    held_home.stdin.close()
    held_home.wait(timeout=30)
    assert cli("households", "list").code == 0
    HomeLock(home).acquire().release()  # and the CLI let go of it again


# -- real processes -------------------------------------------------------------------------------------------------


def test_python_m_fieldgrid_round_trip(home) -> None:
    added = run_module(
        "--home", str(home), "households", "add", "--room", "0601", "--head", "张三", "--tag", "独居老人"
    )
    assert added.returncode == 0, added.stderr
    listed = run_module("--home", str(home), "households", "list", "--json")
    assert listed.returncode == 0
    [doc] = json.loads(listed.stdout)
    assert doc["id"] == added.stdout.strip() and doc["tags"] == ["living_alone"]
    bad = run_module("--home", str(home), "households", "add", "--room", "0602", "--head", "李四", "--phone", "12345")
    assert bad.returncode == 2 and "电话号码无效：12345" in bad.stderr and bad.stdout == ""


def test_a_sync_module_in_the_current_folder_does_not_shadow_fieldgrid(tmp_path) -> None:
    # fieldgrid once installed a top-level ``sync`` package: ``python -m fieldgrid sync status`` run in a folder
    # holding a ``sync.py`` then failed with ImportError.
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "sync.py").write_text("raise SystemExit('the wrong sync was imported')\n")
    (folder / "sync").mkdir()
    (folder / "sync" / "__init__.py").write_text("raise SystemExit('the wrong sync package was imported')\n")
    (tmp_path / "home").mkdir()
    done = run_module("--home", str(tmp_path / "home"), "sync", "status", cwd=folder)
    assert done.returncode == 0, done.stderr
    assert "wrong sync" not in done.stderr + done.stdout and "Traceback" not in done.stderr


def test_fieldgrid_home_environment_in_a_real_process(tmp_path) -> None:
    env_home = tmp_path / "env-home"
    added = run_module("households", "add", "--room", "0101", "--head", "甲", FIELDGRID_HOME=str(env_home))
    assert added.returncode == 0, added.stderr
    assert (env_home / "fieldgrid.json").exists()


# -- the terminal UI -------------------------------------------------------------------------------------------------


class FakeApp:
    """Stands in for fieldgrid.tui.app.FieldgridApp: records how the command line opened it."""

    runs: ClassVar[list[dict]] = []

    def __init__(self, store: Store, notices=()) -> None:
        self.store = store
        self.notices = list(notices)

    def run(self) -> None:
        try:
            HomeLock(self.store.home).acquire().release()
            locked = False
        except HomeLocked:
            locked = True
        FakeApp.runs.append({"home": self.store.home, "locked": locked, "households": len(self.store.households())})


@pytest.fixture
def fake_tui(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    module = types.ModuleType("fieldgrid.tui.app")
    module.FieldgridApp = FakeApp  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fieldgrid.tui.app", module)
    monkeypatch.setattr(program, "has_terminal", lambda: True)
    FakeApp.runs = []
    return FakeApp.runs


def test_no_command_opens_the_app_holding_the_lock(cli, home, fake_tui) -> None:
    assert cli().code == 0
    assert fake_tui == [{"home": home, "locked": True, "households": 0}]
    HomeLock(home).acquire().release()


def test_no_command_without_a_terminal_exits_1(cli, home) -> None:
    result = cli()
    assert result.code == 1 and "没有可用的终端" in result.err


def test_scripted_commands_do_not_import_textual_or_pypinyin(home) -> None:
    home.mkdir()
    code = (
        "import sys\n"
        "from fieldgrid.cli import main\n"
        f"assert main(['--home', {str(home)!r}, 'households', 'list', '--json']) == 0\n"
        "print(sorted(m for m in ('textual', 'pypinyin') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=subprocess_env(), timeout=60, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_a_read_command_on_a_missing_home_says_so_and_writes_nothing(cli, tmp_path) -> None:
    missing = tmp_path / "typo"
    for args in (["households", "list"], ["profile", "show"], ["sync", "status"], ["problems", "list"]):
        result = cli(*args, home_dir=missing)
        assert result.code == 2 and "还没有 fieldgrid 的数据" in result.err, args
        assert not missing.exists()


def test_a_folder_of_other_files_or_a_station_is_never_written_into(cli, tmp_path) -> None:
    other = tmp_path / "documents"
    other.mkdir()
    (other / "简历.docx").write_bytes(b"not ours")
    added = cli("households", "add", "--room", "0601", "--head", "张三", home_dir=other)
    assert added.code == 2 and "不是 fieldgrid 的数据目录" in added.err
    assert [p.name for p in other.iterdir()] == ["简历.docx"]
    station = tmp_path / "station"
    assert cli("station", "init", "--name", "子龙社区服务站", home_dir=station).code == 0
    before = sorted(p.name for p in station.iterdir())
    listed = cli("households", "list", "--lang", "en", home_dir=station)
    assert listed.code == 2 and "service station's folder" in listed.err
    assert sorted(p.name for p in station.iterdir()) == before


def test_a_new_home_is_made_by_the_first_write(cli, tmp_path) -> None:
    home = tmp_path / "new"
    assert cli(*PROFILE, home_dir=home).code == 0
    assert (home / "fieldgrid.json").exists()
    assert cli("households", "list", home_dir=home).code == 0


def test_an_unknown_problem_is_named_as_a_problem(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("FIELDGRID_PIN", "000000")  # the demo's PIN
    home = tmp_path / "demo"
    assert cli("demo", "--no-open", home_dir=home).code == 0
    result = cli("problems", "note", "nonexist", "--text", "已联系", home_dir=home)
    assert result.code == 2 and "找不到问题：nonexist" in result.err and "住户" not in result.err
