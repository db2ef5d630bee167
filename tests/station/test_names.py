"""The station takes records by the names people use (#11): a problem by the code reports and screens print
(``78E49318``) or any unique prefix of 4+ characters in any case, a household by ``UNIT:ROOM`` or by a room only
one unit has; unknown or ambiguous names are refused, listing the candidates."""

from __future__ import annotations

from typing import Any

import pytest

from fieldgrid.model.ledger import Report
from fieldgrid.station.exchange import StationClock, decide, edit_household, find_household, find_problem, import_paths
from fieldgrid.sync import device
from fieldgrid.sync.errors import SyncError


def test_a_problem_by_its_printed_code(world: tuple[Any, ...]) -> None:
    store, keys, db, station_keys, tmp = world
    view = store.report_problem(Report("facility_repair", "屋顶漏水", place="屋顶"))
    store.add_event(view.id, "escalated", {"to": "community", "reason": "需维修基金"})
    import_paths(db, station_keys, [device.export(store, keys, tmp / "up").path])
    code = view.id[:8].upper()  # what the monthly report and the ledger print
    assert find_problem(db, code) == view.id == find_problem(db, view.id[:4].lower())
    doc = decide(db, StationClock(db), code, "in_progress", "下周维修", "2030-01-01T09:00")
    assert doc["problem_id"] == view.id
    for wrong in ("zzzz", "7", ""):
        with pytest.raises(SyncError) as info:
            find_problem(db, wrong)
        assert info.value.key == "sync.error.unknown_problem"


def test_a_household_by_unit_and_room(world: tuple[Any, ...]) -> None:
    store, keys, db, station_keys, tmp = world
    import_paths(db, station_keys, [device.export(store, keys, tmp / "up").path])
    household = store.households()[0]
    for name in ("6栋3单元:0601", "6栋3单元：0601", "0601", household.id[:6]):
        assert find_household(db, name)[0] == household.id, name
    edited = edit_household(db, StationClock(db), "6栋3单元:0601", {"notes": "已核实"})
    assert edited["notes"] == "已核实"
    with pytest.raises(SyncError) as info:
        find_household(db, "6栋2单元:0601")
    assert info.value.key == "sync.error.unknown_household"


def test_a_room_two_units_have_is_ambiguous_and_the_candidates_are_named(world: tuple[Any, ...]) -> None:
    from dataclasses import replace

    from fieldgrid.station.exchange import enroll
    from testkit.sync import GRID, make_device

    store, keys, db, station_keys, tmp = world
    other, other_keys = make_device(tmp / "unit2", name="王芳", grid=replace(GRID, unit="2单元"))
    enroll(db, device.identity(other, other_keys))
    from fieldgrid.station.exchange import station_identity

    device.trust(other, station_identity(db, station_keys))
    import_paths(
        db, station_keys, [device.export(store, keys, tmp / "a").path, device.export(other, other_keys, tmp / "b").path]
    )
    with pytest.raises(SyncError) as info:
        find_household(db, "0601")
    assert info.value.key == "sync.error.ambiguous_household"
    assert "6栋3单元:0601" in str(info.value.params["candidates"]) and "6栋2单元:0601" in str(
        info.value.params["candidates"]
    )
    assert find_household(db, "6栋2单元:0601")[1] == other.device_id


def test_a_unit_entered_as_bare_numbers_is_named_with_its_words(cli, tmp_path) -> None:
    """A leader who typed building "6" and unit "3": the station's lists name the unit 6栋3单元 (never 63), and
    the household is found as 6栋3单元:0101."""
    import json

    from testkit.cli import PROFILE

    station, device = tmp_path / "station", tmp_path / "device"
    assert cli("station", "init", "--name", "子龙社区服务站", home_dir=station).code == 0
    profile = list(PROFILE)
    profile[profile.index("--building") + 1], profile[profile.index("--unit") + 1] = "6", "3"
    assert cli(*profile, home_dir=device).code == 0
    assert cli("sync", "identity", "--out", str(tmp_path / "id.json"), home_dir=device).code == 0
    assert cli("station", "enroll", str(tmp_path / "id.json"), home_dir=station).code == 0
    assert cli("station", "identity", "--out", str(tmp_path / "st.json"), home_dir=station).code == 0
    assert cli("sync", "trust", str(tmp_path / "st.json"), home_dir=device).code == 0
    assert cli("households", "add", "--room", "0101", "--head", "陈建国", home_dir=device).code == 0
    assert cli("sync", "export", "--out", str(tmp_path / "stick"), home_dir=device).code == 0
    assert cli("station", "import", str(tmp_path / "stick"), home_dir=station).code == 0
    [row] = json.loads(cli("station", "households", "list", "--json", home_dir=station).out)
    assert row["unit"].endswith("6栋3单元"), row
    found = cli("station", "edit-household", "6栋3单元:0101", "--set", "residency=vacant", home_dir=station)
    assert found.code == 0, found.err
