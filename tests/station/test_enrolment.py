"""Enrolment with checks (#11), by the commands an operator and the leaders type: the identity file is written
only once the profile is set and both sides show the same fingerprint; a device of another community, a second
device for a unit and a revoked device are refused (exit 2, a message, nothing written) unless the operator says
``--other-community``, ``--post B`` / ``--replaces`` or ``--reinstate``."""

from __future__ import annotations

import json
import re
from pathlib import Path

from testkit.cli import PROFILE
from testkit.pin import open_station
from testkit.sync import station_dump


def profile(unit: str = "3单元", name: str = "王芳", code: str = "510129001013") -> list[str]:
    args = list(PROFILE)
    args[args.index("--unit") + 1] = unit
    args[args.index("--name") + 1] = name
    args[args.index("--community-code") + 1] = code
    return args


FINGERPRINT = re.compile(r"[0-9A-F]{4}( [0-9A-F]{4}){5}")


def identity(cli, tmp: Path, name: str, unit: str = "3单元", code: str = "510129001013") -> tuple[Path, str]:
    """A leader's device with its profile set, and its identity file written: (file, fingerprint shown)."""
    home = tmp / name
    assert cli(*profile(unit, name, code), home_dir=home).code == 0
    path = tmp / f"{name}.identity.json"
    result = cli("sync", "identity", "--out", str(path), home_dir=home)
    assert result.code == 0, result.err
    found = FINGERPRINT.search(result.out)
    assert found and name in result.out and f"6栋{unit}" in result.out
    return path, found.group(0)


def station(cli, tmp: Path) -> Path:
    home = tmp / "station"
    result = cli("station", "init", "--name", "子龙社区服务站", "--street", "晋原街道", "--community", "子龙社区",
                 "--community-code", "510129001013", home_dir=home)  # fmt: skip
    assert result.code == 0, result.err
    return home


def dump(home: Path) -> str:
    db = open_station(home)
    try:
        return station_dump(db)
    finally:
        db.close()


def test_identity_waits_for_the_profile(cli, tmp_path: Path) -> None:
    home = tmp_path / "new"
    result = cli("sync", "identity", "--out", str(tmp_path / "id.json"), home_dir=home)
    assert result.code == 2 and "单元长资料" in result.err and "Traceback" not in result.err
    assert not (tmp_path / "id.json").exists()


def test_the_operator_sees_the_same_fingerprint(cli, tmp_path: Path) -> None:
    home = station(cli, tmp_path)
    path, shown = identity(cli, tmp_path, "王芳")
    result = cli("station", "enroll", str(path), home_dir=home)
    assert result.code == 0, result.err
    assert all(part in result.out for part in (shown, "王芳", "橙郡一期6栋3单元", "子龙社区"))
    devices = cli("station", "devices", home_dir=home)
    assert shown in devices.out and "单元长" in devices.out
    [doc] = json.loads(cli("station", "devices", "--json", home_dir=home).out)
    assert doc["fingerprint"] == shown and doc["post"] == "A" and doc["returns_waiting"] == 0


def test_refusals_and_what_overrides_them(cli, tmp_path: Path) -> None:
    home = station(cli, tmp_path)
    leader, _ = identity(cli, tmp_path, "王芳")
    assert cli("station", "enroll", str(leader), home_dir=home).code == 0

    cases = {
        "other community": (identity(cli, tmp_path, "外社区", "1单元", "510129001099")[0], "--other-community",
                            "不是本服务站的子龙社区"),
        "second device": (identity(cli, tmp_path, "李强")[0], "--post", "已有在用的设备"),
    }  # fmt: skip
    for what, (path, _, message) in cases.items():
        before = dump(home)
        result = cli("station", "enroll", str(path), home_dir=home)
        assert result.code == 2 and message in result.err and "Traceback" not in result.err, what
        assert dump(home) == before, what
    assert cli("station", "enroll", str(cases["other community"][0]), "--other-community", home_dir=home).code == 0
    backup = cli("station", "enroll", str(cases["second device"][0]), "--post", "B", home_dir=home)
    assert backup.code == 0, backup.err

    # A revoked device comes back only when the operator says so.
    device_id = json.loads(leader.read_text(encoding="utf-8"))["party"]
    assert cli("station", "revoke", device_id, home_dir=home).code == 0
    before = dump(home)
    again = cli("station", "enroll", str(leader), home_dir=home)
    assert again.code == 2 and "--reinstate" in again.err and dump(home) == before
    assert cli("station", "enroll", str(leader), "--reinstate", home_dir=home).code == 0

    # A bad post and an unknown device to replace: refused, nothing written.
    replacement, _ = identity(cli, tmp_path, "新平板")
    before = dump(home)
    unknown = cli("station", "enroll", str(replacement), "--replaces", "nosuchdevice", home_dir=home)
    assert unknown.code == 2 and "nosuchdevice" in unknown.err and dump(home) == before


def test_a_replacement_takes_over_the_unit(cli, tmp_path: Path) -> None:
    home = station(cli, tmp_path)
    old, _ = identity(cli, tmp_path, "王芳")
    assert cli("station", "enroll", str(old), home_dir=home).code == 0
    old_id = json.loads(old.read_text(encoding="utf-8"))["party"]
    new, _ = identity(cli, tmp_path, "王芳新平板")
    result = cli("station", "enroll", str(new), "--replaces", old_id, home_dir=home)
    assert result.code == 0, result.err
    assert old_id in result.err
    states = {d["device_id"]: d["revoked_at"] is None for d in json.loads(cli("station", "devices", "--json",
                                                                               home_dir=home).out)}  # fmt: skip
    assert states[old_id] is False and sum(states.values()) == 1


def test_the_log_tells_what_was_enrolled(cli, tmp_path: Path) -> None:
    home = station(cli, tmp_path)
    leader, shown = identity(cli, tmp_path, "王芳")
    assert cli("station", "enroll", str(leader), home_dir=home).code == 0
    log = cli("station", "log", "--since", "2000-01-01", home_dir=home)
    assert log.code == 0 and "登记" in log.out and shown in log.out
    bad = cli("station", "log", "--since", "昨天", home_dir=home)
    assert bad.code == 2 and "YYYY-MM-DD" in bad.err
