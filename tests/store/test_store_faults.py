"""The store when things go wrong: a database that fails to load is moved aside and kept, stale temp files,
a full disk that changes nothing, and several households written at once or not at all."""

from __future__ import annotations

import dataclasses
import errno
import os
from pathlib import Path
from typing import Any

import pytest

from fieldgrid import fsutil
from fieldgrid.model import GridPath, LeaderProfile, ValidationErrors
from fieldgrid.record.clock import Stamp
from fieldgrid.store import DiskError, Store
from fieldgrid.store import storage as atomic_storage
from fieldgrid.store.repository import DB_NAME
from testkit.store import Ticker, raw_household, zhang

# -- a database that fails to load ------------------------------------------------------------------


def valid_file(home: Path) -> bytes:
    s = Store(home, now_ms=Ticker())
    s.add_household(zhang())
    s.close()
    return (home / DB_NAME).read_bytes()


def corrupt_variants(good: bytes) -> dict[str, bytes]:
    return {
        "garbage": b"\x00\x13garbage\xff\xfe not json at all",
        "extra_data": good + b"}}]",  # a shorter new JSON over a longer old one: TinyDB's in-place write
        "stale_tail": good[:-20] + b'"}}}' + good[-40:],
        "truncated": good[: len(good) // 2],
        "not_utf8": good.replace("张建国".encode(), "张建国".encode("gbk")),
        "top_level_list": b"[1, 2, 3]",
        "table_not_object": b'{"households": [1, 2]}',
        "doc_not_object": b'{"households": {"1": "x"}}',
    }


@pytest.mark.parametrize("kind", list(corrupt_variants(b"{}")))
def test_corrupt_database_is_moved_aside_and_kept(home: Path, kind: str) -> None:
    bad = corrupt_variants(valid_file(home))[kind]
    (home / DB_NAME).write_bytes(bad)
    s = Store(home, now_ms=Ticker())
    (kept,) = home.glob(f"{DB_NAME}.corrupt-*")
    assert kept.read_bytes() == bad
    assert len(s.notices) == 1
    key, params = s.notices[0]
    assert key == "notice.db_moved_aside"
    assert params["path"] == str(kept) and params["reason"]
    # A fresh, working database stands in its place.
    assert s.households() == [] and s.profile() is None
    s.add_household(zhang())
    s.close()
    assert Store(home).notices == []
    assert kept.read_bytes() == bad


def test_extra_data_is_what_json_reports(home: Path) -> None:
    (home).mkdir()
    (home / DB_NAME).write_bytes(b'{"households": {}}}]')
    s = Store(home)
    assert "Extra data" in str(s.notices[0][1]["reason"])


def test_two_corrupt_files_in_one_second_both_kept(home: Path) -> None:
    home.mkdir()
    for n in range(3):
        (home / DB_NAME).write_bytes(b"garbage %d" % n)
        assert Store(home).notices
    kept = sorted(p.read_bytes() for p in home.glob(f"{DB_NAME}.corrupt-*"))
    assert kept == [b"garbage 0", b"garbage 1", b"garbage 2"]


def test_empty_file_is_a_new_database_without_notice(home: Path) -> None:
    home.mkdir()
    (home / DB_NAME).write_bytes(b"")
    s = Store(home)
    assert s.notices == [] and s.households() == []


def test_stale_temp_files_are_removed_at_open(home: Path) -> None:
    good = valid_file(home)
    stale = [home / f".{DB_NAME}.tmp-4242", home / f".{DB_NAME}.tmp-1"]
    for path in stale:
        path.write_bytes(good[:100])
    unrelated = [home / "notes.txt", home / f"{DB_NAME}.corrupt-20260101-000000", home / ".fieldgrid.jsonx.tmp-1"]
    for path in unrelated:
        path.write_bytes(b"keep me")
    s = Store(home)
    assert not any(p.exists() for p in stale)
    assert all(p.read_bytes() == b"keep me" for p in unrelated)
    assert s.notices == [] and len(s.households()) == 1


def test_writes_leave_no_temp_files(store: Store, home: Path) -> None:
    for room in ["0101", "0102", "0103"]:
        store.add_household(zhang(room))
    assert sorted(p.name for p in home.iterdir()) == [DB_NAME]


# -- a full disk ------------------------------------------------------------------------------------


def enospc(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("where", ["replace", "fsync", "write"])
def test_a_failing_write_changes_nothing(store: Store, home: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    added = store.add_household(zhang("0601"))
    other = store.add_household(zhang("0602"))
    before_bytes = (home / DB_NAME).read_bytes()
    before = store.households()
    before_meta = store.record_meta(added.id)

    if where == "replace":
        monkeypatch.setattr(atomic_storage.os, "replace", enospc)
    elif where == "fsync":
        monkeypatch.setattr(atomic_storage.os, "fsync", enospc)
    else:
        monkeypatch.setattr(atomic_storage, "encode", lambda data: FailingBytes())

    edited = dataclasses.replace(store.household(added.id), notes="写不进去")
    attempts = [
        lambda: store.update_household(edited),
        lambda: store.add_household(zhang("0603")),
        lambda: store.add_households([zhang("0604"), zhang("0605")]),
        lambda: store.delete_household(other.id),
        lambda: store.save_profile(
            LeaderProfile(name="王芳", phone="13900139000", grid=GridPath("a", "b", "", "c", "d"))
        ),
        lambda: store.mark_demo(),
        lambda: store.insert_raw("visits", [{"id": "v1"}]),
    ]
    for attempt in attempts:
        with pytest.raises(DiskError) as info:
            attempt()
        assert info.value.key == "error.disk"
        assert info.value.params["reason"] == os.strerror(errno.ENOSPC)
        assert (home / DB_NAME).read_bytes() == before_bytes
        assert store.households() == before
        assert store.record_meta(added.id) == before_meta
        assert store.profile() is None and not store.is_demo
        assert sorted(p.name for p in home.iterdir()) == [DB_NAME]

    monkeypatch.undo()
    # The disk has room again: the same edit goes through, with a stamp above everything before it.
    store.update_household(edited)
    assert store.household(added.id).notes == "写不进去"
    assert store.record_meta(added.id)["stamp"] > before_meta["stamp"]
    assert raw_household(home, added.id)["notes"] == "写不进去"


class FailingBytes(bytes):
    """Bytes whose writing fails half-way, like a disk that fills up during ``write``."""

    def __new__(cls) -> FailingBytes:
        return super().__new__(cls, b'{"partial": ')


@pytest.fixture(autouse=True)
def _failing_write(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make writing a :class:`FailingBytes` raise ENOSPC after the first bytes reach the temp file."""
    real_open = open

    def fake_open(path: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        fh = real_open(path, mode, *args, **kwargs)
        if "w" in mode and "b" in mode:
            real_write = fh.write

            def write(data: bytes) -> int:
                if isinstance(data, FailingBytes):
                    real_write(bytes(data))
                    enospc()
                return real_write(data)

            fh.write = write  # type: ignore[method-assign]
        return fh

    monkeypatch.setattr(fsutil, "open", fake_open, raising=False)


# -- several households at once ---------------------------------------------------------------------


def test_add_households_is_all_or_nothing(store: Store, home: Path) -> None:
    store.add_household(zhang("0101"))
    before_bytes = (home / DB_NAME).read_bytes()
    before = store.households()
    batches = [
        [zhang("0201"), zhang("0202"), zhang("0203", members=[])],  # the last has no head
        [zhang("0201"), zhang("0202", phones=["abc"])],
        [zhang("0201"), zhang("0201")],  # the same room twice in one batch
        [zhang("0201"), zhang("0101")],  # a room already taken
    ]
    for batch in batches:
        with pytest.raises(ValidationErrors):
            store.add_households(batch)
        assert store.households() == before
        assert (home / DB_NAME).read_bytes() == before_bytes
    added = store.add_households([zhang("0201"), zhang("0202"), zhang("0203")])
    assert [h.room for h in store.households()] == ["0101", "0201", "0202", "0203"]
    stamps = {store.record_meta(h.id)["stamp"] for h in added}
    assert len(stamps) == 1  # one change, one stamp


def test_a_refused_or_failed_change_does_not_move_the_clock(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    frozen = 1_790_000_000_000
    store = Store(home, now_ms=lambda: frozen)
    added = store.add_household(zhang("0101"))
    assert Stamp.decode(store.record_meta(added.id)["stamp"]).counter == 0
    with pytest.raises(ValidationErrors):
        store.add_households([zhang("0201"), zhang("0202", members=[])])
    monkeypatch.setattr(atomic_storage.os, "replace", enospc)
    with pytest.raises(DiskError):
        store.add_household(zhang("0301"))
    monkeypatch.undo()
    h = store.household(added.id)
    h.notes = "x"
    store.update_household(h)
    assert Stamp.decode(store.record_meta(added.id)["stamp"]) == Stamp(frozen, 1, store.device_id)
    store.close()
