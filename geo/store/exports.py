"""Analyst downloads: flat GeoJSON layers, CSV tables and a GeoPackage per city.

Several roles of one unit in one cluster are joined into single columns: role phrases with "；" in
text order, functions and plan ids with "|", quotes with a blank line between them.
"""
from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path
from typing import Any

from geo.extract.categories import categorize
from geo.extract.roles import COLUMNS as ROLE_COLUMNS
from geo.extract.roles import Role
from geo.reference.clusters import Cluster
from geo.store.base import PLAN_ROLE_FIELDS, REVIEW_FIELDS, Store
from geo.store.csvsafe import safe_row
from geo.store.layers import district_views

LAYER_FIELDS = [
    "id", "adcode", "name", "name_en", "city", "kind", "cluster", "cluster_en", "has_role", "category",
    "roles", "functions", "via", "plans", "plan_titles", "plan_issuer", "plan_date", "plan_url", "quotes", "n_roles",
    "role_ids", "statuses", "reviewed_by", "geometry_quality", "source", "licence",
]
ROLE_CSV_COLUMNS = ROLE_COLUMNS + PLAN_ROLE_FIELDS + ["category"] + REVIEW_FIELDS
BOM = "\ufeff"


def _joined(values: list[str], sep: str) -> str:
    return sep.join(dict.fromkeys(v for v in values if v))


def layer_properties(u: Any, cluster: Cluster, rs: list[dict[str, Any]], category: str | None) -> dict[str, Any]:
    """The flat fields of one unit in a cluster layer (documented in README): its roles joined per field."""
    return {
        "id": u.id, "adcode": u.adcode, "name": u.name, "name_en": u.name_en, "city": u.city, "kind": u.kind,
        "cluster": cluster.name, "cluster_en": cluster.name_en, "has_role": bool(rs), "category": category,
        "roles": _joined([r["role"] for r in rs], "；"),
        "functions": _joined([f for r in rs for f in r["functions"]], "|"),
        "via": _joined([r["via"] for r in rs], "|"),
        "plans": _joined([r["plan_id"] for r in rs], "|"),
        "plan_titles": _joined([r["plan_title"] for r in rs], "；"),
        "plan_issuer": _joined([r["plan_issuer"] for r in rs], "；"),
        "plan_date": _joined([r["plan_date"] for r in rs], "|"),
        "plan_url": _joined([r["plan_url"] for r in rs], " "),
        "quotes": _joined([r["quote"] for r in rs], "\n\n"),
        "n_roles": len(rs),
        "role_ids": "|".join(r["role_id"] for r in rs),
        "statuses": "|".join(r["status"] for r in rs),
        "reviewed_by": _joined([r["reviewed_by"] for r in rs], "|"),
        "geometry_quality": u.geometry_quality, "source": u.source, "licence": u.licence,
    }


def layer_features(store: Store, city: str, cluster: Cluster, function: str | None) -> list[dict[str, Any]]:
    """One feature per unit of the city, roles in the cluster as flat properties (full geometry)."""
    geometry = {f["properties"]["id"]: f["geometry"] for f in store.unit_features(city, "full")}
    out = []
    for v in district_views(store, city, cluster.name, function):
        u, rs = v.unit, v.roles
        props = layer_properties(u, cluster, rs, v.category)
        out.append({"type": "Feature", "properties": props, "geometry": geometry[u.id]})
    return out


def _csv(rows: list[list[Any]]) -> str:
    """Made for Excel: cells that would run as formulas are guarded (geo.store.csvsafe)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerows(safe_row(r) for r in rows)
    return BOM + buf.getvalue()


def roles_csv(roles: list[Role]) -> str:
    """UTF-8 with BOM so Excel opens the Chinese text; CRLF rows as Excel writes them."""
    rows: list[list[Any]] = [ROLE_CSV_COLUMNS]
    for r in roles:
        rows.append([
            *(getattr(r, c) if c != "functions" else "|".join(r.functions) for c in ROLE_COLUMNS),
            *(getattr(r, c, "") for c in PLAN_ROLE_FIELDS),
            categorize(r.role, r.functions),
            *(getattr(r, c, "extracted" if c == "status" else "") for c in REVIEW_FIELDS),
        ])
    return _csv(rows)


def matrix_rows(store: Store, city: str, clusters: list[Cluster]) -> tuple[list[str], list[list[str]]]:
    """Cluster × unit table of role phrases; only units with at least one role get a column."""
    units = store.units(city)
    cells: dict[tuple[str, str], list[str]] = {}
    for r in store.roles(city):
        cells.setdefault((r.cluster, r.district_id), []).append(r.role)
    cols = [u for u in units if any(k[1] == u.id for k in cells)]
    header = ["cluster", "cluster_en"] + [u.name for u in cols]
    body = [[c.name, c.name_en] + [_joined(cells.get((c.name, u.id), []), "；") for u in cols] for c in clusters]
    return header, body


def matrix_csv(store: Store, city: str, clusters: list[Cluster]) -> str:
    header, body = matrix_rows(store, city, clusters)
    return _csv([header, *body])


def city_geopackage(store: Store, city: str) -> bytes:
    """A GeoPackage with layers units (polygons), zones (points, null where unsourced) and roles (table)."""
    import geopandas as gpd
    import pandas as pd
    import pyogrio
    from shapely.geometry import Point, shape

    feats = store.unit_features(city, "full")
    units = gpd.GeoDataFrame(
        [f["properties"] for f in feats], geometry=[shape(f["geometry"]) for f in feats], crs="EPSG:4326"
    )
    zones = gpd.GeoDataFrame(
        [
            {"id": z.id, "name": z.name, "aliases": "|".join(z.aliases), "city": z.city, "kind": z.kind,
             "host_ids": "|".join(z.host_ids), "point_source": z.point_source, "geometry_quality": z.geometry_quality,
             "licence": z.licence, "host_source": z.host_source}
            for z in store.zones(city)
        ],
        geometry=[Point(z.point) if z.point else None for z in store.zones(city)],
        crs="EPSG:4326",
    )
    roles = pd.DataFrame(
        [
            {**{c: getattr(r, c) for c in ROLE_COLUMNS}, **{c: getattr(r, c, "") for c in PLAN_ROLE_FIELDS + REVIEW_FIELDS},
             "functions": "|".join(r.functions), "category": categorize(r.role, r.functions)}
            for r in store.roles(city)
        ],
        columns=ROLE_CSV_COLUMNS,
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "city.gpkg"
        pyogrio.write_dataframe(units, path, layer="units", driver="GPKG")
        pyogrio.write_dataframe(zones, path, layer="zones", driver="GPKG", append=True)
        pyogrio.write_dataframe(roles, path, layer="roles", driver="GPKG", append=True)
        return path.read_bytes()
