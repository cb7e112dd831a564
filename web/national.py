"""The national views: home (map of China, search, how to read), search results, and one cluster across
every city (page and GeoJSON)."""
from __future__ import annotations

import json

from flask import Blueprint, Response, abort, g, render_template, request

from geo.reference.clusters import Cluster
from geo.store.base import Store
from geo.store.layers import FUNCTION_FILTERS
from geo.store.lookup import suggest
from geo.store.national import (
    cities_with_plans,
    cluster_features,
    national_clusters,
    search,
)
from web.errors import NotFoundWithSuggestions
from web.httpcache import serve_prepared
from web.maps import map_parts, view_for
from web.pages import label_for, redirect_to_canonical
from web.params import load_view_params, view_params
from web.responses import attachment
from web.state import store

bp = Blueprint("national", __name__)
bp.before_request(load_view_params)


def resolve_national_cluster(key: str) -> Cluster:
    """A taxonomy cluster by slug, name, English name or alias; 404 with the closest otherwise."""
    k = key.strip().lower()
    clusters = [c for c in store().clusters() if c.slug != "general"]
    for c in clusters:
        if k in {c.slug, c.name, c.name_en.lower(), *c.aliases}:
            return c
    options = {}
    for c in clusters:
        options[c.slug] = options[c.name] = (c.name, c.slug, f"/cluster/{c.slug}")
    picks = dict.fromkeys(options[n] for n in suggest(key, options))
    raise NotFoundWithSuggestions(f"unknown cluster '{key}'", [{"name": n, "slug": s, "url": u} for n, s, u in picks])


@bp.get("/")
def home() -> str:
    st = store()
    center, zoom = view_for(None)
    parts = map_parts(center, zoom)
    cities = []
    for c, plans, roles in cities_with_plans(st):
        (lat, lon), _ = view_for(c.view_bounds)
        cities.append({"slug": c.slug, "name": label_for(c), "plans": plans, "roles": roles, "point": [lon, lat]})
    return render_template(
        "home.html",
        parts=parts,
        cities=cities,
        clusters=[(c, label_for(c), n_cities, n_roles) for c, n_cities, n_roles in national_clusters(st) if c.slug != "general"],
        n_cities=len(st.cities()),
        n_units=sum(c.units for c in st.cities()),
        config={"mapVar": parts.name, "cities": cities, "lang": g.lang},
        title="全国 · China",
    )


@bp.get("/search")
def search_page() -> str:
    q = request.args.get("q", "")[:60]
    return render_template("search.html", q=q, hits=search(store(), q) if q.strip() else [], title=q or "search")


def _cluster_body(st: Store, slug: str, function: str) -> bytes:
    cluster = next(c for c in st.clusters() if c.slug == slug)
    feats = cluster_features(st, cluster, FUNCTION_FILTERS[function])
    doc = {"type": "FeatureCollection", "name": f"china-{slug}", "features": feats}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@bp.get("/api/v1/clusters/<cluster_file>")
def cluster_layer(cluster_file: str) -> Response:
    if not cluster_file.endswith(".geojson"):
        abort(404, description="national cluster layers are served as <cluster>.geojson")
    cluster = resolve_national_cluster(cluster_file.removesuffix(".geojson"))
    function = view_params().function
    st = store()
    resp = serve_prepared(("cluster", cluster.slug, function), lambda: _cluster_body(st, cluster.slug, function), "application/geo+json")
    suffix = "" if function == "all" else f"-{function}"
    return attachment(resp, f"china-{cluster.slug}{suffix}.geojson", f"全国-{cluster.name}{suffix}.geojson")


@bp.get("/api/v1/provinces.geojson")
def provinces() -> Response:
    """The backdrop of the national maps: China's provinces, coarse (see data/README.md)."""
    st = store()
    return serve_prepared(("provinces",), st.outline_bytes, "application/geo+json")


@bp.get("/cluster/<cluster_key>")
def cluster_page(cluster_key: str) -> str | Response:
    st = store()
    cluster = resolve_national_cluster(cluster_key)
    if cluster_key != cluster.slug:
        return redirect_to_canonical("national.cluster_page", cluster_key=cluster.slug)
    body = json.loads(_cluster_body(st, cluster.slug, g.params.function))
    by_city: dict[str, list[dict]] = {}
    for f in body["features"]:
        by_city.setdefault(f["properties"]["city"], []).append(f["properties"])
    slugs = {c.name: c for c in st.cities()}
    center, zoom = view_for(None)
    parts = map_parts(center, zoom)
    return render_template(
        "cluster.html",
        cluster=cluster,
        label=label_for(cluster),
        groups=[(slugs[name], label_for(slugs[name]), rows) for name, rows in by_city.items()],
        parts=parts,
        config={
            "mapVar": parts.name, "cluster": cluster.slug, "function": g.params.function, "lang": g.lang,
            "layer": f"/api/v1/clusters/{cluster.slug}.geojson?function={g.params.function}",
        },
        params_function=g.params.function,
        title=label_for(cluster),
    )
