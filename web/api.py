"""JSON and GeoJSON under /api/v1 that the pages fetch (and analysts download)."""
from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, abort, request

from geo.geometry.gcj02 import geometry_to_gcj02, wgs84_to_gcj02
from geo.reference.clusters import Cluster
from geo.reference.units import City
from geo.store.base import Store
from geo.store.layers import district_views, label_points, zone_views
from web.errors import resolve_city, resolve_cluster
from web.httpcache import serve_prepared
from web.params import ViewParams, crs_param, view_params
from web.responses import attachment
from web.state import store

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def _dumps(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _features(st: Store, city: str, variant: str, crs: str) -> list[dict[str, Any]]:
    feats = st.unit_features(city, variant)
    if crs == "gcj02":
        return [{**f, "geometry": geometry_to_gcj02(f["geometry"])} for f in feats]
    return feats


def _shift_point(point: list[float] | None, crs: str) -> list[float] | None:
    if point is None or crs == "wgs84":
        return point
    import numpy as np

    return [round(float(v), 6) for v in wgs84_to_gcj02(np.array([point]))[0]]


def _shift_bounds(bounds: tuple[float, float, float, float] | None, crs: str) -> list[float] | None:
    """[w, s, e, n] in the overlay's CRS (corners shifted to GCJ-02 for Gaode tiles)."""
    if bounds is None:
        return None
    lo = _shift_point([bounds[0], bounds[1]], crs)
    hi = _shift_point([bounds[2], bounds[3]], crs)
    return [*lo, *hi]  # type: ignore[misc]


@bp.get("/districts.geojson")
def districts() -> Response:
    key = request.args.get("city")
    if not key:
        abort(400, description="parameter 'city' is required")
    city = resolve_city(key)
    variant = request.args.get("variant", "web")
    if variant not in ("web", "full"):
        abort(400, description=f"parameter 'variant' must be one of web, full; got '{variant}'")
    crs = crs_param()
    st = store()
    if crs == "wgs84":
        build = lambda: st.unit_bytes(city.name, variant)  # noqa: E731 - the prepared file, as committed
    else:
        build = lambda: _dumps({"type": "FeatureCollection", "features": _features(st, city.name, variant, crs)})  # noqa: E731
    resp = serve_prepared(("districts", city.name, variant, crs), build, "application/geo+json")
    return attachment(resp, f"{city.slug}-districts.geojson", f"{city.name}-districts.geojson")


@bp.get("/map/<city_key>/<cluster_key>.json")
def map_data(city_key: str, cluster_key: str) -> Response:
    """Everything a cluster map shows except geometry: roles per unit, zones, plans without roles."""
    st = store()
    params = view_params()
    crs = crs_param()
    city = resolve_city(city_key)
    cluster = resolve_cluster(city, cluster_key)
    key = ("map", city.name, cluster.name, params.function_zh, crs)
    return serve_prepared(key, lambda: _dumps(_map_doc(st, city, cluster, params, crs)), "application/json")


def _map_doc(st: Store, city: City, cluster: Cluster, params: ViewParams, crs: str) -> dict[str, Any]:
    views = district_views(st, city.name, cluster.name, params.function_zh)
    labels = label_points(st, city.name)
    districts_out = []
    for v in views:
        d = v.as_dict()
        d["label"] = _shift_point(list(labels[v.unit.id]), crs)
        districts_out.append(d)
    zones = zone_views(st, city.name, cluster.name, params.function_zh)
    for z in zones:
        z["point"] = _shift_point(z["point"], crs)
    plan_roles = {r.plan_id for r in st.roles(city.name, cluster.name)}
    return {
            "city": {
                "name": city.name, "slug": city.slug, "name_en": city.name_en,
                "bounds": _shift_bounds(city.bounds, crs), "view_bounds": _shift_bounds(city.view_bounds, crs),
            },
            "cluster": {"name": cluster.name, "slug": cluster.slug, "name_en": cluster.name_en},
            "function": params.function,
            "crs": crs,
            "districts": districts_out,
            "zones": zones,
            "plans": [
                {"plan_id": p.plan_id, "title": p.title, "issuer": p.issuer, "date": p.date, "url": getattr(p, "url", ""),
                 "has_roles": p.plan_id in plan_roles}
                for p in st.plans(city.name)
                if p.cluster == cluster.name
            ],
    }
