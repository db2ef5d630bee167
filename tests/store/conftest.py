"""Fixtures of the store tests: a fresh home and its store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldgrid.store import Store
from testkit.store import Ticker


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def store(home: Path) -> Iterator[Store]:
    s = Store(home, now_ms=Ticker())
    yield s
    s.close()
