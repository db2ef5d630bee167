"""Shared by the tests: what ``tests/test_cli.py`` used to keep at its top."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PROFILE = [
    "profile",
    "set",
    "--name",
    "王芳",
    "--phone",
    "13800138000",
    "--street",
    "晋原街道",
    "--community",
    "子龙社区",
    "--compound",
    "橙郡一期",
    "--building",
    "6栋",
    "--unit",
    "3单元",
    "--community-code",
    "510129001013",
]
GOOD_ID = "11010519491231002X"  # the GB 11643 standard's own example: born 1949-12-31, female


@dataclass
class Result:
    code: int
    out: str
    err: str










def db_bytes(home: Path) -> bytes:
    return (home / "fieldgrid.json").read_bytes()


def list_json(cli, *extra: str) -> list[dict]:
    result = cli("households", "list", "--json", *extra)
    assert result.code == 0, result.err
    return json.loads(result.out)


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
    env.pop("FIELDGRID_HOME", None)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def run_module(*args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldgrid", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=subprocess_env(**env),
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


# -- profile ------------------------------------------------------------------------------------------------


