"""The scale-out store: PostgreSQL with PostGIS, shared by several app servers.

Each app process keeps one connection per thread in autocommit mode (a read is one short statement), and
asks for the data version once per request, so a change committed through any process is served by all
from their next request.
"""
from __future__ import annotations

import contextlib
from typing import Any, Iterator

import psycopg

from geo.store.sql import SqlStore

LOAD_LOCK = 0x61746C61  # "atla": one `db load` at a time across processes


class PostGISStore(SqlStore):
    dialect = "postgres"

    def __init__(self, url: str):
        super().__init__()
        from geo.store.factory import redact

        self.url = url
        self.redacted_url = redact(url)

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
