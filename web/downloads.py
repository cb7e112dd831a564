"""Analyst downloads under /api/v1: layers, tables, GeoPackages, the catalogue and its OpenAPI document."""
from __future__ import annotations

import json
from collections import Counter

from flask import Blueprint, Response, abort, jsonify, request

from geo.reference.units import City
from geo.store.base import Store
from geo.store.exports import city_geopackage, layer_features, matrix_csv, roles_csv
from geo.store.layers import FUNCTION_FILTERS
from geo.store.lookup import city_clusters
from web.errors import resolve_city, resolve_cluster, resolve_place
from web.httpcache import serve_prepared
from web.openapi import openapi_document
from web.params import view_params
from web.responses import attachment
from web.state import store

bp = Blueprint("downloads", __name__, url_prefix="/api/v1")


def _layer_body(st: Store, city: str, cluster_name: str, function: str) -> bytes:
    cluster = next(c for c in city_clusters(st, city) if c.name == cluster_name)
    feats = layer_features(st, city, cluster, FUNCTION_FILTERS[function])
    doc = {"type": "FeatureCollection", "name": f"{city}-{cluster_name}", "features": feats}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@bp.get("/layers/<city_key>/<cluster_file>")
def layer(city_key: str, cluster_file: str) -> Response:
    if not cluster_file.endswith(".geojson"):
        abort(404, description="layers are served as <cluster>.geojson")
    cluster_key = cluster_file.removesuffix(".geojson")
    st = store()
    city = resolve_city(city_key)
    cluster = resolve_cluster(city, cluster_key)
    function = view_params().function
    resp = serve_prepared(("layer", city.name, cluster.name, function), lambda: _layer_body(st, city.name, cluster.name, function), "application/geo+json")
    suffix = "" if function == "all" else f"-{function}"
    return attachment(resp, f"{city.slug}-{cluster.slug}{suffix}.geojson", f"{city.name}-{cluster.name}{suffix}.geojson")


@bp.get("/roles.csv")
def roles_table() -> Response:
    st = store()
    key = request.args.get("city")
    if not key:
        abort(400, description="parameter 'city' is required")
    city = resolve_city(key)
    cluster = None
    if request.args.get("cluster"):
        cluster = resolve_cluster(city, request.args["cluster"])
    place_id = resolve_place(city, request.args["district"]).id if request.args.get("district") else None
    status = request.args.get("status", "public")
    if status not in ("public", "all"):
        abort(400, description=f"parameter 'status' must be one of public, all; got '{status}'")

    def build() -> bytes:
        rows = st.roles(city.name, cluster.name if cluster else None, include_rejected=status == "all")
        return roles_csv([r for r in rows if place_id is None or r.district_id == place_id]).encode("utf-8")

    resp = serve_prepared(("roles.csv", city.name, cluster.name if cluster else None, place_id, status), build, "text/csv")
    part = f"-{cluster.slug}" if cluster else ""
    return attachment(resp, f"{city.slug}{part}-roles.csv", f"{city.name}{'-' + cluster.name if cluster else ''}-roles.csv")


@bp.get("/matrix/<city_file>")
def matrix_table(city_file: str) -> Response:
    if not city_file.endswith(".csv"):
        abort(404, description="the matrix is served as <city>.csv")
    st = store()
    key = city_file.removesuffix(".csv")
    city = resolve_city(key)
    resp = serve_prepared(("matrix.csv", city.name), lambda: matrix_csv(st, city.name, city_clusters(st, city.name)).encode("utf-8"), "text/csv")
    return attachment(resp, f"{city.slug}-matrix.csv", f"{city.name}-matrix.csv")


@bp.get("/cities/<city_file>")
def city_detail(city_file: str) -> Response:
    st = store()
    if city_file.endswith(".gpkg"):
        key = city_file.removesuffix(".gpkg")
        city = resolve_city(key)
        resp = serve_prepared(("gpkg", city.name), lambda: city_geopackage(st, city.name), "application/geopackage+sqlite3")
        return attachment(resp, f"{city.slug}.gpkg", f"{city.name}.gpkg")
    city = resolve_city(city_file)
    return jsonify(city_json(st, city, len(st.plans(city.name)), len(st.roles(city.name))))


def city_json(st: Store, city: City, plans: int, roles: int) -> dict:
    """A catalogue entry; counts are passed in so the whole catalogue needs one pass over plans and roles."""
    return {
        "slug": city.slug, "name": city.name, "name_en": city.name_en, "province": city.province,
        "adcode": city.adcode, "level": city.level,
        "units": city.units, "roles": roles, "plans": plans, "has_plans": plans > 0,
        "bounds": list(city.bounds) if city.bounds else None,
        "view_bounds": list(city.view_bounds) if city.view_bounds else None,
        "full_resolution": city.full_resolution,
        "links": {
            "clusters": f"/api/v1/cities/{city.slug}/clusters", "districts": f"/api/v1/districts.geojson?city={city.slug}",
            "roles": f"/api/v1/roles.csv?city={city.slug}", "matrix": f"/api/v1/matrix/{city.slug}.csv",
            "geopackage": f"/api/v1/cities/{city.slug}.gpkg", "map": f"/map/{city.slug}",
        },
    }


@bp.get("/cities")
def cities() -> Response:
    st = store()
    plans = Counter(p.city for p in st.plans())
    roles = Counter(r.city for r in st.roles(None))
    return jsonify([city_json(st, c, plans[c.name], roles[c.name]) for c in st.cities()])


@bp.get("/cities/<city_key>/clusters")
def clusters(city_key: str) -> Response:
    st = store()
    city = resolve_city(city_key)
    unit_ids = {u.id for u in st.units(city.name)}
    out = []
    for c in city_clusters(st, city.name):
        rs = st.roles(city.name, c.name)
        out.append({
            "slug": c.slug, "name": c.name, "name_en": c.name_en,
            "districts": len({r.district_id for r in rs if r.district_id in unit_ids}), "roles": len(rs),
            "plans": [p.plan_id for p in st.plans(city.name) if p.cluster == c.name],
            "layer": f"/api/v1/layers/{city.slug}/{c.slug}.geojson", "map": f"/map/{city.slug}/{c.slug}",
        })
    return jsonify(out)


@bp.get("/plans")
def plans() -> Response:
    st = store()
    city_name = None
    if request.args.get("city"):
        city = resolve_city(request.args["city"])
        city_name = city.name
    with_roles = {r.plan_id for r in st.roles(None)}
    return jsonify([
        {"plan_id": p.plan_id, "file_id": p.file_id, "title": p.title, "cluster": p.cluster, "city": p.city,
         "issuer": p.issuer, "date": p.date, "url": getattr(p, "url", ""), "has_roles": p.plan_id in with_roles}
        for p in st.plans(city_name)
    ])


@bp.get("/openapi.json")
def openapi() -> Response:
    return jsonify(openapi_document())
