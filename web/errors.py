"""404 pages that suggest the closest names, and 400s that say which parameter is wrong and why."""
from __future__ import annotations

from typing import NoReturn

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, NotFound

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
from web.state import store


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


def register(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def handle(err: HTTPException):  # type: ignore[no-untyped-def]
        suggestions = getattr(err, "suggestions", [])
        if request.path.startswith("/api/"):
            body = {"error": err.name, "status": err.code, "detail": err.description, "suggestions": suggestions}
            return jsonify(body), err.code
        return render_template("error.html", error=err, suggestions=suggestions), err.code
