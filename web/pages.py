"""Human-facing pages: the explorer, district pages and the matrix."""
from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlencode

from flask import Blueprint, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from geo.extract.categories import CATEGORIES, categorize, strongest
from geo.reference.clusters import Cluster
from geo.reference.units import City
from geo.reference.zones import Zone
from geo.store.base import UnitRecord
from geo.store.lookup import city_clusters, unit_slug
from web.errors import resolve_city, resolve_cluster, resolve_place
from web.i18n import strings
from web.maps import map_parts, overlay_crs, view_for
from web.params import ViewParams, load_view_params
from web.state import store

bp = Blueprint("pages", __name__)

DEFAULT_CLUSTER = "smart-terminals"


bp.before_request(load_view_params)


@bp.app_context_processor
def _inject() -> dict[str, object]:
    lang = getattr(g, "lang", "zh")
    return {"T": strings(lang), "lang": lang, "CATEGORIES": CATEGORIES, "qs": _qs}


def _qs(**override: str) -> str:
    params: ViewParams | None = getattr(g, "params", None)
    values = params.query(**override) if params else {k: v for k, v in override.items() if v}
    return ("?" + urlencode(values)) if values else ""


def label_for(obj: City | Cluster | UnitRecord) -> str:
    """The name to show in the current language; the general layout `*` gets a word."""
    if isinstance(obj, Cluster) and obj.name == "*":
        return strings(g.lang)["general"]
    en = getattr(obj, "name_en", "")
    return en if g.lang == "en" and en else obj.name


def nav_cities(current: City) -> list[tuple[City, str]]:
    """The city switch: cities with plans, and the current one; the home page's search finds the rest."""
    st = store()
    with_plans = {p.city for p in st.plans()}
    return [(c, label_for(c)) for c in st.cities() if c.name in with_plans or c.name == current.name]


def _cluster_counts(city: City) -> list[tuple[Cluster, int]]:
    st = store()
    unit_ids = {u.id for u in st.units(city.name)}
    per: dict[str, set[str]] = defaultdict(set)
    for r in st.roles(city.name):
        if r.district_id in unit_ids:
            per[r.cluster].add(r.district_id)
    return [(c, len(per[c.name])) for c in city_clusters(st, city.name)]


def _default_cluster(city: City) -> Cluster | None:
    counts = _cluster_counts(city)
    preferred = [c for c, n in counts if c.slug == DEFAULT_CLUSTER]
    with_roles = [c for c, n in counts if n]
    return (preferred or with_roles or [c for c, _ in counts] or [None])[0]


def redirect_to_canonical(endpoint: str, **values: str) -> Response:
    query = ("?" + request.query_string.decode()) if request.query_string else ""
    return redirect(url_for(endpoint, **values) + query, code=301)


@bp.get("/map/<city_key>")
def city_page(city_key: str) -> Response:
    city = resolve_city(city_key)
    cluster = _default_cluster(city)
    return redirect_to_canonical("pages.explorer", city_key=city.slug, cluster_key=cluster.slug if cluster else "general")


@bp.get("/map/<city_key>/<cluster_key>")
def explorer(city_key: str, cluster_key: str) -> str | Response:
    st = store()
    city = resolve_city(city_key)
    cluster = resolve_cluster(city, cluster_key)
    if (city_key, cluster_key) != (city.slug, cluster.slug):
        return redirect_to_canonical("pages.explorer", city_key=city.slug, cluster_key=cluster.slug)
    center, zoom = view_for(city.view_bounds)
    parts = map_parts(g.params.basemap, center, zoom)
    config = {
        "city": city.slug,
        "cluster": cluster.slug,
        "function": g.params.function,
        "basemap": g.params.basemap,
        "lang": g.lang,
        "crs": overlay_crs(g.params.basemap),
        "mapVar": parts.name,
        "strings": strings(g.lang),
    }
    return render_template(
        "explorer.html",
        city=city,
        cluster=cluster,
        cities=nav_cities(city),
        clusters=[(c, label_for(c), n) for c, n in _cluster_counts(city)],
        units=[(u, label_for(u)) for u in st.units(city.name)],
        params=g.params,
        parts=parts,
        config=config,
        title=f"{label_for(cluster)} · {label_for(city)}",
    )


@bp.get("/district/<city_key>/<place_key>")
def district(city_key: str, place_key: str) -> str | Response:
    st = store()
    city = resolve_city(city_key)
    place = resolve_place(city, place_key)
    slug = unit_slug(place.id)
    if (city_key, place_key) != (city.slug, slug):
        return redirect_to_canonical("pages.district", city_key=city.slug, place_key=slug)
    clusters = {c.name: c for c in city_clusters(st, city.name)}
    by_cluster: dict[str, list] = defaultdict(list)
    for r in st.roles(city.name):
        if r.district_id == place.id:
            by_cluster[r.cluster].append((r, categorize(r.role, r.functions)))
    hosts = place.host_ids if isinstance(place, Zone) else (place.id,)
    zones = [z for z in st.zones(city.name) if isinstance(place, UnitRecord) and place.id in z.host_ids]
    center, zoom = view_for(city.view_bounds)
    parts = map_parts(g.params.basemap, center, zoom - 1)
    name = label_for(place) if isinstance(place, UnitRecord) else place.name
    return render_template(
        "district.html",
        city=city,
        place=place,
        is_zone=isinstance(place, Zone),
        name=name,
        groups=[(clusters.get(c) or Cluster(c, "", ""), rows) for c, rows in by_cluster.items()],
        cluster_label=label_for,
        zones=zones,
        parts=parts,
        config={
            "city": city.slug,
            "highlight": list(hosts),
            "point": list(place.point) if isinstance(place, Zone) and place.point else None,
            "crs": overlay_crs(g.params.basemap),
            "mapVar": parts.name,
            "strings": strings(g.lang),
        },
        title=f"{name} · {label_for(city)}",
    )


@bp.get("/matrix/<city_key>")
def matrix(city_key: str) -> str | Response:
    st = store()
    city = resolve_city(city_key)
    if city_key != city.slug:
        return redirect_to_canonical("pages.matrix", city_key=city.slug)
    units = st.units(city.name)
    cells: dict[tuple[str, str], list] = defaultdict(list)
    for r in st.roles(city.name):
        cells[(r.cluster, r.district_id)].append(r)
    columns = [u for u in units if any(k[1] == u.id for k in cells)]
    rows = []
    for c, _ in _cluster_counts(city):
        row = []
        for u in columns:
            rs = cells.get((c.name, u.id), [])
            roles = list(dict.fromkeys(r.role for r in rs))
            row.append({
                "unit": u,
                "roles": roles,
                "short": (roles[0][:6] + ("…" if len(roles[0]) > 6 or len(roles) > 1 else "")) if roles else "",
                "category": strongest(categorize(r.role, r.functions) for r in rs),
            })
        rows.append((c, label_for(c), row))
    return render_template(
        "matrix.html",
        city=city,
        cities=nav_cities(city),
        columns=[(u, label_for(u), unit_slug(u.id)) for u in columns],
        rows=rows,
        city_level=[p for p in st.plans(city.name) if not any(r.plan_id == p.plan_id for r in st.roles(city.name))],
        title=f"{strings(g.lang)['matrix']} · {label_for(city)}",
    )
