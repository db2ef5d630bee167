"""Where the station's database lives: SQLite in the home (the default) or a PostgreSQL server (psycopg 3).

One implementation of the station (:mod:`fieldgrid.station.db`: the merge, the record format, the log) writes
SQL in SQLite's dialect with ``?`` placeholders; this module is the only place that knows the differences:

* the connection (a file in the home, or a ``postgresql://USER@HOST/DB`` URL recorded in the home's
  ``station.pg.json``: never a password, which comes from ``PGPASSWORD`` or ``~/.pgpass``);
* placeholders (``?`` → ``%s``) and the schema's types (``AUTOINCREMENT`` → an identity column, ``REAL`` →
  ``DOUBLE PRECISION``, no ``WITHOUT ROWID``);
* the write lock: SQLite's ``BEGIN IMMEDIATE``; on PostgreSQL ``BEGIN`` and a transaction-scoped advisory lock
  taken first (several importers' writes, each one bundle, follow one another; what comes before the write —
  reading, verifying and decrypting a bundle, reading and merging what the station holds of it, checked again
  under the lock — runs side by side), retried on a serialization failure or a deadlock the server reports;
* round trips: on PostgreSQL, statements sent together in psycopg's pipeline mode (:meth:`Backend.pipeline`),
  so a bundle's import waits for the server four times, not two dozen (each wait ≈ 0.5–1.3 ms here, more than
  most of its statements take to run);
* bulk writes: a bundle's rows as one array a column (binary) in one ``INSERT … SELECT … FROM unnest(…)``, sent
  with the other statements; many rows (a roll-up's) by ``COPY`` (a bundle's records through a temporary table
  staged before the lock and one ``INSERT … ON CONFLICT``; a row for each of a unit's other devices made by the
  server); each statement planned for the tables' size of the moment;
* whether a table exists, a table's columns, the order rows were added in.

psycopg is an optional dependency (``pip install 'fieldgrid[postgres]'``): it is imported only when a home
points at a server.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from fieldgrid.errors import Failed, Refused

PG_NAME = "station.pg.json"  # in a home whose station is on PostgreSQL: {"url": …, "station": …}
WRITE_LOCK = 0x6669656C64  # the advisory lock every writer of one PostgreSQL station takes first ("field")
STREAM_BATCH = 2000  # rows a server-side cursor sends at a time
RETRY_STATES = {"40001", "40P01"}  # serialization failure, deadlock detected: the transaction is run again
ARRAY_ROWS = 5000  # rows an insert sends as arrays in a pipeline (more: a ``COPY``, the pipeline paused)

# psycopg's own warnings (an error met again as a failed pipeline ends) are not the user's: the error raised says
# what happened, in the user's language; without a handler of its own Python would print them on stderr
logging.getLogger("psycopg").addHandler(logging.NullHandler())


class BackendError(Failed):
    """The station's server cannot be used (unreachable, refused the login, no driver): exit 1, nothing
    written; ``key`` and ``params`` for :func:`fieldgrid.i18n.t`."""


class BackendRefused(Refused):
    """A database URL the station does not take (not PostgreSQL's, a password in it, another station's
    database, one that already holds a station): bad input, nothing written."""


class Cursor(Protocol):
    rowcount: int

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Conn(Protocol):
    """What the station's code uses of a connection: the ``sqlite3.Connection`` subset, in SQLite's dialect."""

    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, parameters: Sequence[Any] = ...) -> Any: ...

    def executemany(self, sql: str, seq_of_parameters: Iterable[Sequence[Any]]) -> Any: ...

    def close(self) -> None: ...


def db_errors() -> tuple[type[Exception], ...]:
    """The exceptions a database that cannot be written raises (a full disk, a busy file, a lost server)."""
    try:
        import psycopg
    except ImportError:
        return (sqlite3.Error,)
    return (sqlite3.Error, psycopg.Error)


def pointer(home: Path) -> dict[str, str] | None:
    """The home's record of its PostgreSQL station (``url``, ``station``), or ``None`` for a SQLite home."""
    path = Path(home) / PG_NAME
    if not path.exists():
        return None
    doc = json.loads(path.read_text(encoding="utf-8"))
    return {"url": str(doc["url"]), "station": str(doc.get("station", ""))}


def write_pointer(home: Path, url: str, station: str) -> None:
    path = Path(home) / PG_NAME
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({"url": url, "station": station}, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)


def is_postgres_url(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def check_url(url: str) -> None:
    """A URL to record in the home: PostgreSQL's, without a password (it would sit in a file in plain text)."""
    if not is_postgres_url(url):
        raise BackendRefused("station.pg.bad_url", url=url)
    from urllib.parse import urlsplit

    if urlsplit(url).password is not None:
        raise BackendRefused("station.pg.password_in_url")


def safe_url(url: str) -> str:
    """The URL as messages show it: no password, ever."""
    return re.sub(r"//([^:/@]*):[^@]*@", r"//\1:***@", url)


_PLACEHOLDER = re.compile(r"\?")
CHUNK = 500  # ids per ``IN (…)`` look-up, under SQLite's variable limit
BY_DEVICE = " INDEXED BY records_by_device"  # (a planner's hint of SQLite's, left out on PostgreSQL)
_INDEXED_BY = re.compile(r" INDEXED BY \w+")


def pg_sql(sql: str) -> str:
    """A statement in SQLite's dialect, as PostgreSQL reads it."""
    out = sql.replace("%", "%%")
    out = _PLACEHOLDER.sub("%s", out)
    out = out.replace("INTEGER PRIMARY KEY AUTOINCREMENT", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
    out = re.sub(r"\bREAL\b", "DOUBLE PRECISION", out)
    out = out.replace(") WITHOUT ROWID", ")")
    out = _INDEXED_BY.sub("", out)  # PostgreSQL's planner keeps statistics: it needs no hint
    return out


class PgConn:
    """A psycopg connection that takes the station's SQL (SQLite's dialect) and answers like ``sqlite3``."""

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        try:
            import psycopg
        except ImportError as exc:
            raise BackendError("station.pg.no_driver") from exc
        try:
            self.raw = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.OperationalError as exc:
            reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            raise BackendError("station.pg.unreachable", url=safe_url(url), reason=safe_url(reason)) from exc
        self._cache: dict[str, str] = {}
        # A station's tables grow from empty inside one import: a plan psycopg's prepared statements cached while
        # they were small (a sequential scan of ``records``) would be kept as they grow; each statement is planned
        # with the tables' size of the moment instead.
        self.raw.execute("SET plan_cache_mode = force_custom_plan")
        if read_only:
            self.raw.execute("SET default_transaction_read_only = on")

    def _sql(self, sql: str) -> str:
        found = self._cache.get(sql)
        if found is None:
            found = self._cache[sql] = pg_sql(sql)
        return found

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> Any:
        return self.raw.execute(self._sql(sql), tuple(parameters))

    def executemany(self, sql: str, seq_of_parameters: Iterable[Sequence[Any]]) -> Any:
        rows = list(seq_of_parameters)
        cur = self.raw.cursor()
        if rows:
            cur.executemany(self._sql(sql), rows)
        return cur

    def stream(self, sql: str, parameters: Sequence[Any] = ()) -> Iterator[Any]:
        """The rows of a query that may be large, a batch at a time (a cursor on the server, in a transaction of
        its own unless one is open), never all held at once."""
        with self.raw.transaction(), self.raw.cursor(name="fieldgrid_stream") as cur:
            cur.itersize = STREAM_BATCH
            cur.execute(self._sql(sql), tuple(parameters))
            yield from cur

    def close(self) -> None:
        self.raw.close()


class Backend:
    """The dialect of one station database: SQLite unless ``url`` names a PostgreSQL server."""

    def __init__(self, conn: Conn, *, postgres: bool) -> None:
        self.conn = conn
        self.postgres = postgres
        self.order = "n" if postgres else "rowid"  # the order bundles were remembered in
        self._pipe: contextlib.ExitStack | None = None  # the pipeline open (PostgreSQL), see :meth:`pipeline`
        self._typed: dict[str, dict[str, str]] = {}  # each table's columns' types (PostgreSQL), read once
        self._undo = False  # a rollback asked for inside the pipeline, sent as it ends

    def begin(self, *, exclusive: bool = True) -> None:
        """A write transaction; on PostgreSQL one that reads before it writes (``exclusive``) first takes the
        station's write lock, held to its commit."""
        if self.postgres:
            self.conn.execute("BEGIN")
            if exclusive:
                self.conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
        else:
            self.conn.execute("BEGIN IMMEDIATE")

    def rollback(self) -> None:
        """The current transaction undone; inside a pipeline, as it ends (one that met an error takes nothing
        more: the error is the one raised)."""
        if self._pipe is not None:
            self._undo = True
            return
        self.conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def pipeline(self) -> Iterator[None]:
        """On PostgreSQL, the statements inside sent without waiting for each one's answer (psycopg's pipeline
        mode): reading a result waits for every statement sent before it, and an error is raised there or at the
        end.  A bundle's dozen statements then cost a few round trips to the server, not a dozen (each ≈ 0.5 ms
        on the machine measured: more than most of them take to run).  Nothing on SQLite, or inside another."""
        if not self.postgres or self._pipe is not None or not _pipelines():
            yield
            return
        assert isinstance(self.conn, PgConn)
        from psycopg.pq import TransactionStatus

        self._undo = False
        try:
            with contextlib.ExitStack() as stack:
                stack.enter_context(self.conn.raw.pipeline())
                self._pipe = stack
                try:
                    yield
                finally:
                    self._pipe = None
        except BaseException:
            # a transaction ended inside it whose statement failed: the server skipped the rest (its COMMIT too)
            undo, self._undo = self._undo, False
            if undo or self.conn.raw.info.transaction_status == TransactionStatus.INERROR:
                with contextlib.suppress(*db_errors()):  # the error raised is the one that failed it
                    self.rollback()
            raise
        if self._undo:
            self._undo = False
            self.rollback()

    @contextlib.contextmanager
    def _paused(self) -> Iterator[None]:
        """The pipeline (if one is open) ended, everything sent answered, for what it cannot carry (a ``COPY``);
        begun again after."""
        pipe = self._pipe
        if pipe is None:
            yield
            return
        assert isinstance(self.conn, PgConn)
        pipe.close()
        try:
            yield
        finally:
            pipe.enter_context(self.conn.raw.pipeline())

    def lock(self) -> None:
        """The station's write lock, inside a transaction begun without it (``begin(exclusive=False)``), held to
        its commit: on PostgreSQL the advisory lock; SQLite's ``BEGIN IMMEDIATE`` has taken it already."""
        if self.postgres:
            self.conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))

    def stage_ahead(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> bool:
        """On PostgreSQL, more than :data:`ARRAY_ROWS` rows :meth:`stage`'d now, ahead of the write lock (``True``:
        for :meth:`upsert` with ``staged``); fewer go with the upsert itself, as arrays.  Nothing on SQLite."""
        if not self.postgres or len(rows) <= ARRAY_ROWS:
            return False
        self.stage(table, columns, rows)
        return True

    def stage(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """On PostgreSQL, ``COPY`` ``rows`` into ``table``'s temporary staging table (emptied first, and at
        commit) inside the current transaction, for :meth:`upsert` with ``staged``: the rows reach the server
        before the write lock is taken, so the lock is held for the merge alone.  Nothing on SQLite."""
        if not self.postgres:
            return
        assert isinstance(self.conn, PgConn)
        staging, raw = f"incoming_{table}", self.conn.raw
        with self._paused():
            raw.execute(f"CREATE TEMP TABLE IF NOT EXISTS {staging} (LIKE {table} INCLUDING DEFAULTS) "
                        "ON COMMIT DELETE ROWS")  # fmt: skip
            raw.execute(f"DELETE FROM {staging}")  # rows staged before, by a bundle read and merged again
            if rows:
                with raw.cursor() as cur, cur.copy(f"COPY {staging} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)

    def upsert(
        self,
        table: str,
        columns: Sequence[str],
        key: Sequence[str],
        update: Sequence[str],
        rows: Sequence[Sequence[Any]],
        *,
        fixed: Sequence[tuple[str, Any]] = (),
        staged: bool = False,
    ) -> None:
        """Insert ``rows``, or update the ``update`` columns of the row with the same ``key``, inside the current
        transaction; ``fixed``: (column, value) the same for every row, given apart from the rows (a write's
        change number, known only under the write lock).  On PostgreSQL the rows are ``COPY``'d into a temporary
        table of the same shape (:meth:`stage`; already, when ``staged``), then merged with one ``INSERT …
        SELECT … ON CONFLICT``: a bundle's thousands of rows in two statements, not a round trip each.  In a
        pipeline, up to :data:`ARRAY_ROWS` rows go as one array a column (binary) in that one statement, sent
        with the others: no round trip of their own."""
        if not rows:
            return
        every = [*columns, *(c for c, _ in fixed)]
        names, sets = ", ".join(every), ", ".join(f"{c} = excluded.{c}" for c in update)
        conflict = f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {sets}"
        values = tuple(v for _, v in fixed)
        if not self.postgres:
            marks = ", ".join("?" * len(every))
            self.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks}) {conflict}",
                                  [(*row, *values) for row in rows])  # fmt: skip
            return
        assert isinstance(self.conn, PgConn)
        if not staged and self._pipe is not None and len(rows) <= ARRAY_ROWS:
            chosen, (arrays, columnwise) = ", ".join(["*", *("%s" for _ in fixed)]), self._arrays(table, columns, rows)
            self.conn.raw.execute(f"INSERT INTO {table} ({names}) SELECT {chosen} FROM {arrays} {conflict}",
                                  (*values, *columnwise))  # fmt: skip
            return
        if not staged:
            self.stage(table, columns, rows)
        chosen = ", ".join([*columns, *("%s" for _ in fixed)])
        self.conn.raw.execute(f"INSERT INTO {table} ({names}) SELECT {chosen} FROM incoming_{table} {conflict}",
                              values)  # fmt: skip

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Add ``rows`` to ``table`` inside the current transaction: SQLite's ``executemany``; on PostgreSQL one
        ``COPY`` (a bundle relayed to its unit's other leaders adds a row per record and device: one statement,
        not a round trip each), or, in a pipeline, up to :data:`ARRAY_ROWS` rows as arrays (:meth:`_arrays`)."""
        if not rows:
            return
        names = ", ".join(columns)
        if not self.postgres:
            self.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})", rows)
            return
        assert isinstance(self.conn, PgConn)
        if self._pipe is not None and len(rows) <= ARRAY_ROWS:
            arrays, columnwise = self._arrays(table, columns, rows)
            self.conn.raw.execute(f"INSERT INTO {table} ({names}) SELECT * FROM {arrays}", columnwise)
            return
        with self._paused(), self.conn.raw.cursor() as cur, cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def insert_for_each(
        self, table: str, each: str, values: Sequence[str], columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        """Add each of ``rows`` to ``table`` once for each of ``values`` (in the column ``each``), row by row and in
        ``values``' order within a row (a bundle's records relayed to each of its unit's other devices).  On
        PostgreSQL the rows go to the server once (a ``COPY`` into a temporary table) and it makes the copies."""
        if not rows or not values:
            return
        if not self.postgres:
            self.insert(table, (each, *columns), [(value, *row) for row in rows for value in values])
            return
        assert isinstance(self.conn, PgConn)
        names, staging, raw = ", ".join(columns), f"each_{table}", self.conn.raw
        with self._paused():
            raw.execute(f"CREATE TEMP TABLE IF NOT EXISTS {staging} ON COMMIT DELETE ROWS AS "
                        f"SELECT 0::bigint AS k, {names} FROM {table} WITH NO DATA")  # fmt: skip
            with raw.cursor() as cur, cur.copy(f"COPY {staging} (k, {names}) FROM STDIN") as copy:
                for k, row in enumerate(rows):
                    copy.write_row((k, *row))
            raw.execute(f"INSERT INTO {table} ({each}, {names}) SELECT v.value, {names} FROM {staging} CROSS JOIN "
                        "unnest(%s::text[]) WITH ORDINALITY AS v(value, o) ORDER BY k, v.o",
                        (list(values),))  # fmt: skip
            raw.execute(f"DELETE FROM {staging}")  # a second bundle in the same transaction starts empty

    def among(self, column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
        """``column`` is one of ``values``: SQLite's ``IN (?, ?, …)``; on PostgreSQL ``= ANY(?)`` with one array
        parameter (one statement for every length, planned once: a list of 500 placeholders is planned anew each
        time and costs more than the look-up)."""
        if self.postgres:
            return f"{column} = ANY(?)", [list(values)]
        return f"{column} IN ({','.join('?' * len(values))})", list(values)

    def retryable(self, exc: BaseException) -> bool:
        """A conflict with another writer the server asks to run again (never a SQLite error: it waits)."""
        return self.postgres and getattr(exc, "sqlstate", None) in RETRY_STATES

    def stream(self, sql: str, parameters: Sequence[Any] = ()) -> Iterator[Any]:
        """The rows of a query that may be large, without holding them all (SQLite's cursor steps row by row)."""
        if isinstance(self.conn, PgConn):
            return self.conn.stream(sql, parameters)
        return iter(self.conn.execute(sql, parameters))

    def has_table(self, name: str) -> bool:
        if self.postgres:
            sql = "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"
        else:
            sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        return self.conn.execute(sql, (name,)).fetchone() is not None

    def _arrays(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> tuple[str, list[list[Any]]]:
        """``rows`` of ``columns`` of ``table`` as one array a column, binary: the SQL that reads them
        (``unnest(%b::text[], …)``) and its parameters.  A statement's worth of rows, however many, planned once and
        sent with the other statements of a pipeline (the column types read once a connection)."""
        types = self._typed.get(table)
        if types is None:
            found = self.conn.execute("SELECT column_name, data_type FROM information_schema.columns "
                                      "WHERE table_schema = current_schema() AND table_name = ?", (table,))  # fmt: skip
            types = self._typed[table] = {str(name): str(kind) for name, kind in found}
        sql = f"unnest({', '.join(f'%b::{types[c]}[]' for c in columns)})"
        return sql, [list(column) for column in zip(*rows, strict=True)]

    def columns(self, table: str) -> set[str]:
        if self.postgres:
            rows = self.conn.execute("SELECT column_name FROM information_schema.columns "
                                     "WHERE table_schema = current_schema() AND table_name = ?", (table,))  # fmt: skip
            return {str(r[0]) for r in rows}
        return {str(row[1]) for row in self.conn.execute(f"PRAGMA table_info({table})")}


@functools.cache
def _pipelines() -> bool:
    """Whether psycopg's libpq has pipeline mode (14 and newer; the ``binary`` wheels' has): without it every
    statement waits for its answer, as before."""
    import psycopg

    return bool(psycopg.Pipeline.is_supported())


def read_meta(url: str, key: str) -> str | None:
    """One ``meta`` row of the PostgreSQL station at ``url`` (``None`` when missing), before unlocking."""
    conn = PgConn(url, read_only=True)
    try:
        if not Backend(conn, postgres=True).has_table("meta"):
            return None
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    finally:
        conn.close()
    return None if row is None else str(row[0])
