"""The embedded default store: one SQLite file, created and filled from data/ on first start."""
from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any, Iterator

from geo.store.sql import Snapshot, SqlStore
from geo.store.walindex import open_wal_index, wal_mark


class SQLiteStore(SqlStore):
    """WAL mode, so a `db load` in one process never blocks or half-shows to readers in another."""

    dialect = "sqlite"

    def __init__(self, path: Path):
        super().__init__()
        self.path = path
        self.redacted_url = f"sqlite:///{path}"
        path.parent.mkdir(parents=True, exist_ok=True)

    def _connect(self) -> sqlite3.Connection:
        """Runs on the thread that will use the connection (`_conn`), which keeps what `_current` knows of it."""
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
        self._local.wal = conn.execute("PRAGMA journal_mode=WAL").fetchall()[0][0] == "wal"
        self._local.shm = None  # the -shm file's descriptor, once a statement on this connection opened it
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    @contextlib.contextmanager
    def _transaction(self, conn: Any, write: bool = True) -> Iterator[None]:
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _current(self) -> Snapshot:
        """Whether anything was committed since this thread last asked for the version: the WAL-index header
        (geo.store.walindex: one `pread`, no query) stands still until any connection, in any process,
        commits. Where it cannot be read or trusted (not WAL, no `-shm` yet, a writer between its two copies),
        `PRAGMA data_version` on this thread's connection, which moves when another connection commits
        (`_wrote` covers this one's). After such a fallback the `-shm` is looked for again, as the PRAGMA's
        read transaction has opened it if there is one. Measured on the layer 304 under wrk, 2 gunicorn workers:
        253 against 270 µs of worker CPU per request (a bare WSGI 304: 236)."""
        conn = self._conn()
        fd = self._local.shm
        mark: bytes | int | None = wal_mark(fd) if fd is not None else None
        if mark is None:
            mark = self._query("PRAGMA data_version")[0][0]
            if fd is None and self._local.wal:
                self._local.shm = open_wal_index(Path(f"{self.path}-shm"))
        seen = (conn, mark)
        if seen == getattr(self._local, "seen", None) and self._latest is not None:
            return self._latest
        latest = self._ask()
        self._local.seen = seen
        return latest

    def _wrote(self) -> None:
        self._local.seen = None

    def _bbox_sql(self) -> str:
        return "SELECT id FROM units WHERE city = ? AND maxx >= ? AND maxy >= ? AND minx <= ? AND miny <= ? ORDER BY ord"

    def unit_ids_in_bbox(self, city: str, bbox: tuple[float, float, float, float]) -> list[str]:
        """Extents preselect in SQL (indexed columns); shapely keeps units whose geometry meets the box."""
        import shapely
        from shapely.geometry import shape

        box = shapely.box(*bbox)
        candidates = [r[0] for r in self._query(self._bbox_sql(), (city, *bbox))]
        if not candidates:
            return []
        geometry = {f["properties"]["id"]: f["geometry"] for f in self.unit_features(city, "full")}
        return [uid for uid in candidates if uid in geometry and shape(geometry[uid]).intersects(box)]

    def _operational_errors(self) -> tuple[type[BaseException], ...]:
        return (sqlite3.OperationalError,)

    def _programming_errors(self) -> tuple[type[BaseException], ...]:
        return (sqlite3.DatabaseError,)

    def _table_exists(self, conn: Any, name: str) -> bool:
        return bool(conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchall())
