"""A station and three leaders' devices set up by commands, as an operator and three leaders would, for the tests
of the stick (``sync stick`` / ``station stick``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from testkit.cli import PROFILE, Result

LEADERS = (("张三", "1单元"), ("李四", "2单元"), ("王五", "3单元"))

Cli = Callable[..., Result]


def profile(name: str, unit: str) -> list[str]:
    """``profile set`` for a leader of ``unit`` of 6栋 (the rest as :data:`testkit.cli.PROFILE`)."""
    args = list(PROFILE)
    args[args.index("--name") + 1] = name
    args[args.index("--unit") + 1] = unit
    return args


@dataclass
class Community:
    station: Path
    devices: list[Path]  # the leaders' homes, in the order of LEADERS
    stick: Path  # the one stick that goes round (its root; nothing on it yet)


def onboard(cli: Cli, folder: Path, count: int = 3, *, plaintext: bool = False) -> Community:
    """``station init``, then each leader: profile, identity, enrolled at the station, the station trusted.
    ``plaintext``: the station made as one was before encryption (its data not encrypted)."""
    station = folder / "station"
    if plaintext:
        from fieldgrid.station.db import StationDB

        StationDB(station, create=True).close()
    else:
        assert cli("station", "init", "--name", "子龙社区服务站", home_dir=station).code == 0
    station_id = folder / "station.json"
    assert cli("station", "identity", "--out", str(station_id), home_dir=station).code == 0
    devices = []
    for name, unit in LEADERS[:count]:
        home = folder / f"device-{unit}"
        assert cli(*profile(name, unit), home_dir=home).code == 0
        identity = folder / f"identity-{unit}.json"
        assert cli("sync", "identity", "--out", str(identity), home_dir=home).code == 0
        enrolled = cli("station", "enroll", str(identity), home_dir=station)
        assert enrolled.code == 0, enrolled.err
        assert cli("sync", "trust", str(station_id), home_dir=home).code == 0
        devices.append(home)
    stick = folder / "media" / "STICK"
    stick.mkdir(parents=True)
    return Community(station, devices, stick)


def report_problem(cli: Cli, home: Path, description: str) -> str:
    """A problem on ``home``'s device escalated to the community: its id."""
    added = cli("problems", "add", "--category", "噪音扰民", "--description", description, "--place", "楼道",
                home_dir=home)  # fmt: skip
    assert added.code == 0, added.err
    problem = added.out.strip().splitlines()[-1]
    escalated = cli("problems", "escalate", problem, "--to", "社区", "--reason", "需要社区协调", home_dir=home)
    assert escalated.code == 0, escalated.err
    return problem


def files(folder: Path) -> list[str]:
    """Every file under ``folder``, as paths relative to it, sorted."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
