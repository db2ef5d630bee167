"""A leader's device for the sync tests: a store with a profile and one household, and its keys."""

from __future__ import annotations

from pathlib import Path

from fieldgrid.model import GridPath, Household, LeaderProfile, Member
from fieldgrid.store import Store
from fieldgrid.sync.identity import Keys

GRID = GridPath(community="子龙社区", compound="橙郡一期", building="6栋", unit="3单元")


def make_device(home: Path, name: str = "刘秀英", grid: GridPath = GRID) -> tuple[Store, Keys]:
    store = Store(home)
    store.save_profile(LeaderProfile(name, "13800138000", grid))
    store.add_household(Household(room="0601", members=[Member(name="张三", relation="self")]))
    return store, Keys(home)
