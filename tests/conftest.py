"""Fixtures for every test: Chinese by default, no developer's home or language (platformdirs points into the
test's folder), and the command line run in-process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import platformdirs
import pytest

from fieldgrid.cli import main
from fieldgrid.i18n import set_language
from fieldgrid.store import crypto
from testkit.cli import PROFILE, Result
from testkit.pin import FAST, STATION_PASSPHRASE
from testkit.sync import make_world


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Chinese by default, no FIELDGRID_HOME nor PIN, no USB drives, and platformdirs pointing into tmp_path; a
    PIN set in a test (the demo's too) costs the least Argon2id (``testkit.pin.FAST``): format and checks alike.
    The station passphrase is set (``testkit.pin.STATION_PASSPHRASE``), as an operator's environment would."""
    monkeypatch.setattr(crypto, "DEFAULT_PARAMS", FAST)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "FIELDGRID_HOME", "FIELDGRID_PIN", "FIELDGRID_NEW_PIN"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("FIELDGRID_STICK_ROOTS", "")  # no test sees this machine's USB drives
    # Every station the command line makes is encrypted: its passphrase is given as an operator would.
    monkeypatch.setenv("FIELDGRID_STATION_PASSPHRASE", STATION_PASSPHRASE)
    monkeypatch.delenv("FIELDGRID_STATION_NEW_PASSPHRASE", raising=False)
    data = tmp_path / "platform-data"
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda appname, appauthor=None: str(data / appname))
    yield
    set_language("zh_CN")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], home: Path):
    def run(*args: str, home_dir: Path | None = home) -> Result:
        argv = (["--home", str(home_dir)] if home_dir is not None else []) + list(args)
        code = main(argv)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def with_profile(cli) -> None:
    assert cli(*PROFILE).code == 0


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[Any, ...]]:
    """(device store, device keys, station database, station keys, the test's folder)."""
    store, keys, db, station_keys = make_world(tmp_path)
    yield store, keys, db, station_keys, tmp_path
    store.close()
    db.close()
