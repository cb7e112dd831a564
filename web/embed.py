"""Embeddable maps for other sites: the map alone, filling its frame."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, abort, g, render_template, request
from werkzeug.wrappers import Response

from geo.store.base import UnitRecord
from geo.store.lookup import unit_slug
from web.errors import resolve_city, resolve_cluster, resolve_place
from web.i18n import strings
from web.maps import map_parts, overlay_crs, view_for
from web.pages import label_for, redirect_to_canonical
from web.params import load_view_params

bp = Blueprint("embed", __name__)
bp.before_request(load_view_params)
TITLE_MAX = 120


@bp.get("/embed/<city_key>/<cluster_key>")
def embed(city_key: str, cluster_key: str) -> str | Response:
    city = resolve_city(city_key)
    cluster = resolve_cluster(city, cluster_key)
    if (city_key, cluster_key) != (city.slug, cluster.slug):
        return redirect_to_canonical("embed.embed", city_key=city.slug, cluster_key=cluster.slug)
    legend = request.args.get("legend", "1")
    if legend not in ("0", "1"):
        abort(400, description=f"parameter 'legend' must be one of 0, 1; got '{legend}'")
    title = request.args.get("title", "")
    if len(title) > TITLE_MAX:
        abort(400, description=f"parameter 'title' must be at most {TITLE_MAX} characters")
    highlight = None
    if request.args.get("highlight"):
        place = resolve_place(city, request.args["highlight"])
        if not isinstance(place, UnitRecord):
            abort(400, description="parameter 'highlight' must name a district, not a zone")
        highlight = place.id
    center, zoom = view_for(city.view_bounds)
    parts = map_parts(g.params.basemap, center, zoom, gestures=True)
    explorer_query = g.params.query()
    explorer_url = f"/map/{city.slug}/{cluster.slug}" + ("?" + urlencode(explorer_query) if explorer_query else "")
    return render_template(
        "embed.html",
        city=city,
        cluster=cluster,
        parts=parts,
        legend=legend == "1",
        heading=title,
        explorer_url=explorer_url,
        highlight_slug=unit_slug(highlight) if highlight else "",
        config={
            "city": city.slug, "cluster": cluster.slug, "function": g.params.function, "lang": g.lang,
            "crs": overlay_crs(g.params.basemap), "mapVar": parts.name, "highlight": highlight, "strings": strings(g.lang),
        },
        title=title or f"{label_for(cluster)} · {label_for(city)}",
    )
