"""Every station test runs twice: on SQLite in the home, and on a real PostgreSQL server when
``FIELDGRID_TEST_PG`` names one (``.ci/run`` starts a throwaway server and sets it).  Each station a test makes
gets a fresh schema of that database; a test about SQLite's own file (its bytes, its WAL, a process killed
mid-write) is marked ``sqlite_only``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from testkit.postgres import fresh_station_urls


@pytest.fixture(params=["sqlite", "postgresql"], autouse=True)
def station_backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The backend the test's stations are made on."""
    if request.param == "sqlite":
        if request.node.get_closest_marker("postgres_only") is not None:
            pytest.skip("about PostgreSQL only")
        monkeypatch.delenv("FIELDGRID_STATION_DB", raising=False)
        yield "sqlite"
        return
    marker = request.node.get_closest_marker("sqlite_only")
    if marker is not None:
        pytest.skip(f"SQLite only: {marker.args[0] if marker.args else ''}")
    with fresh_station_urls(monkeypatch):
        yield "postgresql"
