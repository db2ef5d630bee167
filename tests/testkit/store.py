"""Shared by the tests: what ``tests/test_store.py`` used to keep at its top."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from fieldgrid.model import Household, Member
from fieldgrid.store.repository import DB_NAME

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def make_id(first17: str) -> str:
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


class Ticker:
    """A wall clock the test drives: each read moves it on by one millisecond."""

    def __init__(self, ms: int = 1_790_000_000_000) -> None:
        self.ms = ms

    def __call__(self) -> int:
        self.ms += 1
        return self.ms


def zhang(room: str = "0601", **changes: Any) -> Household:
    """The same kind of household in any room; its head's ID number differs by room (one ID number is one person,
    held by one household of the unit)."""
    seq = 3 if room == "0601" else 2 * (sum(ord(c) * (i + 7) for i, c in enumerate(room)) % 490) + 5
    h = Household(
        room=room,
        members=[
            Member(name="张建国", relation="self", phone="13800138000", id_number=make_id(f"51010419580314{seq:03d}")),
            Member(name="李秀英", relation="spouse", phone="13900139000"),
            Member(name="张小明", relation="child", birth_year=2012),
        ],
        phones=["028-87654321"],
        tags=["empty_nest"],
        notes="腿脚不便",
    )
    return dataclasses.replace(h, **changes)


def raw(home: Path) -> dict[str, Any]:
    """What is on disk, read independently of the store."""
    return json.loads((home / DB_NAME).read_bytes().decode("utf-8"))


def raw_household(home: Path, ident: str) -> dict[str, Any]:
    (doc,) = [d for d in raw(home)["households"].values() if d["id"] == ident]
    return doc






# -- CRUD -------------------------------------------------------------------------------------------


