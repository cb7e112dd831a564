"""The scale-out store: PostgreSQL with PostGIS, shared by several app servers.

Each app process keeps one connection per thread in autocommit mode (a read is one short statement), and one
more that LISTENs on CHANNEL. Every write that gives the data a new version NOTIFYs CHANNEL in the same
transaction, so PostgreSQL signals every listening backend as it commits, before the writer's COMMIT returns;
each forwards the notification to its app process when it next runs (microseconds; milliseconds on a loaded
machine). A request reads what its process's listener has received without waiting and without a round trip,
and asks the database for the version only when something arrived: a notification, a write through this
process, or a new listener. While there is no working listener (the database restarted, the connection was
killed) every request asks, and the listener is opened again at most once a second: LISTEN first, then the
version is asked, so no change falls in between.
"""
from __future__ import annotations

import contextlib
import os
import threading
import time
import weakref
from typing import Any, Iterator

import psycopg
from psycopg import pq

from geo.store.sql import Snapshot, SqlStore

LOAD_LOCK = 0x61746C61  # "atla": one `db load` at a time across processes
CHANNEL = "atlas_data_version"
RETRY_SECONDS = 1.0
# A listener whose server vanished without closing the connection (a partition, a dropped NAT mapping) would
# otherwise wait the operating system's two hours before its socket fails and requests ask again.
KEEPALIVE = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5, "keepalives_count": 3}


class Listener:
    """This process's LISTEN connection to one database, shared by the stores over it (a write through one
    is seen by the others at once) and by their threads, under a lock: held for a read that never waits, or
    while the connection is reopened (at most once a second; other threads wait, then ask the database).

    `count` rises with every sign that the data version may have moved: a notification, a write through this
    process, a new listener. A store compares it with the count it last asked the database at."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.lock = threading.Lock()
        self.conn: psycopg.Connection[Any] | None = None
        self.pid = 0
        self.broken = False
        self.count = 0
        self.retry_at = 0.0

    def poll(self) -> int | None:
        """The count after taking in what has arrived; None while there is no working listener (ask)."""
        with self.lock:
            if self.conn is not None and self.pid == os.getpid():
                pg = self.conn.pgconn
                try:
                    pg.consume_input()
                    while pg.notifies() is not None:
                        self.count += 1
                except psycopg.Error:
                    self.broken = True
                if not self.broken and pg.status == pq.ConnStatus.OK:
                    return self.count
                self._close()
            if time.monotonic() < self.retry_at:
                return None
            self.retry_at = time.monotonic() + RETRY_SECONDS
            try:
                conn = psycopg.connect(self.url, autocommit=True, connect_timeout=3, **KEEPALIVE)
                conn.add_notice_handler(self._notice)
                conn.execute(f"LISTEN {CHANNEL}")
            except psycopg.Error:
                return None
            self.conn, self.pid, self.broken = conn, os.getpid(), False
            self.count += 1  # the caller asks, after the LISTEN
            return self.count

    def _notice(self, diag: psycopg.errors.Diagnostic) -> None:
        """A message outside any query on this connection is the server saying why it closes it (terminated,
        shutting down). The end of the socket may not have been read yet: it is broken from now on."""
        self.broken = True

    def bump(self) -> None:
        """A write through this process gave the data a new version: every store here asks at its next
        request, without waiting for the notification."""
        with self.lock:
            self.count += 1

    def close(self) -> None:
        """Closed on purpose, not broken: the next poll may open it again at once."""
        with self.lock:
            self._close()
            self.retry_at = 0.0

    def _close(self) -> None:
        """Close the connection if this process opened it; a forked child only forgets its parent's."""
        if self.conn is not None and self.pid == os.getpid():
            self.conn.close()
        self.conn = None


_LISTENERS: weakref.WeakValueDictionary[str, Listener] = weakref.WeakValueDictionary()


class PostGISStore(SqlStore):
    dialect = "postgres"

    def __init__(self, url: str):
        super().__init__()
        from geo.store.factory import redact

        self.url = url
        self.redacted_url = redact(url)
        self._listener = _LISTENERS.setdefault(url, Listener(url))
        self._asked_at = -1  # the listener's count before the last question whose answer is in self._latest

    def _current(self) -> Snapshot:
        """Ask the database only if there is no working listener or something arrived since this store
        last asked."""
        count = self._listener.poll()
        # `_asked_at` is set after `_latest`, and `_latest` only moves forward: read in this order, the
        # snapshot is at least as new as the answer that set `_asked_at`.
        if count is not None and count <= self._asked_at and self._latest is not None:
            return self._latest
        latest = self._ask()
        if count is not None and count > self._asked_at:  # threads racing here can only lower it: one more ask
            self._asked_at = count
        return latest

    def _wrote(self) -> None:
        self._listener.bump()

    def _set_version(self, conn: Any, version: str) -> None:
        """As every dialect, and NOTIFY the listeners: PostgreSQL delivers it when (and only if) this commits."""
        super()._set_version(conn, version)
        conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, version))

    def close(self) -> None:
        """This thread's connection and this process's listener (no process should keep a listener it does
        not read, e.g. gunicorn's master: each forked worker opens its own on first use)."""
        super().close()
        self._listener.close()

    def _connect(self) -> psycopg.Connection:
        return psycopg.connect(self.url, autocommit=True, connect_timeout=3)

    @contextlib.contextmanager
    def _transaction(self, conn: Any, write: bool = True) -> Iterator[None]:
        with conn.transaction():
            if not write:
                conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield

    def _sql(self, query: str) -> str:
        return query.replace("?", "%s")

    def _after_units(self, conn: Any) -> None:
        """The PostGIS geometry, parsed in the database from the stored files in one pass: each city's
        full-resolution file where it has one, else its web file."""
        conn.execute(
            "UPDATE units u SET geom = ST_SetSRID(ST_GeomFromGeoJSON(g.geometry), 4326) "
            "FROM (SELECT f.value->'properties'->>'id' AS id, f.value->>'geometry' AS geometry "
            "      FROM atlas_files b, jsonb_array_elements(convert_from(b.body, 'UTF8')::jsonb->'features') f "
            "      WHERE b.key LIKE 'units/%/full' OR (b.key LIKE 'units/%/web' AND NOT EXISTS "
            "        (SELECT 1 FROM atlas_files x WHERE x.key = left(b.key, -3) || 'full'))) g "
            "WHERE g.id = u.id"
        )

    def _bbox_sql(self) -> str:
        return "SELECT id FROM units WHERE city = %s AND ST_Intersects(geom, ST_MakeEnvelope(%s, %s, %s, %s, 4326)) ORDER BY ord"

    def _lock_for_load(self, conn: Any) -> None:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOAD_LOCK,))

    def _operational_errors(self) -> tuple[type[BaseException], ...]:
        return (psycopg.OperationalError, psycopg.InterfaceError)

    def _programming_errors(self) -> tuple[type[BaseException], ...]:
        return (psycopg.Error,)

    def _table_exists(self, conn: Any, name: str) -> bool:
        return conn.execute("SELECT to_regclass(%s) IS NOT NULL", (name,)).fetchone()[0]
