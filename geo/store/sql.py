"""What the SQLite and PostGIS stores share: migrations, the transactional load, and per-version snapshots.

Reads never query per record: each data version is read once into an immutable snapshot (geometry per city
on first use), and a request only asks the database which version is current. A change by any process
bumps the version, so every process serves it from its next request on.
"""
from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from geo.extract.roles import Role
from geo.ingest.plans import PlanEntry
from geo.reference.clusters import Cluster
from geo.reference.units import City
from geo.reference.zones import Group, Zone
from geo.store.base import StoreUnavailable, UnitRecord
from geo.store.loader import Dataset

MIGRATIONS = Path(__file__).parent / "migrations"
UNIT_COLUMNS = [f.name for f in dataclasses.fields(UnitRecord)]
Bbox = tuple[float, float, float, float]


class MigrationFailed(RuntimeError):
    """A migration script failed; its transaction was rolled back, so the schema is as it was."""


def revive(cls: type, data: dict[str, Any]) -> Any:
    """A dataclass from its JSON dict: JSON lists back to tuples, unknown keys (newer files) ignored."""
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        if isinstance(value, list) and "tuple" in str(f.type):
            value = tuple(value)
        kwargs[f.name] = value
    return cls(**kwargs)


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


@dataclass
class Snapshot:
    """One data version, read once; geometry per (city, variant) is filled on first use."""

    version: str
    cities: list[City]
    clusters: list[Cluster]
    units: dict[str, list[UnitRecord]]
    zones: dict[str, list[Zone]]
    groups: dict[str, list[Group]]
    plans: list[PlanEntry]
    roles: dict[str, list[Role]]
    features: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)


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
        raise NotImplementedError

    def _bbox_sql(self) -> str:
        raise NotImplementedError

    def _lock_for_load(self, conn: Any) -> None:
        """Serialize concurrent loads (SQLite: BEGIN IMMEDIATE already does)."""

    def _operational_errors(self) -> tuple[type[BaseException], ...]:
        raise NotImplementedError

    def _table_exists(self, conn: Any, name: str) -> bool:
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
        """Replace every table's content with `data` in one transaction; False when it is already loaded."""
        conn = self._conn()
        with self._transaction(conn):
            self._lock_for_load(conn)
            current = conn.execute(self._sql("SELECT value FROM atlas_meta WHERE key = ?"), ("data_version",)).fetchall()
            if current and current[0][0] == data.fingerprint:
                return False
            for table in ("roles", "plans", "unit_groups", "zones", "units", "clusters", "cities"):
                conn.execute(f"DELETE FROM {table}")
            cur = conn.cursor()
            ex = lambda q, rows: cur.executemany(self._sql(q), rows) if rows else None  # noqa: E731
            ex("INSERT INTO cities (slug, name, ord, data) VALUES (?, ?, ?, ?)",
               [(c["slug"], c["name"], i, _dumps(c)) for i, c in enumerate(data.cities)])
            ex("INSERT INTO clusters (name, ord, data) VALUES (?, ?, ?)",
               [(c["name"], i, _dumps(c)) for i, c in enumerate(data.clusters)])
            ex(self._insert_units_sql(),
               [(*(getattr(u.record, c) for c in UNIT_COLUMNS), i, *u.bbox, u.geometry, u.web_geometry,
                 *((u.geometry,) if self.dialect == "postgres" else ()))
                for i, u in enumerate(data.units)])
            ex("INSERT INTO zones (id, city, ord, data) VALUES (?, ?, ?, ?)",
               [(z["id"], z["city"], i, _dumps(z)) for i, z in enumerate(data.zones)])
            ex("INSERT INTO unit_groups (city, name, ord, data) VALUES (?, ?, ?, ?)",
               [(g["city"], g["name"], i, _dumps(g)) for i, g in enumerate(data.groups)])
            ex("INSERT INTO plans (plan_id, city, ord, data) VALUES (?, ?, ?, ?)",
               [(p["plan_id"], p["city"], i, _dumps(p)) for i, p in enumerate(data.plans)])
            ex("INSERT INTO roles (city, cluster, district_id, ord, data) VALUES (?, ?, ?, ?, ?)",
               [(r["city"], r["cluster"], r["district_id"], i, _dumps(r)) for i, r in enumerate(data.roles)])
            self._set_meta(conn, "data_version", data.fingerprint)
            self._set_meta(conn, "source_fingerprint", data.fingerprint)
        return True

    @contextlib.contextmanager
    def edit(self) -> Iterator[Callable[..., list[tuple[Any, ...]]]]:
        """A write transaction for edits (review, corrections): yields `run(sql, *params)` (SQL with `?`
        placeholders) and, on commit, gives the data a new version, so every process serves the edit from
        its next request on. The files' fingerprint stays, so a restart keeps the edit."""
        conn = self._conn()
        with self._transaction(conn):
            self._lock_for_load(conn)

            def run(query: str, *params: Any) -> list[tuple[Any, ...]]:
                cur = conn.execute(self._sql(query), params)
                return list(cur.fetchall()) if cur.description else []

            yield run
            self._set_meta(conn, "data_version", uuid.uuid4().hex[:16])

    def _set_meta(self, conn: Any, key: str, value: str) -> None:
        conn.execute(self._sql("DELETE FROM atlas_meta WHERE key = ?"), (key,))
        conn.execute(self._sql("INSERT INTO atlas_meta (key, value) VALUES (?, ?)"), (key, value))

    # --- reads ---------------------------------------------------------------------------------------
    def refresh(self) -> str:
        """Ask the database for the current version (one tiny query) and read a new snapshot if it moved."""
        rows = self._query("SELECT value FROM atlas_meta WHERE key = 'data_version'")
        version = rows[0][0] if rows else ""
        latest = self._latest
        if latest is None or latest.version != version:
            with self._lock:
                if self._latest is None or self._latest.version != version:
                    self._latest = self._read_snapshot()
                latest = self._latest
        self._local.snap = latest
        return latest.version

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
                plans = [revive(PlanEntry, json.loads(r[0])) for r in q("SELECT data FROM plans ORDER BY ord")]
                roles = [revive(Role, json.loads(r[0])) for r in q("SELECT data FROM roles ORDER BY ord")]
        except self._operational_errors() as err:
            self._drop_conn()
            raise StoreUnavailable(f"database unavailable: {self.redacted_url}") from err
        return Snapshot(
            version=version_rows[0][0] if version_rows else "",
            cities=cities, clusters=clusters, units=_by_city(units), zones=_by_city(zones), groups=_by_city(groups),
            plans=plans, roles=_by_city(roles),
        )

    def version(self) -> str:
        return self._snap().version

    def cities(self) -> list[City]:
        return list(self._snap().cities)

    def clusters(self) -> list[Cluster]:
        return list(self._snap().clusters)

    def units(self, city: str) -> list[UnitRecord]:
        return list(self._snap().units.get(city, []))

    def unit_features(self, city: str, variant: str = "web") -> list[dict[str, Any]]:
        """GeoJSON features of a city's units, read from the database once per version."""
        snap = self._snap()
        key = (city, variant)
        if key not in snap.features:
            column = "web_geometry" if variant == "web" else "geometry"
            rows = self._query(f"SELECT id, {column} FROM units WHERE city = ? ORDER BY ord", (city,))
            geometry = dict(rows)
            snap.features[key] = [
                {"type": "Feature", "properties": dataclasses.asdict(u), "geometry": json.loads(geometry[u.id])}
                for u in snap.units.get(city, []) if u.id in geometry
            ]
        return snap.features[key]

    def unit_ids_in_bbox(self, city: str, bbox: Bbox) -> list[str]:
        """Ids of the city's units whose geometry meets the box (minx, miny, maxx, maxy), in map order."""
        return [r[0] for r in self._query(self._bbox_sql(), (city, *bbox))]

    def zones(self, city: str) -> list[Zone]:
        return list(self._snap().zones.get(city, []))

    def groups(self, city: str) -> list[Group]:
        return list(self._snap().groups.get(city, []))

    def plans(self, city: str | None = None) -> list[PlanEntry]:
        return [p for p in self._snap().plans if city is None or p.city == city]

    def roles(self, city: str, cluster: str | None = None) -> list[Role]:
        rs = self._snap().roles.get(city, [])
        return [r for r in rs if cluster is None or r.cluster == cluster]


def _statements(script: str) -> list[str]:
    """Split a migration on semicolons at line ends (our scripts keep one statement per `;`)."""
    lines = [ln for ln in script.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]

