"""Pages that explain the atlas to people: what the map colours mean and where the data comes from, and the
OpenAPI document rendered for humans."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, g, render_template

from geo.extract.categories import CATEGORIES
from web.i18n import strings
from web.openapi import openapi_document
from web.params import load_view_params

bp = Blueprint("docs", __name__)
bp.before_request(load_view_params)


@bp.get("/about")
def about() -> str:
    return render_template("about.html", categories=CATEGORIES, title=strings(g.lang)["about"])


def _type(schema: dict[str, Any]) -> str:
    t = schema.get("type", "object")
    if t == "array":
        return "array of " + _type(schema.get("items", {}))
    return " | ".join(t) if isinstance(t, list) else str(t)


def _fields(schema: dict[str, Any]) -> list[tuple[str, str]]:
    """Top-level fields of a response schema (items of an array; properties of GeoJSON features)."""
    if schema.get("type") == "array":
        schema = schema.get("items", {})
    props = schema.get("properties", {})
    feature = props.get("features", {}).get("items", {}).get("properties", {}).get("properties")
    if feature:
        props = feature.get("properties", {})
    return [(name, _type(s)) for name, s in props.items()]


@bp.get("/about/api")
def api_docs() -> str:
    doc = openapi_document()
    ops = []
    for path, methods in doc["paths"].items():
        for method, op in methods.items():
            responses = []
            for code, resp in op.get("responses", {}).items():
                content = resp.get("content", {})
                media = next(iter(content), "")
                responses.append({"code": code, "description": resp.get("description", ""), "media": media,
                                  "fields": _fields(content[media].get("schema", {})) if media and code == "200" else []})
            ops.append({"path": path, "method": method.upper(), "summary": op.get("summary", ""),
                        "parameters": op.get("parameters", []), "responses": responses})
    return render_template("api_docs.html", info=doc["info"], version=doc["openapi"], ops=ops, title=strings(g.lang)["api_docs"])
