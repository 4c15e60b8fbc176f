"""One SQL layer for the question log, feedback and handoffs: a SQLite file per store by default,
one PostgreSQL database shared by every instance when SPOOR2_DATABASE_URL is set.

Queries are written once, in the SQL both understand, with `?` placeholders and
`INSERT ... RETURNING id`; `PostgresDatabase` turns the placeholders into psycopg's and the DDL's
two SQLite words (`INTEGER PRIMARY KEY AUTOINCREMENT`, `REAL`) into PostgreSQL's. The few queries
that differ ask `dialect`. Every failure to reach or write the database becomes
`DatabaseUnavailableError` (the operator's message says which; the edges translate it).
"""
from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from assistant.errors import ConfigError, DatabaseUnavailableError

log = logging.getLogger(__name__)

Row = dict[str, Any]
_SCHEMA_LOCK = 0x5B002  # pg_advisory_xact_lock key: two instances starting at once create once


class Database(Protocol):
    """Where a store keeps its rows; created with the store's schema, made on first use."""

    dialect: str  # "sqlite" | "postgresql"
    name: str  # for operators' messages: the file, or "PostgreSQL (SPOOR2_DATABASE_URL)"

    def exists(self) -> bool:
        """False when nothing can have been stored yet (no SQLite file), so reads can skip."""

    def query(self, sql: str, args: Sequence[Any] = ()) -> list[Row]:
        """The rows of one SELECT as dicts.

        Raises:
            DatabaseUnavailableError: the database cannot be reached or read.
        """

    def execute(self, sql: str, args: Sequence[Any] = ()) -> int:
        """Run one change in its own transaction; the number of rows it changed.

        Raises:
            DatabaseUnavailableError: the database cannot be reached or written.
        """

    def insert(self, sql: str, args: Sequence[Any] = ()) -> int:
        """Run one INSERT (without RETURNING) in its own transaction; the new row's id.

        Raises:
            DatabaseUnavailableError: the database cannot be reached or written.
        """

    def check(self) -> None:
        """Make sure a write could start now.

        Raises:
            DatabaseUnavailableError: it could not.
        """


class SqliteDatabase:
    """One SQLite file (deleted rows are overwritten: `secure_delete`)."""

    dialect = "sqlite"

    def __init__(self, path: Path, schema: str):
        self.path = Path(path)
        self.name = str(self.path)
        self._schema = schema
        self._lock = threading.Lock()
        self._ready = False

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=5)
        conn.row_factory = sqlite3.Row
        try:
            conn.execute("PRAGMA secure_delete = ON")  # deleted rows leave no text behind
            if not self._ready:
                conn.executescript(self._schema)
                self._ready = True
        except BaseException:
            conn.close()
            raise
        return conn

    def _run(self, sql: str, args: Sequence[Any], *, write: bool) -> tuple[list[Row], int]:
        try:
            with self._lock:
                conn = self._connect()
                try:
                    if write:
                        with conn:
                            cur = conn.execute(sql, tuple(args))
                            return [dict(r) for r in cur.fetchall()], cur.rowcount
                    return [dict(r) for r in conn.execute(sql, tuple(args)).fetchall()], 0
                finally:
                    conn.close()
        except (sqlite3.Error, OSError) as exc:
            raise DatabaseUnavailableError(
                f"Cannot {'write' if write else 'read'} {self.path} ({type(exc).__name__}: "
                f"{exc}); check that the data dir is writable and not full") from None

    def exists(self) -> bool:
        """True once the file is there."""
        return self.path.is_file()

    def query(self, sql: str, args: Sequence[Any] = ()) -> list[Row]:
        """The rows of one SELECT."""
        return self._run(sql, args, write=False)[0]

    def execute(self, sql: str, args: Sequence[Any] = ()) -> int:
        """Rows changed by one statement."""
        return self._run(sql, args, write=True)[1]

    def insert(self, sql: str, args: Sequence[Any] = ()) -> int:
        """The id of the inserted row."""
        rows, _ = self._run(f"{sql} RETURNING id", args, write=True)
        return int(rows[0]["id"])

    def check(self) -> None:
        """Take the write lock and give it back."""
        try:
            with self._lock:
                conn = self._connect()
                try:
                    conn.execute("BEGIN IMMEDIATE")
                    conn.rollback()
                finally:
                    conn.close()
        except (sqlite3.Error, OSError) as exc:
            raise DatabaseUnavailableError(
                f"Cannot write {self.path} ({type(exc).__name__}: {exc}); check that the data "
                "dir is writable and not full") from None


def postgres_ddl(schema: str) -> str:
    """A SQLite schema as PostgreSQL's DDL."""
    return (schema.replace("INTEGER PRIMARY KEY AUTOINCREMENT", "BIGSERIAL PRIMARY KEY")
            .replace(" REAL ", " DOUBLE PRECISION ").replace(" REAL,", " DOUBLE PRECISION,"))


POOL_SIZE = 10  # connections per instance and database: SPOOR2_MAX_CONCURRENCY (8) + 2


class PostgresPools:
    """The connection pools of one app instance: one `psycopg_pool.ConnectionPool` per
    PostgreSQL URL, shared by everything of the instance that uses that database (question log,
    feedback, handoffs, full-text search). Made at the composition root, closed at shutdown.

    A pool opens on first use with one connection and grows to `max_size` under load; a
    connection that broke while idle is replaced when taken. After `close()` nothing opens again.
    """

    def __init__(self, max_size: int = POOL_SIZE, connect_timeout: int = 5):
        self.max_size, self.connect_timeout = max_size, connect_timeout
        self._pools: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._closed = False

    def __len__(self) -> int:
        return len(self._pools)

    def get(self, url: str) -> Any:
        """The pool of autocommit connections to `url` (opened now when it is the first use).

        Raises:
            DatabaseUnavailableError: the pools were closed (the instance is shutting down).
        """
        with self._lock:
            if self._closed:
                raise DatabaseUnavailableError("PostgreSQL connections closed: shutting down")
            if url not in self._pools:
                self._pools[url] = self._open(url)
            return self._pools[url]

    def _open(self, url: str) -> Any:
        from psycopg_pool import ConnectionPool

        kwargs = {"autocommit": True, "connect_timeout": self.connect_timeout,
                  "application_name": "spoor2"}
        return ConnectionPool(url, min_size=1, max_size=self.max_size, kwargs=kwargs,
                              timeout=self.connect_timeout,
                              check=ConnectionPool.check_connection, open=True, name="spoor2")

    def close(self) -> None:
        """Close every pool's connections; later uses raise `DatabaseUnavailableError`."""
        with self._lock:
            self._closed = True
            pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            pool.close()


def instance_pools(settings: Any) -> PostgresPools:
    """The pools of one app instance, sized for `SPOOR2_MAX_CONCURRENCY` answers at once (each
    holds at most one connection at a time) plus the background tasks (retention, handoff
    delivery)."""
    return PostgresPools(max_size=settings.max_concurrency + 2)


class PostgresDatabase:
    """Tables in the PostgreSQL database of `url`, over the instance's pool for that URL (so
    several threads of one instance query at once; a broken connection is replaced)."""

    dialect = "postgresql"
    name = "PostgreSQL (SPOOR2_DATABASE_URL)"

    def __init__(self, url: str, schema: str, pools: PostgresPools | None = None):
        """`pools`: the instance's (default: its own, closed by `close()`)."""
        self._url = url
        self._schema = postgres_ddl(schema)
        self._own = pools is None
        self.pools = pools if pools is not None else PostgresPools()
        self._ready = False

    def _create_schema(self, conn: Any) -> None:
        if self._ready:
            return
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
            conn.execute(self._schema.encode())  # no parameters: several statements
        self._ready = True

    def _run(self, sql: str, args: Sequence[Any], *, fetch: bool) -> tuple[list[Row], int]:
        import psycopg
        from psycopg.rows import dict_row
        from psycopg_pool import PoolTimeout

        statement = sql.replace("%", "%%").replace("?", "%s")
        for attempt in (1, 2):
            try:
                with self.pools.get(self._url).connection() as conn:
                    self._create_schema(conn)
                    cur = conn.cursor(row_factory=dict_row)
                    cur.execute(statement, tuple(args))
                    return (list(cur.fetchall()) if fetch else []), cur.rowcount
            except PoolTimeout as exc:  # no connection within the timeout: the server is gone
                raise self._unavailable(exc) from None
            except psycopg.OperationalError as exc:  # broken while in use: once more
                if attempt == 2:
                    raise self._unavailable(exc) from None
            except psycopg.Error as exc:
                raise self._unavailable(exc) from None
        raise AssertionError("unreachable")

    @staticmethod
    def _unavailable(exc: Exception) -> DatabaseUnavailableError:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        return DatabaseUnavailableError(
            f"Cannot use the PostgreSQL database of SPOOR2_DATABASE_URL ({type(exc).__name__}: "
            f"{first}); check that the server runs and the URL, user and password are right")

    def exists(self) -> bool:
        """Always: the server is asked."""
        return True

    def query(self, sql: str, args: Sequence[Any] = ()) -> list[Row]:
        """The rows of one SELECT."""
        return self._run(sql, args, fetch=True)[0]

    def execute(self, sql: str, args: Sequence[Any] = ()) -> int:
        """Rows changed by one statement (autocommit: its own transaction)."""
        return self._run(sql, args, fetch=False)[1]

    def insert(self, sql: str, args: Sequence[Any] = ()) -> int:
        """The id of the inserted row."""
        return int(self._run(f"{sql} RETURNING id", args, fetch=True)[0][0]["id"])

    def check(self) -> None:
        """One round trip to the server."""
        self._run("SELECT 1", (), fetch=True)

    def close(self) -> None:
        """Close the connections when the pools are this database's own (else the instance
        closes them at shutdown)."""
        if self._own:
            self.pools.close()


def open_database(database_url: str, path: Path, schema: str,
                  pools: PostgresPools | None = None) -> Database:
    """PostgreSQL when `database_url` is set (over `pools`, the instance's), else the SQLite
    file `path`; `schema` is the store's `CREATE TABLE IF NOT EXISTS` script in SQLite's words."""
    if database_url:
        return PostgresDatabase(database_url, schema, pools)
    return SqliteDatabase(path, schema)


def check_database(database_url: str) -> None:
    """Connect once to the PostgreSQL server of `database_url` (nothing to do when empty).

    Raises:
        ConfigError: it cannot be reached; one line that names SPOOR2_DATABASE_URL.
    """
    if not database_url:
        return
    import psycopg

    try:
        psycopg.connect(database_url, connect_timeout=5).close()
    except psycopg.OperationalError as exc:  # its text names host and port, never the password
        first = (str(exc).strip().splitlines() or [""])[0]
        raise ConfigError(f"SPOOR2_DATABASE_URL: cannot connect to PostgreSQL ({first}); check "
                          "that the server runs and the URL, user and password are right"
                          ) from None
    except Exception as exc:  # noqa: BLE001 - a URL psycopg cannot parse (its text may echo it)
        raise ConfigError(f"SPOOR2_DATABASE_URL: not a usable PostgreSQL URL "
                          f"({type(exc).__name__}); expected postgresql://user:password@host/db"
                          ) from None
