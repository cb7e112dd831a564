"""OGC API - Features Part 1 (Core) at /ogc, for GIS clients (QGIS, GDAL's OAPIF driver).

Collections are the units of each city (`<city>-units`) and one per (city, cluster) layer
(`<city>-<cluster>`, the same features as the layer download). Encodings are GeoJSON and HTML; the
service is described by an OpenAPI 3.0 document. Answers are prepared once per data version.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Response, abort, render_template, request

from geo.geometry.geojson_io import bounds
from geo.store.base import Store
from geo.store.exports import layer_features
from geo.store.lookup import city_clusters
from web.httpcache import serve_prepared
from web.state import store

bp = Blueprint("ogc", __name__, url_prefix="/ogc")

CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
]
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
DEFAULT_LIMIT, MAX_LIMIT = 10, 10000
GEOJSON, JSON, HTML = "application/geo+json", "application/json", "text/html"
OPENAPI = "application/vnd.oai.openapi+json;version=3.0"


@dataclass(frozen=True)
class Collection:
    id: str
    title: str
    description: str
    city: str
    cluster: str | None  # None: the city's units
    bounds: tuple[float, float, float, float] | None  # the city's units' extent (data/cities.csv)


def _collections(st: Store) -> dict[str, Collection]:
    return _collections_at(st, st.version())


@lru_cache(maxsize=4)
def _collections_at(st: Store, version: str) -> dict[str, Collection]:
    """Every city's units and layers, by id; once per data version (370 cities)."""
    out = {}
    for c in st.cities():
        units = Collection(f"{c.slug}-units", f"{c.name} units", f"County-level units of {c.name_en} ({c.name})", c.name, None, c.bounds)
        out[units.id] = units
        for cl in city_clusters(st, c.name):
            title = f"{c.name} {cl.name}"
            desc = f"Roles of {c.name_en} units in the {cl.name_en or cl.name} cluster ({cl.name})"
            out[f"{c.slug}-{cl.slug}"] = Collection(f"{c.slug}-{cl.slug}", title, desc, c.name, cl.name, c.bounds)
    return out


@lru_cache(maxsize=64)
def _features(st: Store, version: str, cid: str) -> tuple[list[dict[str, Any]], list[float]]:
    """A collection's features with their ids, and its extent; once per data version."""
    coll = _find(st, cid)
    if coll.cluster is None:
        raw = st.unit_features(coll.city, "full")
    else:
        cluster = next(c for c in city_clusters(st, coll.city) if c.name == coll.cluster)
        raw = layer_features(st, coll.city, cluster, None)
    feats = [{"type": "Feature", "id": f["properties"]["id"], "geometry": f["geometry"], "properties": f["properties"]} for f in raw]
    return feats, list(bounds(f["geometry"] for f in feats) or (-180.0, -90.0, 180.0, 90.0))


def _find(st: Store, cid: str) -> Collection:
    found = _collections(st).get(cid)
    if found is None:
        abort(404, description=f"unknown collection '{cid}'")
    return found


def _format() -> str:
    """`f=json|html`, else the Accept header: HTML for browsers, JSON for everything else."""
    f = request.args.get("f")
    if f is not None:
        if f not in ("json", "html"):
            abort(400, description=f"parameter 'f' must be json or html; got '{f}'")
        return f
    best = request.accept_mimetypes.best_match([JSON, GEOJSON, HTML], default=JSON)
    return "html" if best == HTML else "json"


def _base() -> str:
    return request.host_url.rstrip("/") + "/ogc"


def _link(href: str, rel: str, type_: str, title: str = "") -> dict[str, str]:
    return {"href": href, "rel": rel, "type": type_, **({"title": title} if title else {})}


def _self_links(url: str, fmt: str, json_type: str = JSON) -> list[dict[str, str]]:
    sep = "&" if "?" in url else "?"
    return [
        _link(f"{url}{sep}f=json", "self" if fmt == "json" else "alternate", json_type, "this document as JSON"),
        _link(f"{url}{sep}f=html", "self" if fmt == "html" else "alternate", HTML, "this document as HTML"),
    ]


def _answer(key: tuple[Any, ...], fmt: str, doc: Any, json_type: str = JSON) -> Response:
    """The document as JSON or through the HTML template, prepared for this data version."""
    if fmt == "html":
        return serve_prepared((*key, "html"), lambda: render_template("ogc.html", doc=doc).encode("utf-8"), HTML)
    return serve_prepared((*key, "json"), lambda: json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), json_type)


def _collection_doc(st: Store, c: Collection, base: str) -> dict[str, Any]:
    # The city's extent from the catalogue, so listing 370 cities' collections parses no geometry.
    extent = list(c.bounds) if c.bounds else _features(st, st.version(), c.id)[1]
    url = f"{base}/collections/{c.id}"
    return {
        "id": c.id, "title": c.title, "description": c.description, "itemType": "feature", "crs": [CRS84],
        "extent": {"spatial": {"bbox": [extent], "crs": CRS84}},
        "links": [
            _link(f"{url}?f=json", "self", JSON), _link(f"{url}?f=html", "alternate", HTML),
            _link(f"{url}/items?f=json", "items", GEOJSON, "features as GeoJSON"),
            _link(f"{url}/items?f=html", "items", HTML, "features as HTML"),
        ],
    }


@bp.get("/", strict_slashes=False)
def landing() -> Response:
    fmt, base = _format(), _base()
    doc = {
        "title": "Cluster Atlas · 产业集群布局地图",
        "description": "District roles in Chinese industrial-policy plans as OGC API Features",
        "links": [
            *_self_links(f"{base}/", fmt),
            _link(f"{base}/api", "service-desc", OPENAPI, "the API definition (OpenAPI 3.0)"),
            _link(f"{base}/conformance", "conformance", JSON, "conformance classes"),
            _link(f"{base}/collections", "data", JSON, "collections"),
        ],
    }
    return _answer(("ogc-landing", base), fmt, doc)


@bp.get("/conformance")
def conformance() -> Response:
    fmt, base = _format(), _base()
    doc = {"conformsTo": CONFORMANCE, "links": _self_links(f"{base}/conformance", fmt)}
    return _answer(("ogc-conformance", base), fmt, doc)


@bp.get("/collections")
def collections() -> Response:
    fmt, base = _format(), _base()
    st = store()

    def doc() -> dict[str, Any]:
        return {"links": _self_links(f"{base}/collections", fmt), "collections": [_collection_doc(st, c, base) for c in _collections(st).values()]}

    if fmt == "html":
        return serve_prepared(("ogc-collections", base, "html"), lambda: render_template("ogc.html", doc=doc()).encode("utf-8"), HTML)
    return serve_prepared(("ogc-collections", base, "json"), lambda: json.dumps(doc(), ensure_ascii=False).encode("utf-8"), JSON)


@bp.get("/collections/<cid>")
def collection(cid: str) -> Response:
    fmt, base = _format(), _base()
    st = store()
    c = _find(st, cid)
    return _answer(("ogc-collection", base, cid), fmt, _collection_doc(st, c, base))


def _int_param(name: str, default: int, lo: int, hi: int) -> int:
    raw = request.args.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        abort(400, description=f"parameter '{name}' must be an integer; got '{raw}'")
    if not lo <= value <= hi:
        abort(400, description=f"parameter '{name}' must be between {lo} and {hi}; got {value}")
    return value


def _bbox_param() -> tuple[float, float, float, float] | None:
    raw = request.args.get("bbox")
    if raw is None:
        return None
    try:
        values = [float(v) for v in raw.split(",")]
    except ValueError:
        abort(400, description=f"parameter 'bbox' must be four numbers minx,miny,maxx,maxy; got '{raw}'")
    if len(values) == 6:  # 3D box: drop the heights
        values = [values[0], values[1], values[3], values[4]]
    if len(values) != 4 or values[0] > values[2] or values[1] > values[3]:
        abort(400, description=f"parameter 'bbox' must be minx,miny,maxx,maxy with min <= max; got '{raw}'")
    return values[0], values[1], values[2], values[3]


@bp.get("/collections/<cid>/items")
def items(cid: str) -> Response:
    fmt, base = _format(), _base()
    st = store()
    c = _find(st, cid)
    limit = _int_param("limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    offset = _int_param("offset", 0, 0, 10**9)
    bbox = _bbox_param()

    def build() -> dict[str, Any]:
        feats, _ = _features(st, st.version(), cid)
        if bbox is not None:
            inside = set(st.unit_ids_in_bbox(c.city, bbox))
            feats = [f for f in feats if f["id"] in inside]
        page = feats[offset: offset + limit]
        url = f"{base}/collections/{cid}/items"
        params = {"bbox": ",".join(f"{v:g}" for v in bbox)} if bbox else {}

        def here(off: int, f: str) -> str:
            return f"{url}?{urlencode({**params, 'limit': limit, 'offset': off, 'f': f})}"

        links = [
            _link(here(offset, "json"), "self" if fmt == "json" else "alternate", GEOJSON),
            _link(here(offset, "html"), "self" if fmt == "html" else "alternate", HTML),
            _link(f"{base}/collections/{cid}", "collection", JSON),
        ]
        if offset + limit < len(feats):
            links.append(_link(here(offset + limit, fmt), "next", GEOJSON if fmt == "json" else HTML, "next page"))
        if offset > 0:
            links.append(_link(here(max(0, offset - limit), fmt), "prev", GEOJSON if fmt == "json" else HTML, "previous page"))
        return {
            "type": "FeatureCollection", "features": page, "numberMatched": len(feats), "numberReturned": len(page),
            "links": links, "title": c.title,
        }

    key = ("ogc-items", base, cid, bbox, limit, offset)
    if fmt == "html":
        return serve_prepared((*key, "html"), lambda: render_template("ogc.html", doc=build()).encode("utf-8"), HTML)
    return serve_prepared((*key, "json"), lambda: json.dumps(build(), ensure_ascii=False, separators=(",", ":")).encode("utf-8"), GEOJSON)


@bp.get("/collections/<cid>/items/<fid>")
def item(cid: str, fid: str) -> Response:
    fmt, base = _format(), _base()
    st = store()
    _find(st, cid)
    feats, _ = _features(st, st.version(), cid)
    feature = next((f for f in feats if f["id"] == fid), None)
    if feature is None:
        abort(404, description=f"no feature '{fid}' in collection '{cid}'")
    url = f"{base}/collections/{cid}/items/{fid}"
    doc = {**feature, "links": [*_self_links(url, fmt, GEOJSON), _link(f"{base}/collections/{cid}", "collection", JSON)]}
    return _answer(("ogc-item", base, cid, fid), fmt, doc, GEOJSON)


@bp.get("/api")
def api() -> Response:
    """JSON always (HTML clients read the same document); `f` is accepted for symmetry."""
    base = _base()
    _format()
    return serve_prepared(("ogc-api", base), lambda: json.dumps(_openapi(base), ensure_ascii=False).encode("utf-8"), OPENAPI)


def _openapi(base: str) -> dict[str, Any]:
    """The OpenAPI 3.0 description of this service: the six Core paths and their parameters."""
    def param(name: str, where: str, description: str, schema: dict[str, Any], **extra: Any) -> dict[str, Any]:
        return {"name": name, "in": where, "description": description, "required": where == "path", "schema": schema, **extra}

    f = param("f", "query", "encoding", {"type": "string", "enum": ["json", "html"]})
    cid = param("collectionId", "path", "collection id, e.g. shenzhen-units", {"type": "string"})
    fid = param("featureId", "path", "feature id, the unit id, e.g. shenzhen-nanshan", {"type": "string"})
    items_params = [
        cid, f,
        param("limit", "query", "features per page", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT}),
        param("offset", "query", "features to skip", {"type": "integer", "minimum": 0, "default": 0}),
        param("bbox", "query", "minx,miny,maxx,maxy in CRS84", {"type": "array", "minItems": 4, "maxItems": 6, "items": {"type": "number"}},
              style="form", explode=False),
    ]

    def op(op_id: str, summary: str, params: list[dict[str, Any]], media: str) -> dict[str, Any]:
        return {"get": {
            "operationId": op_id, "summary": summary, "parameters": params,
            "responses": {
                "200": {"description": summary, "content": {media: {"schema": {"type": "object"}}, HTML: {"schema": {"type": "string"}}}},
                "400": {"description": "a parameter is malformed"}, "404": {"description": "not found"},
                "503": {"description": "database unavailable; retry after Retry-After seconds"},
            },
        }}

    return {
        "openapi": "3.0.3",
        "info": {"title": "Cluster Atlas OGC API - Features", "version": "1.0.0",
                 "description": "District roles from Chinese industrial-policy plans, as OGC API Features Part 1 Core"},
        "servers": [{"url": base}],
        "paths": {
            "/": op("getLandingPage", "landing page", [f], JSON),
            "/conformance": op("getConformance", "conformance classes", [f], JSON),
            "/collections": op("getCollections", "the collections", [f], JSON),
            "/collections/{collectionId}": op("describeCollection", "one collection", [cid, f], JSON),
            "/collections/{collectionId}/items": op("getFeatures", "features of a collection", items_params, GEOJSON),
            "/collections/{collectionId}/items/{featureId}": op("getFeature", "one feature", [cid, fid, f], GEOJSON),
        },
    }

