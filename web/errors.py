"""404 pages that suggest the closest names, 400s that say which parameter is wrong and why, and every
other HTTP error with its own title and headers (a 405's Allow)."""
from __future__ import annotations

from typing import NoReturn

from flask import Flask, Response, g, jsonify, render_template, request
from werkzeug.exceptions import BadHost, HTTPException, NotFound

from geo.reference.clusters import Cluster
from geo.reference.units import City
from geo.reference.zones import Zone
from geo.store.base import UnitRecord
from geo.store.lookup import (
    city_clusters,
    find_city,
    find_cluster,
    find_place,
    suggest,
    unit_slug,
)
from web.i18n import strings
from web.state import store

# Page titles of errors other than 400 and 404, which i18n names.
TITLES = {
    405: {"zh": "不支持此请求方法", "en": "Method not allowed"},
    500: {"zh": "服务器内部错误", "en": "Internal server error"},
}


class NotFoundWithSuggestions(NotFound):
    def __init__(self, description: str, suggestions: list[dict[str, str]]):
        super().__init__(description)
        self.suggestions = suggestions


def _not_found(description: str, key: str, options: dict[str, tuple[str, str, str]]) -> NoReturn:
    """404 with the closest of `options` (searchable text -> (name, slug, url))."""
    picks = dict.fromkeys(options[n] for n in suggest(key, options))
    raise NotFoundWithSuggestions(description, [{"name": n, "slug": s, "url": u} for n, s, u in picks])


def resolve_city(key: str) -> City:
    st = store()
    city = find_city(st, key)
    if city:
        return city
    options = {}
    for c in st.cities():
        options[c.slug] = options[c.name] = (c.name, c.slug, f"/map/{c.slug}")
    _not_found(f"unknown city '{key}'", key, options)


def resolve_cluster(city: City, key: str) -> Cluster:
    st = store()
    cluster = find_cluster(st, city.name, key)
    if cluster:
        return cluster
    options = {}
    for c in city_clusters(st, city.name):
        options[c.slug] = options[c.name] = (c.name, c.slug, f"/map/{city.slug}/{c.slug}")
    _not_found(f"unknown cluster '{key}' in {city.name}", key, options)


def resolve_place(city: City, key: str) -> UnitRecord | Zone:
    st = store()
    place = find_place(st, city, key)
    if place:
        return place
    options = {}
    for p in [*st.units(city.name), *st.zones(city.name)]:
        slug = unit_slug(p.id)
        options[slug] = options[p.name] = (p.name, slug, f"/district/{city.slug}/{slug}")
    _not_found(f"unknown district '{key}' in {city.name}", key, options)


def _page(err: HTTPException, suggestions: list[dict[str, str]]) -> str:
    """error.html titles every error but 404 with T.bad_request, so that entry carries this error's title."""
    if err.code in (400, 404):
        return render_template("error.html", error=err, suggestions=suggestions)
    lang = getattr(g, "lang", "zh")
    title = TITLES.get(err.code or 500, {}).get(lang, err.name)
    return render_template("error.html", error=err, suggestions=suggestions, T={**strings(lang), "bad_request": title})


def register(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def handle(err: HTTPException) -> Response:
        suggestions = getattr(err, "suggestions", [])
        bad_host = isinstance(request.routing_exception, BadHost)
        detail = "malformed Host header" if bad_host else err.description
        if request.path.startswith("/api/"):
            body = {"error": err.name, "status": err.code, "detail": detail, "suggestions": suggestions}
            resp = jsonify(body)
        elif bad_host:
            # No URL can be built for a Host header that is not a host name, so no page either.
            resp = Response(f"{err.code} {err.name}: {detail}\n", mimetype="text/plain")
        else:
            resp = Response(_page(err, suggestions), mimetype="text/html")
        resp.status_code = err.code or 500
        for key, value in err.get_headers():
            if key != "Content-Type":
                resp.headers[key] = value
        return resp
