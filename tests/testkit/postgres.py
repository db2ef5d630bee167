"""A throwaway PostgreSQL for the station tests: ``FIELDGRID_TEST_PG`` names a server (``.ci/run`` starts one:
initdb into a temporary folder as an unprivileged user, listening on 127.0.0.1 only); without it the
PostgreSQL variants skip, saying how to run them."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ENV = "FIELDGRID_TEST_PG"
HOW = (
    f"no PostgreSQL server: set {ENV}=postgresql://USER@127.0.0.1:PORT/DB (a throwaway server, e.g. as "
    ".ci/run starts one) and pip install 'fieldgrid[postgres]'"
)


def server() -> str:
    """The test server's URL, or a skip saying how to get one."""
    url = os.environ.get(ENV, "").strip()
    if not url:
        pytest.skip(HOW)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip(HOW)
    return url


def in_schema(url: str, schema: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


@contextlib.contextmanager
def fresh_station_urls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every station made inside (by ``station init`` or ``StationDB(create=True)``) goes into a schema of its
    own on the test server, dropped afterwards."""
    import psycopg

    from fieldgrid.station import db as station_db

    url = server()
    made: list[str] = []
    login = {"password": os.environ["PGPASSWORD"]} if os.environ.get("PGPASSWORD") else {}  # as it is now: a test
    # may change PGPASSWORD (a wrong one) before the schemas are dropped

    def fresh(home: Path) -> str:
        schema = f"t_{uuid.uuid4().hex[:16]}"
        with psycopg.connect(url, autocommit=True, **login) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        made.append(schema)
        return in_schema(url, schema)

    monkeypatch.setattr(station_db, "default_url", fresh)
    try:
        yield made
    finally:
        with psycopg.connect(url, autocommit=True, **login) as conn:
            for schema in made:
                conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
