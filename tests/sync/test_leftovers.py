"""Leftovers of a write that died (a stick pulled, a power cut) are recognisable and go on the next run; a key is
private from its first byte."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from fieldgrid import fsutil
from fieldgrid.sync import device
from fieldgrid.sync.identity import KEY_DIR, SECRET, Keys


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_key_is_never_readable_by_others_not_even_as_a_temp_file(tmp_path: Path, monkeypatch: Any) -> None:
    modes: list[int] = []
    real_replace = os.replace

    def replace(src: Any, dst: Any) -> None:
        modes.append(stat.S_IMODE(os.stat(src).st_mode))  # the temp file, just before it becomes the key
        real_replace(src, dst)

    monkeypatch.setattr(fsutil.os, "replace", replace)
    Keys(tmp_path)
    key = tmp_path / KEY_DIR / SECRET
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert modes == [0o600]


def test_a_bundle_half_written_on_the_stick_goes_with_the_next_export(world: tuple[Any, ...]) -> None:
    store, keys, _, _, tmp = world
    stick = tmp / "stick"
    stick.mkdir()
    left = stick / ".device-abc-20261120T0930-1234abcd.fgbundle.tmp-4242"
    left.write_bytes(b'{"format": "fieldgrid-bun')  # cut short when the stick was pulled
    other = stick / "照片.jpg"
    other.write_bytes(b"not ours")
    sent = device.export(store, keys, stick)
    assert not left.exists() and other.exists()
    assert sorted(p.name for p in stick.iterdir()) == sorted([sent.path.name, other.name])


def test_leftovers_in_a_home_go_when_it_is_next_opened(world: tuple[Any, ...]) -> None:
    from fieldgrid.station.db import StationDB
    from fieldgrid.store import Store

    store, _, db, _, _ = world
    home, station = Path(store.home), Path(db.home)
    store.close()
    db.close()
    leftovers = [home / ".fieldgrid.json.tmp-99", home / "keys" / ".identity.key.tmp-99",
                 station / ".points.json.tmp-99", station / "keys" / ".identity.key.tmp-99"]  # fmt: skip
    for path in leftovers:
        path.write_bytes(b"half")
    Store(home).close()
    StationDB(station).close()
    assert not any(p.exists() for p in leftovers)
    assert (home / "fieldgrid.json").exists() and (home / KEY_DIR / SECRET).exists()
