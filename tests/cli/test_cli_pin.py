"""The PIN on the command line (#13, item 1): ``profile set-pin`` / ``change-pin``, the PIN from a prompt or
``FIELDGRID_PIN`` and never from the arguments, and every bad input refused with exit 2 and nothing written."""

from __future__ import annotations

import stat
from pathlib import Path
from types import SimpleNamespace

import pytest

from fieldgrid.cli import pin as cli_pin
from fieldgrid.store.crypto import HEADER_SIZE
from fieldgrid.store.pin import FIRST_WAIT, FREE_TRIES, TRIES_NAME, sealed_header
from testkit.cli import PROFILE, db_bytes
from testkit.pin import open_store

PIN = "246813"


@pytest.fixture
def plain_home(cli, home: Path) -> Path:
    assert cli("households", "add", "--room", "0601", "--head", "欧阳秀兰", "--phone", "13912345678").code == 0
    return home


@pytest.fixture
def sealed(cli, plain_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FIELDGRID_NEW_PIN", PIN)
    assert cli("profile", "set-pin").code == 0
    monkeypatch.delenv("FIELDGRID_NEW_PIN")
    return plain_home


class Terminal:
    """A terminal that answers the prompts in turn (``getpass`` replaced)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: str) -> None:
        self.answers = list(answers)
        self.prompts: list[str] = []
        monkeypatch.setattr(cli_pin, "sys", SimpleNamespace(stdin=SimpleNamespace(isatty=lambda: True)))
        monkeypatch.setattr(cli_pin.getpass, "getpass", self.ask)

    def ask(self, prompt: str = "") -> str:
        self.prompts.append(prompt)
        return self.answers.pop(0)


def test_set_pin_encrypts_in_place_and_every_command_then_needs_it(cli, plain_home, monkeypatch) -> None:
    before = db_bytes(plain_home)
    monkeypatch.setenv("FIELDGRID_NEW_PIN", PIN)
    result = cli("profile", "set-pin")
    assert result.code == 0 and "已设置 PIN" in result.out
    monkeypatch.delenv("FIELDGRID_NEW_PIN")
    after = db_bytes(plain_home)
    assert after != before and b"\xe6\xac\xa7\xe9\x98\xb3" not in after  # 欧阳 in UTF-8
    assert stat.S_IMODE(plain_home.stat().st_mode) == 0o700
    refused = cli("households", "list")
    assert refused.code == 2 and "FIELDGRID_PIN" in refused.err  # no terminal in the tests: it says how
    monkeypatch.setenv("FIELDGRID_PIN", PIN)
    listed = cli("households", "list", "--reveal")
    assert listed.code == 0 and "欧阳秀兰" in listed.out and "13912345678" in listed.out.replace(" ", "")
    assert cli(*PROFILE).code == 0
    shown = cli("profile", "show")
    assert shown.code == 0 and "已加密" in shown.out and "闲置 5 分钟" in shown.out


def test_the_pin_is_asked_on_a_terminal_twice_when_new(cli, plain_home, monkeypatch) -> None:
    terminal = Terminal(monkeypatch, PIN, PIN)
    assert cli("profile", "set-pin").code == 0
    assert len(terminal.prompts) == 2 and "新 PIN" in terminal.prompts[0]
    terminal.answers = [PIN]
    assert cli("households", "show", "0601").code == 0
    assert terminal.prompts[-1] == "PIN："


def test_two_different_new_pins_set_nothing(cli, plain_home, monkeypatch) -> None:
    before = db_bytes(plain_home)
    Terminal(monkeypatch, PIN, "246814")
    result = cli("profile", "set-pin")
    assert result.code == 2 and "不一致" in result.err
    assert db_bytes(plain_home) == before and sealed_header(plain_home) is None


@pytest.mark.parametrize(
    "argv",
    [
        ["--pin", "123456", "households", "list"],
        ["households", "list", "--pin=123456"],
        ["profile", "set-pin", "--new-pin", "123456"],
        ["profile", "change-pin", "--old-pin", "1", "--passphrase", "x"],
    ],
)
def test_a_pin_on_the_command_line_is_refused_with_the_reason(cli, home, argv) -> None:
    result = cli(*argv)
    assert result.code == 2
    assert "不能在命令行参数里给出 PIN" in result.err and "进程列表" in result.err and "FIELDGRID_PIN" in result.err
    assert not home.exists()  # nothing written, not even the home
    english = cli(*argv, "--lang", "en")
    assert english.code == 2 and "never taken from the command line" in english.err


def test_a_value_that_merely_looks_like_the_option_is_fine(cli, plain_home) -> None:
    assert cli("households", "edit", "0601", "--note", "--pin 是什么？").code == 0
    assert cli("households", "edit", "0601", "--note=门口贴了 --pin 字样").code == 0


def test_fieldgrid_pin_for_a_home_without_a_pin_is_refused(cli, plain_home, monkeypatch) -> None:
    before = db_bytes(plain_home)
    monkeypatch.setenv("FIELDGRID_PIN", PIN)
    tries = (["households", "list"], ["households", "add", "--room", "0602", "--head", "李四"], ["profile", "set-pin"])
    for args in tries:
        result = cli(*args)
        assert result.code == 2 and "没有 PIN" in result.err, args
    assert db_bytes(plain_home) == before


def test_wrong_and_empty_pins_exit_2_and_change_nothing(cli, sealed, monkeypatch) -> None:
    before = db_bytes(sealed)
    monkeypatch.setenv("FIELDGRID_PIN", "999999")
    wrong = cli("households", "add", "--room", "0602", "--head", "李四")
    assert wrong.code == 2 and "PIN 不对" in wrong.err and "数据没有改动" in wrong.err
    monkeypatch.setenv("FIELDGRID_PIN", "  ")
    empty = cli("households", "list")
    assert empty.code == 2 and "PIN 为空" in empty.err
    monkeypatch.setenv("FIELDGRID_PIN", PIN)
    english = cli("households", "list", "--lang", "en")
    assert english.code == 0
    assert db_bytes(sealed) == before


def test_after_five_wrong_pins_the_command_waits_doubling(cli, sealed, monkeypatch) -> None:
    now = [1_800_000_000.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:  # the test's sleep: the clock moves, nobody waits
        slept.append(seconds)
        now[0] += seconds

    monkeypatch.setattr(cli_pin, "clock", lambda: now[0])
    monkeypatch.setattr(cli_pin, "sleep", sleep)
    monkeypatch.setenv("FIELDGRID_PIN", "000000")
    for _ in range(FREE_TRIES):
        assert cli("households", "list").code == 2
    assert slept == []
    for _ in range(3):
        result = cli("households", "list")
        assert result.code == 2 and "等待" in result.err
    assert slept == [FIRST_WAIT, 2 * FIRST_WAIT, 4 * FIRST_WAIT]
    monkeypatch.setenv("FIELDGRID_PIN", PIN)
    assert cli("households", "list").code == 0  # waits its turn, then opens; the count starts again
    assert slept[-1] == 8 * FIRST_WAIT
    assert not (sealed / TRIES_NAME).exists()


def test_change_pin_needs_the_current_one_and_the_old_one_opens_nothing_after(cli, sealed, monkeypatch) -> None:
    header = db_bytes(sealed)[:HEADER_SIZE]
    monkeypatch.setenv("FIELDGRID_PIN", PIN)
    monkeypatch.setenv("FIELDGRID_NEW_PIN", "门口那棵老银杏树")
    result = cli("profile", "change-pin")
    assert result.code == 0 and "已更换 PIN" in result.out
    assert db_bytes(sealed)[:HEADER_SIZE] != header
    assert cli("households", "list").code == 2  # the old PIN
    monkeypatch.setenv("FIELDGRID_PIN", "门口那棵老银杏树")
    assert cli("households", "list").code == 0


def test_set_pin_twice_and_change_pin_without_one_are_refused(cli, plain_home, monkeypatch) -> None:
    before = db_bytes(plain_home)
    changed = cli("profile", "change-pin")
    assert changed.code == 2 and "还没有设置 PIN" in changed.err
    assert db_bytes(plain_home) == before
    monkeypatch.setenv("FIELDGRID_NEW_PIN", PIN)
    assert cli("profile", "set-pin").code == 0
    monkeypatch.setenv("FIELDGRID_PIN", PIN)
    again = cli("profile", "set-pin")
    assert again.code == 2 and "已经设置了 PIN" in again.err
    monkeypatch.setenv("FIELDGRID_NEW_PIN", "12345")
    short = cli("profile", "change-pin")
    assert short.code == 2 and "PIN 太短" in short.err


def test_a_damaged_encrypted_store_is_refused_not_moved_aside(cli, sealed, monkeypatch) -> None:
    path = sealed / "fieldgrid.json"
    raw = bytearray(path.read_bytes())
    raw[-3] ^= 0x01
    path.write_bytes(bytes(raw))
    monkeypatch.setenv("FIELDGRID_PIN", PIN)
    result = cli("households", "list")
    assert result.code == 2 and "无法解密" in result.err and "没有清空也没有覆盖" in result.err
    assert path.read_bytes() == bytes(raw)
    assert not list(sealed.glob("fieldgrid.json.corrupt-*"))
    path.write_bytes(bytes(raw[:40]))  # cut inside the header
    cut = cli("households", "list")
    assert cut.code == 2 and "文件头已损坏" in cut.err
    assert path.read_bytes() == bytes(raw[:40])


def test_the_idle_lock_minutes_are_a_device_setting(cli, sealed, monkeypatch) -> None:
    monkeypatch.setenv("FIELDGRID_PIN", PIN)
    assert cli("profile", "set", "--lock-minutes", "10").code == 0
    bad = cli("profile", "set", "--lock-minutes", "-3")
    assert bad.code == 2 and "0 到 1440" in bad.err
    store = open_store(sealed, PIN)
    assert store.lock_minutes() == 10
    store.close()
