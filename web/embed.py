"""Embeddable maps for other sites: the map alone, filling its frame."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, abort, g, render_template, request
from werkzeug.wrappers import Response

from geo.store.base import UnitRecord
from geo.store.lookup import unit_slug
from web.errors import resolve_city, resolve_cluster, resolve_place
from web.i18n import term
from web.maps import map_parts, view_for
from web.pages import label_for, map_config, redirect_to_canonical
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
    place = resolve_place(city, request.args["highlight"]) if request.args.get("highlight") else None
    center, zoom = view_for(city.view_bounds)
    parts = map_parts(center, zoom, gestures=True)
    config = map_config(city, cluster, parts.name)
    config["highlight"] = place.id if place else None
    explorer_query = g.params.query()
    if config["plan"]:
        explorer_query["plan"] = str(config["plan"])
    explorer_url = f"/map/{city.slug}/{cluster.slug}" + ("?" + urlencode(explorer_query) if explorer_query else "")
    default_title = f"{label_for(cluster)} · {label_for(city)}"
    return render_template(
        "embed.html",
        city=city,
        cluster=cluster,
        parts=parts,
        legend=legend == "1",
        heading=title or default_title,
        highlight_name=(label_for(place) if isinstance(place, UnitRecord) else term(place.name, g.lang)) if place else "",
        explorer_url=explorer_url,
        data_url=f"/api/v1/roles.csv?city={city.slug}&cluster={cluster.slug}",
        highlight_slug=unit_slug(place.id) if place else "",
        config=config,
        title=title or default_title,
    )
