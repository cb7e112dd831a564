"""404 pages that suggest the closest names, and 400s that say which parameter is wrong and why."""
from __future__ import annotations

from typing import NoReturn

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, NotFound

from geo.lookup import city_clusters, suggest
from geo.units import City
from web.state import store


class NotFoundWithSuggestions(NotFound):
    def __init__(self, description: str, suggestions: list[dict[str, str]]):
        super().__init__(description)
        self.suggestions = suggestions


def not_found_city(key: str) -> NoReturn:
    cities = store().cities()
    names = {c.slug: c for c in cities} | {c.name: c for c in cities}
    picks = [names[n] for n in suggest(key, names)]
    raise NotFoundWithSuggestions(
        f"unknown city '{key}'",
        [{"name": c.name, "slug": c.slug, "url": f"/map/{c.slug}"} for c in dict.fromkeys(picks)],
    )


def not_found_cluster(city: City, key: str) -> NoReturn:
    clusters = city_clusters(store(), city.name)
    names = {c.slug: c for c in clusters} | {c.name: c for c in clusters}
    picks = [names[n] for n in suggest(key, names)]
    raise NotFoundWithSuggestions(
        f"unknown cluster '{key}' in {city.name}",
        [{"name": c.name, "slug": c.slug, "url": f"/map/{city.slug}/{c.slug}"} for c in dict.fromkeys(picks)],
    )


def not_found_place(city: City, key: str) -> NoReturn:
    st = store()
    options = {u.name: (u.name, u.id.split("-", 1)[1]) for u in st.units(city.name)}
    options |= {z.name: (z.name, z.id.split("-", 1)[1]) for z in st.zones(city.name)}
    options |= {slug: (name, slug) for name, slug in list(options.values())}
    picks = dict.fromkeys(options[n] for n in suggest(key, options))
    raise NotFoundWithSuggestions(
        f"unknown district '{key}' in {city.name}",
        [{"name": n, "slug": s, "url": f"/district/{city.slug}/{s}"} for n, s in picks],
    )


def register(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def handle(err: HTTPException):  # type: ignore[no-untyped-def]
        suggestions = getattr(err, "suggestions", [])
        if request.path.startswith("/api/"):
            body = {"error": err.name, "status": err.code, "detail": err.description, "suggestions": suggestions}
            return jsonify(body), err.code
        return render_template("error.html", error=err, suggestions=suggestions), err.code
