"""The README's walkthrough (#11), run as it is written: an operator and three leaders (one the backup of a unit)
from nothing to the station's decision and notices back on the devices.  Each ``fieldgrid`` line of the block
between ``<!-- walkthrough -->`` and ``<!-- /walkthrough -->`` runs in order in an empty folder, ``STICK`` being
the stick's folder and ``PROBLEM`` / ``CODE`` the codes the README says to read off the screen; every one must
succeed, and what the README says each side sees is checked."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from fieldgrid.cli.program import main

README = Path(__file__).resolve().parents[2] / "README.md"


def walkthrough() -> list[list[str]]:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- walkthrough -->\n```sh\n(.*?)```\n<!-- /walkthrough -->", text, re.S)
    assert block, "the README has no walkthrough block"
    lines = [line for line in block.group(1).splitlines() if line.startswith("fieldgrid ")]
    return [shlex.split(line)[1:] for line in lines]


def test_the_readme_walkthrough_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "STICK").mkdir()
    codes: dict[str, str] = {}
    seen: list[tuple[list[str], str, str]] = []
    for argv in walkthrough():
        argv = [codes.get(a, a) for a in argv]
        code = main(argv)
        out, err = capsys.readouterr()
        assert code == 0, f"{shlex.join(argv)} → exit {code}\n{err}"
        seen.append((argv, out, err))
        if argv[2:4] == ["problems", "add"] and "紧急" in argv:
            codes["PROBLEM"] = out.strip().splitlines()[-1][:8]
        if argv[2:4] == ["station", "stick"] and "CODE" not in codes:
            queue = json.loads(_run(capsys, "--home", "station", "station", "queue", "--json"))
            [row] = queue
            codes["CODE"] = row["code"]
    assert set(codes) == {"PROBLEM", "CODE"} and codes["CODE"] == codes["PROBLEM"].upper()

    def said(*head: str) -> list[str]:
        return [err + out for argv, out, err in seen if argv[: len(head)] == list(head)]

    # Fingerprints to compare: the leader's identity and the operator's enrolment print the same one.
    for leader in ("zhang", "li", "wang"):
        [identity] = said("--home", leader, "sync", "identity")
        enrolled = _enrolment(seen, leader)
        fp = re.search(r"指纹：([0-9A-F ]{29})", identity)
        assert fp and fp.group(1) in enrolled
    [station_id] = said("--home", "station", "station", "identity")
    [trusted] = said("--home", "zhang", "sync", "trust")
    fp = re.search(r"指纹：([0-9A-F ]{29})", station_id)
    assert fp and fp.group(1) in trusted and "服务站：子龙社区服务站" in trusted and "社区：子龙社区" in station_id
    [devices] = said("--home", "station", "station", "devices")
    assert "后备" in devices and devices.count("在用") == 3

    # Back on the devices: the decision reaches both of 1单元's leaders, the notices the right ones.
    back = {leader: said("--home", leader, "sync", "stick")[-1] for leader in ("zhang", "li", "wang")}
    decision = f"服务站对问题 {codes['CODE']} 的决定：处理中——已联系物业加装集中充电桩，月底前完成"
    assert decision in back["zhang"] and decision in back["wang"] and decision not in back["li"]
    for leader, text in back.items():
        assert "服务站的通知（请转告住户）：周六上午九点至十二点停水" in text
        assert ("服务站的通知（仅供单元长）：周五前交月度台账" in text) == (leader == "li")
    [problems] = said("--home", "zhang", "problems", "list")
    assert "处理中" in problems
    [log] = said("--home", "station", "station", "log")
    for what in ("登记", "接收", "回传", "处理意见", "通知"):
        assert what in log
    assert not list((tmp_path / "STICK" / "fieldgrid").glob("*.fgbundle")) or all(
        p.name.startswith("device-") for p in (tmp_path / "STICK" / "fieldgrid").glob("*.fgbundle")
    )  # at the top only the leaders' last bundles, for the next visit to the station


def _enrolment(seen: list[tuple[list[str], str, str]], leader: str) -> str:
    return next(err + out for argv, out, err in seen if argv[2:4] == ["station", "enroll"] and leader in argv[4])


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out
