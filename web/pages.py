"""Human-facing pages: the explorer, district pages and the matrix."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

from flask import Blueprint, abort, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from geo.extract.categories import CATEGORIES, categorize, strongest, tones
from geo.reference.clusters import Cluster
from geo.reference.units import City
from geo.reference.zones import Zone
from geo.store.base import UnitRecord
from geo.store.layers import FUNCTION_FILTERS, role_matches
from geo.store.lookup import city_clusters, unit_slug
from web.errors import resolve_city, resolve_cluster, resolve_place
from web.i18n import TERMS_EN, error_text, strings, term
from web.maps import basemap_config, map_parts, overlay_crs, view_for
from web.params import ViewParams, load_view_params
from web.state import store

bp = Blueprint("pages", __name__)

DEFAULT_CLUSTER = "smart-terminals"


bp.before_request(load_view_params)


@bp.app_context_processor
def _inject() -> dict[str, object]:
    lang = getattr(g, "lang", "zh")
    return {"T": strings(lang), "lang": lang, "CATEGORIES": CATEGORIES, "qs": _qs, "term": lambda w: term(w, lang), "error_text": lambda d: error_text(d, lang)}


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


def _cluster_counts(city: City, function: str | None = None) -> list[tuple[Cluster, int]]:
    """Districts with a role per cluster, under the function filter, so the sidebar counts match the map."""
    st = store()
    unit_ids = {u.id for u in st.units(city.name)}
    per: dict[str, set[str]] = defaultdict(set)
    for r in st.roles(city.name):
        if r.district_id in unit_ids and role_matches(r, function):
            per[r.cluster].add(r.district_id)
    return [(c, len(per[c.name])) for c in city_clusters(st, city.name)]


def plan_param(city: City) -> str:
    """The optional `plan` filter: one plan id of the city, or empty."""
    plan = request.args.get("plan", "")
    if plan and plan not in {p.plan_id for p in store().plans(city.name)}:
        abort(400, description=f"parameter 'plan' must be a plan id of {city.name} (see /api/v1/plans?city={city.slug}); got '{plan}'")
    return plan


def map_config(city: City, cluster: Cluster, parts_name: str) -> dict[str, object]:
    """What the map scripts need from the page, shared by the explorer and embeds."""
    return {
        "city": city.slug,
        "cluster": cluster.slug,
        "function": g.params.function,
        "plan": plan_param(city),
        "basemap": g.params.basemap,
        "lang": g.lang,
        "crs": overlay_crs(g.params.basemap),
        "tiles": basemap_config(g.params.basemap),
        "mapVar": parts_name,
        "strings": strings(g.lang),
        "terms": TERMS_EN if g.lang == "en" else {},
        "cityLabel": label_for(city),
        "clusterLabel": label_for(cluster),
        # The data version in data URLs: a review or upload changes it, so browsers never show a cached
        # map from before the change, while unchanged data stays cacheable.
        "v": store().version(),
    }


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
    parts = map_parts(center, zoom)
    config = map_config(city, cluster, parts.name)
    config["counts"] = {f: {c.slug: n for c, n in _cluster_counts(city, zh)} for f, zh in FUNCTION_FILTERS.items()}
    return render_template(
        "explorer.html",
        city=city,
        cluster=cluster,
        city_label=label_for(city),
        cluster_label=label_for(cluster),
        cities=nav_cities(city),
        clusters=[(c, label_for(c), n) for c, n in _cluster_counts(city, g.params.function_zh)],
        units=[(u, label_for(u)) for u in st.units(city.name)],
        zones=[(z, term(z.name, g.lang)) for z in st.zones(city.name)],
        params=g.params,
        parts=parts,
        config=config,
        title=f"{label_for(cluster)} · {label_for(city)}",
    )


_CLAUSE_START = "，。；：,;"
_CLAUSE_END = "，。；,;"


def quote_parts(quote: str, needles: list[str]) -> tuple[str, str, str]:
    """Split a quote around the clause that names the role (or the place), so pages can highlight it."""
    for needle in needles:
        i = quote.find(needle) if needle else -1
        if i >= 0:
            start = max(quote.rfind(p, 0, i) for p in _CLAUSE_START) + 1
            ends = [e for e in (quote.find(p, i + len(needle)) for p in _CLAUSE_END) if e >= 0]
            end = min(ends) if ends else len(quote)
            return quote[:start], quote[start:end], quote[end:]
    return quote, "", ""


def safe_url(url: str) -> str:
    """Links to originals come from data: only http(s) ones are shown."""
    return url if url.startswith(("http://", "https://")) else ""


@dataclass(frozen=True)
class Citation:
    """A role as a page cites it: the quote split around its clause, and the plan with issuer, date and link."""

    role: str
    tones: list[str]
    functions: list[str]
    via: str
    quote: tuple[str, str, str]
    plan_title: str
    issuer: str
    date: str
    url: str
    review: str


def review_note(r: object, lang: str) -> str:
    """Who stands behind a role, as the map popups say it: the extractor alone, or a named editor."""
    status = getattr(r, "status", "extracted")
    note = strings(lang).get(f"review_{status}", status)
    if status == "extracted":
        return note
    return " · ".join(x for x in (note, getattr(r, "reviewed_by", ""), getattr(r, "reviewed_at", "")[:10]) if x)


def citations(city: City, place: UnitRecord | Zone) -> dict[str, list[Citation]]:
    """The place's roles per cluster, each quoted sentence once however many copies of its plan the corpus holds."""
    st = store()
    plans = {p.plan_id: p for p in st.plans(city.name)}
    short = place.name.removesuffix("新区").removesuffix("区").removesuffix("县")
    seen: set[tuple[str, str, str]] = set()
    out: dict[str, list[Citation]] = defaultdict(list)
    for r in st.roles(city.name):
        if r.district_id != place.id:
            continue
        plan = plans.get(r.plan_id)
        key = (r.cluster, r.role, r.quote)
        if key in seen:
            continue
        seen.add(key)
        out[r.cluster].append(Citation(
            role=r.role, tones=tones(r.role, r.functions), functions=[term(f, g.lang) for f in r.functions],
            via=term(r.via, g.lang), quote=quote_parts(r.quote, [r.role, place.name, short]),
            plan_title=getattr(r, "plan_title", "") or (plan.title if plan else r.plan_id),
            issuer=getattr(r, "plan_issuer", "") or (plan.issuer if plan else ""),
            date=getattr(r, "plan_date", "") or (plan.date if plan else ""),
            url=safe_url(getattr(r, "plan_url", "") or (getattr(plan, "url", "") if plan else "")),
            review=review_note(r, g.lang),
        ))
    return out


@bp.get("/district/<city_key>/<place_key>")
def district(city_key: str, place_key: str) -> str | Response:
    st = store()
    city = resolve_city(city_key)
    place = resolve_place(city, place_key)
    slug = unit_slug(place.id)
    if (city_key, place_key) != (city.slug, slug):
        return redirect_to_canonical("pages.district", city_key=city.slug, place_key=slug)
    clusters = {c.name: c for c in city_clusters(st, city.name)}
    by_cluster = citations(city, place)
    is_zone = isinstance(place, Zone)
    hosts = place.host_ids if isinstance(place, Zone) else (place.id,)
    units = {u.id: u for u in st.units(city.name)}
    zones = [z for z in st.zones(city.name) if isinstance(place, UnitRecord) and place.id in z.host_ids]
    center, zoom = view_for(city.view_bounds)
    parts = map_parts(center, zoom - 1)
    name = label_for(place) if isinstance(place, UnitRecord) else term(place.name, g.lang)
    return render_template(
        "district.html",
        city=city,
        cities=[(c, label_for(c)) for c in st.cities()],
        place=place,
        is_zone=is_zone,
        name=name,
        hosts=[(unit_slug(h), label_for(units[h])) for h in hosts if h in units] if is_zone else [],
        groups=[(clusters.get(c) or Cluster(c, "", ""), rows) for c, rows in by_cluster.items()],
        cluster_label=label_for,
        zones=[(z, term(z.name, g.lang)) for z in zones],
        parts=parts,
        config={
            "city": city.slug,
            "highlight": list(hosts),
            "zone": is_zone,
            "point": list(place.point) if isinstance(place, Zone) and place.point else None,
            "name": name,
            "crs": overlay_crs(g.params.basemap),
            "tiles": basemap_config(g.params.basemap),
            "mapVar": parts.name,
            "lang": g.lang,
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
            row.append({"unit": u, "roles": roles, "category": strongest(categorize(r.role, r.functions) for r in rs)})
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
