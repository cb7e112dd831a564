"""What the SQLite and PostGIS stores share: migrations, the transactional load, and per-version snapshots.

Reads never query per record: each data version is read once into an immutable snapshot (geometry per city
on first use), and a request only learns which version is current: from the dialect's change signal
(SQLite's WAL-index header, PostgreSQL's LISTEN/NOTIFY), asking the database only when it moved. A
change by any process gives the data a new version, so every process serves it from its next request on.
"""
from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from geo.reference.clusters import Cluster
from geo.reference.units import City
from geo.reference.zones import Group, Zone
from geo.store.base import Plan, PlanRole, StoreUnavailable, UnitRecord
from geo.ingest.plans import file_id_of
from geo.store.loader import OUTLINE_KEY, Dataset, file_key
from geo.store.review import DECISION_COLUMNS, Decision, apply_decisions, decision_from_row
from geo.store.zones import zones_with_unlisted
from geo.store.loader import dumps as _dumps

MIGRATIONS = Path(__file__).parent / "migrations"
UNIT_COLUMNS = [f.name for f in dataclasses.fields(UnitRecord)]
Bbox = tuple[float, float, float, float]
CITY_CACHE = 24  # cities whose unit files stay read (and parsed) per process and version, as in FileStore


class MigrationFailed(RuntimeError):
    """A migration script failed; its transaction was rolled back, so the schema is as it was."""


def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def revive(cls: type, data: dict[str, Any]) -> Any:
    """A dataclass from its JSON dict: JSON lists back to tuples (our records hold no lists), unknown keys
    (newer files) ignored."""
    return cls(**{f.name: _tuples(data[f.name]) for f in dataclasses.fields(cls) if f.name in data})


class _Lru(OrderedDict):  # type: ignore[type-arg]
    """A small least-recently-used map: what one snapshot keeps of the cities' unit files."""

    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def get_or(self, key: Any, make: Callable[[], Any]) -> Any:
        if key in self:
            self.move_to_end(key)
            return self[key]
        value = make()
        self[key] = value
        while len(self) > self.size:
            self.popitem(last=False)
        return value




@dataclass
class Snapshot:
    """One data version, read once; geometry per (city, variant) is filled on first use."""

    version: str
    cities: list[City]
    clusters: list[Cluster]
    units: dict[str, list[UnitRecord]]
    zones: dict[str, list[Zone]]
    groups: dict[str, list[Group]]
    plans: list[Plan]
    roles: dict[str, list[PlanRole]]
    all_roles: list[PlanRole]
    orphans: list[Decision]
    full_resolution: set[str]
    files: _Lru = field(default_factory=lambda: _Lru(2 * CITY_CACHE))
    features: _Lru = field(default_factory=lambda: _Lru(CITY_CACHE))
    lock: threading.Lock = field(default_factory=threading.Lock)


def _by_city(items: Iterable[Any]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for item in items:
        out.setdefault(item.city, []).append(item)
    return out


class SqlStore:
    """A Store over a DB-API connection; subclasses give the dialect (connection, placeholders, geometry)."""

    dialect = ""
    redacted_url = ""

    def __init__(self) -> None:
        self._local = threading.local()
        self._latest: Snapshot | None = None
        self._lock = threading.Lock()

    # --- dialect hooks -------------------------------------------------------------------------------
    def _connect(self) -> Any:
        raise NotImplementedError

    def _transaction(self, conn: Any, write: bool = True) -> Any:
        """A context manager running its block in one transaction; a read-only one sees one snapshot."""
        raise NotImplementedError

    def _sql(self, query: str) -> str:
        return query

    def _insert_units_sql(self) -> str:
        cols = ", ".join(UNIT_COLUMNS)
        return f"INSERT INTO units ({cols}, ord, minx, miny, maxx, maxy) VALUES ({', '.join('?' * (len(UNIT_COLUMNS) + 5))})"

    def _bbox_sql(self) -> str:
        raise NotImplementedError

    def _after_units(self, conn: Any) -> None:
        """Derive what the dialect indexes from the stored files (PostGIS: the geometry column)."""

    def _lock_for_load(self, conn: Any) -> None:
        """Serialize concurrent loads (SQLite: BEGIN IMMEDIATE already does)."""

    def _operational_errors(self) -> tuple[type[BaseException], ...]:
        raise NotImplementedError

    def _table_exists(self, conn: Any, name: str) -> bool:
        raise NotImplementedError

    def _current(self) -> Snapshot:
        """The snapshot of the current version: `_ask` unless the dialect's change signal says that nothing
        was committed since this store (or thread) last asked."""
        raise NotImplementedError

    def _wrote(self) -> None:
        """After a commit through this store that gave the data a new version: the change signal of the
        dialect may not show it to this process, so reset it."""
        raise NotImplementedError

    # --- connections ---------------------------------------------------------------------------------
    def _conn(self) -> Any:
        """One connection per thread and process (a fork under gunicorn --preload opens its own)."""
        conn = getattr(self._local, "conn", None)
        if conn is None or self._local.pid != os.getpid():
            try:
                conn = self._connect()
            except self._operational_errors() as err:
                raise StoreUnavailable(f"database unavailable: {self.redacted_url}") from err
            self._local.conn, self._local.pid = conn, os.getpid()
        return conn

    def close(self) -> None:
        """Close this thread's connection, e.g. before gunicorn forks workers from a preloaded app."""
        self._drop_conn()

    def _drop_conn(self) -> None:
        conn = getattr(self._local, "conn", None)
        self._local.conn = None
        if conn is not None and self._local.pid == os.getpid():
            try:
                conn.close()
            except Exception:  # noqa: BLE001 - the connection is already broken; dropping it is all we want
                pass

    def _query(self, query: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            cur = self._conn().execute(self._sql(query), params)
            return list(cur.fetchall())
        except self._operational_errors() as err:
            self._drop_conn()
            raise StoreUnavailable(f"database unavailable: {self.redacted_url}") from err

    # --- schema --------------------------------------------------------------------------------------
    def migrate(self, directory: Path | None = None) -> list[int]:
        """Apply the versioned SQL scripts not applied yet, each in its own transaction; returns the versions."""
        directory = directory or MIGRATIONS / self.dialect
        conn = self._conn()
        with self._transaction(conn):
            if not self._table_exists(conn, "schema_migrations"):
                conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        done = {row[0] for row in self._query("SELECT version FROM schema_migrations")}
        applied = []
        for path in sorted(directory.glob("*.sql")):
            match = re.match(r"(\d+)_", path.name)
            if not match or int(match.group(1)) in done:
                continue
            version = int(match.group(1))
            try:
                with self._transaction(conn):
                    for statement in _statements(path.read_text(encoding="utf-8")):
                        conn.execute(statement)
                    conn.execute(self._sql("INSERT INTO schema_migrations (version, name) VALUES (?, ?)"), (version, path.name))
            except self._operational_errors() + self._programming_errors() as err:
                raise MigrationFailed(f"migration {path.name} failed, schema left as it was: {err}") from err
            applied.append(version)
        return applied

    def _programming_errors(self) -> tuple[type[BaseException], ...]:
        raise NotImplementedError

    def meta(self, key: str) -> str | None:
        rows = self._query("SELECT value FROM atlas_meta WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    # --- writes --------------------------------------------------------------------------------------
    def load(self, data: Dataset) -> bool:
        """Replace what came from the committed files with `data` in one transaction; False when it is
        already loaded. Uploaded plans, review decisions, the change log and accounts stay."""
        conn = self._conn()
        with self._transaction(conn):
            self._lock_for_load(conn)
            current = conn.execute(self._sql("SELECT value FROM atlas_meta WHERE key = ?"), ("source_fingerprint",)).fetchall()
            if current and current[0][0] == data.fingerprint:
                return False
            for table in ("unit_groups", "zones", "units", "clusters", "cities", "atlas_files"):
                conn.execute(f"DELETE FROM {table}")
            for table in ("roles", "plans", "plan_texts"):
                conn.execute(f"DELETE FROM {table} WHERE origin = 'files'")
            cur = conn.cursor()
            ex = lambda q, rows: cur.executemany(self._sql(q), rows) if rows else None  # noqa: E731
            ex("INSERT INTO cities (slug, name, ord, data) VALUES (?, ?, ?, ?)",
               [(c["slug"], c["name"], i, _dumps(c)) for i, c in enumerate(data.cities)])
            ex("INSERT INTO clusters (name, ord, data) VALUES (?, ?, ?)",
               [(c["name"], i, _dumps(c)) for i, c in enumerate(data.clusters)])
            ex("INSERT INTO atlas_files (key, body) VALUES (?, ?)", data.files)
            ex(self._insert_units_sql(),
               [(*(getattr(u.record, c) for c in UNIT_COLUMNS), i, *u.bbox) for i, u in enumerate(data.units)])
            self._after_units(conn)
            ex("INSERT INTO zones (id, city, ord, data) VALUES (?, ?, ?, ?)",
               [(z["id"], z["city"], i, _dumps(z)) for i, z in enumerate(data.zones)])
            ex("INSERT INTO unit_groups (city, name, ord, data) VALUES (?, ?, ?, ?)",
               [(g["city"], g["name"], i, _dumps(g)) for i, g in enumerate(data.groups)])
            ex("INSERT INTO plans (plan_id, file_id, city, ord, data, origin) VALUES (?, ?, ?, ?, ?, 'files')",
               [(p["plan_id"], p["file_id"], p["city"], i, _dumps(p)) for i, p in enumerate(data.plans)])
            ex("INSERT INTO roles (city, cluster, district_id, ord, data, role_id, file_id, origin) VALUES (?, ?, ?, ?, ?, ?, ?, 'files')",
               [(r["city"], r["cluster"], r["district_id"], i, _dumps(r), r["role_id"], file_id_of(r["plan_id"]))
                for i, r in enumerate(data.roles)])
            ex("INSERT INTO plan_texts (file_id, city, origin, body, meta) VALUES (?, ?, 'files', ?, ?)",
               [(t.file_id, t.city, t.body, _dumps(t.meta)) for t in data.texts])
            self._set_version(conn, f"{data.fingerprint}-{uuid.uuid4().hex[:8]}")
            self._set_meta(conn, "source_fingerprint", data.fingerprint)
        self._wrote()
        return True

    @contextlib.contextmanager
    def write(self) -> Iterator[Callable[..., list[tuple[Any, ...]]]]:
        """A write transaction that leaves the served data as it is (accounts, tokens, login failures):
        yields `run(sql, *params)` with `?` placeholders, returning the rows a statement gives."""
        conn = self._conn()
        try:
            with self._transaction(conn):
                self._lock_for_load(conn)

                def run(query: str, *params: Any) -> list[tuple[Any, ...]]:
                    cur = conn.execute(self._sql(query), params)
                    return list(cur.fetchall()) if cur.description else []

                yield run
        except self._operational_errors() as err:
            self._drop_conn()
            raise StoreUnavailable(f"database unavailable: {self.redacted_url}") from err

    @contextlib.contextmanager
    def edit(self) -> Iterator[Callable[..., list[tuple[Any, ...]]]]:
        """A write transaction that changes what is served (review decisions, uploads): as `write`, and on
        commit the data gets a new version, so every process serves the change from its next request on.
        The files' fingerprint stays, so a restart keeps the change."""
        with self.write() as run:
            yield run
            self._set_version(self._conn(), uuid.uuid4().hex[:16])
        self._wrote()

    def query(self, query: str, *params: Any) -> list[tuple[Any, ...]]:
        """Rows of one read outside the snapshot (the change log, accounts): always the current state."""
        return self._query(query, params)

    def _set_version(self, conn: Any, version: str) -> None:
        """Give the data a new version, inside the transaction that changes it."""
        self._set_meta(conn, "data_version", version)

    def _set_meta(self, conn: Any, key: str, value: str) -> None:
        conn.execute(self._sql("DELETE FROM atlas_meta WHERE key = ?"), (key,))
        conn.execute(self._sql("INSERT INTO atlas_meta (key, value) VALUES (?, ?)"), (key, value))

    # --- reads ---------------------------------------------------------------------------------------
    def refresh(self) -> str:
        """Move this thread to the snapshot of the current data version (once per request); the version."""
        snap = self._current()
        self._local.snap = snap
        return snap.version

    def _ask(self) -> Snapshot:
        """Ask the database for the current version (one tiny query) and read a new snapshot if it moved."""
        rows = self._query("SELECT value FROM atlas_meta WHERE key = 'data_version'")
        version = rows[0][0] if rows else ""
        latest = self._latest
        if latest is None or latest.version != version:
            with self._lock:
                if self._latest is None or self._latest.version != version:
                    self._latest = self._read_snapshot()
                latest = self._latest
        return latest

    def _snap(self) -> Snapshot:
        snap = getattr(self._local, "snap", None) or self._latest
        if snap is None:
            self.refresh()
            snap = self._local.snap
        return snap

    def _read_snapshot(self) -> Snapshot:
        """Everything but geometry, in one transaction so the rows belong to one version."""
        conn = self._conn()
        try:
            with self._transaction(conn, write=False):
                q = lambda sql: conn.execute(sql).fetchall()  # noqa: E731
                version_rows = q("SELECT value FROM atlas_meta WHERE key = 'data_version'")
                cities = [revive(City, json.loads(r[0])) for r in q("SELECT data FROM cities ORDER BY ord")]
                clusters = [revive(Cluster, json.loads(r[0])) for r in q("SELECT data FROM clusters ORDER BY ord")]
                units = [UnitRecord(*r) for r in q(f"SELECT {', '.join(UNIT_COLUMNS)} FROM units ORDER BY ord")]
                zones = [revive(Zone, json.loads(r[0])) for r in q("SELECT data FROM zones ORDER BY ord")]
                groups = [revive(Group, json.loads(r[0])) for r in q("SELECT data FROM unit_groups ORDER BY ord")]
                plan_rows = q("SELECT data, origin FROM plans ORDER BY origin, ord")
                extracted = [revive(PlanRole, json.loads(r[0])) for r in q("SELECT data FROM roles ORDER BY origin, ord")]
                decisions = [decision_from_row(r) for r in q(f"SELECT {DECISION_COLUMNS} FROM reviews ORDER BY role_id")]
        except self._operational_errors() as err:
            self._drop_conn()
            raise StoreUnavailable(f"database unavailable: {self.redacted_url}") from err
        plans = [revive(Plan, json.loads(r[0])) for r in plan_rows]
        files_plans = {p.plan_id for p, (_, origin) in zip(plans, plan_rows) if origin == "files"}
        roles, orphans = apply_decisions(extracted, decisions)
        zones_by_city = _by_city(zones)
        units_by_city = _by_city(units)
        for city in {r.city for r in roles if r.plan_id not in files_plans}:
            zones_by_city[city] = zones_with_unlisted(city, zones_by_city.get(city, []), roles, {u.id for u in units_by_city.get(city, [])})
        return Snapshot(
            version=version_rows[0][0] if version_rows else "",
            cities=cities, clusters=clusters, units=units_by_city, zones=zones_by_city, groups=_by_city(groups),
            plans=plans, roles=_by_city(roles), all_roles=roles, orphans=orphans,
            full_resolution={c.name for c in cities if c.full_resolution},
        )

    def version(self) -> str:
        return self._snap().version

    def cities(self) -> list[City]:
        return list(self._snap().cities)

    def clusters(self) -> list[Cluster]:
        return list(self._snap().clusters)

    def units(self, city: str) -> list[UnitRecord]:
        return list(self._snap().units.get(city, []))

    def _file(self, snap: Snapshot, key: str) -> bytes:
        """A stored file's exact bytes, read once per version (the newest CITY_CACHE cities stay)."""

        def read() -> bytes:
            rows = self._query("SELECT body FROM atlas_files WHERE key = ?", (key,))
            if not rows:
                raise KeyError(key)
            return bytes(rows[0][0])

        with snap.lock:
            if key in snap.files:
                return snap.files.get_or(key, read)
        body = read()
        with snap.lock:
            return snap.files.get_or(key, lambda: body)

    def unit_bytes(self, city: str, variant: str = "web") -> bytes:
        """The city's unit file as committed; `full` falls back to `web` without a full-resolution file."""
        snap = self._snap()
        return self._file(snap, file_key(city, "full" if variant == "full" and city in snap.full_resolution else "web"))

    def outline_bytes(self) -> bytes:
        return self._file(self._snap(), OUTLINE_KEY)

    def unit_features(self, city: str, variant: str = "web") -> list[dict[str, Any]]:
        """GeoJSON features of a city's units, parsed from its stored file once per version."""
        snap = self._snap()
        if city not in snap.units:
            return []
        key = (city, "full" if variant == "full" and city in snap.full_resolution else "web")
        with snap.lock:
            if key in snap.features:
                return list(snap.features.get_or(key, list))
        feats = json.loads(self.unit_bytes(city, key[1]))["features"]
        with snap.lock:
            return list(snap.features.get_or(key, lambda: feats))

    def unit_ids_in_bbox(self, city: str, bbox: Bbox) -> list[str]:
        """Ids of the city's units whose geometry meets the box (minx, miny, maxx, maxy), in map order."""
        return [r[0] for r in self._query(self._bbox_sql(), (city, *bbox))]

    def zones(self, city: str) -> list[Zone]:
        return list(self._snap().zones.get(city, []))

    def groups(self, city: str) -> list[Group]:
        return list(self._snap().groups.get(city, []))

    def plans(self, city: str | None = None) -> list[Plan]:
        return [p for p in self._snap().plans if city is None or p.city == city]

    def roles(self, city: str | None, cluster: str | None = None, include_rejected: bool = False) -> list[PlanRole]:
        snap = self._snap()
        rs = snap.all_roles if city is None else snap.roles.get(city, [])
        return [r for r in rs if (cluster is None or r.cluster == cluster) and (include_rejected or r.status != "rejected")]

    def orphans(self, file_id: str | None = None) -> list[Decision]:
        """Decisions whose role the extractor no longer reads the same way: listed for another look."""
        return [d for d in self._snap().orphans if file_id is None or d.file_id == file_id]

    def plan_text(self, file_id: str) -> tuple[str | None, str]:
        """A plan file's normalized text and its city ((None, "") when unknown); read live, not per version."""
        rows = self._query("SELECT body, city FROM plan_texts WHERE file_id = ?", (file_id,))
        return (rows[0][0], rows[0][1]) if rows else (None, "")

    def plan_files(self) -> list[dict[str, Any]]:
        """Every plan file with its metadata and origin (`files` committed, `upload` added in the browser)."""
        rows = self._query("SELECT file_id, city, origin, meta FROM plan_texts ORDER BY origin, file_id")
        return [{"file_id": f, "city": c, "origin": o, **json.loads(m)} for f, c, o, m in rows]


def _statements(script: str) -> list[str]:
    """Split a migration on semicolons at line ends (our scripts keep one statement per `;`)."""
    lines = [ln for ln in script.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]

