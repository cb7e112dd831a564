"""Deterministic RFC 7946 GeoJSON: counter-clockwise exteriors, fixed precision, stable bytes."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

import shapely
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from geo.atomic import atomic_write_text


def rfc7946_geometry(geom: BaseGeometry, decimals: int) -> dict[str, Any]:
    """Snap to a 10^-decimals grid (keeping validity) and orient exteriors counter-clockwise."""
    snapped = shapely.set_precision(geom, 10.0**-decimals)
    oriented = shapely.orient_polygons(snapped, exterior_cw=False)
    return _round(mapping(oriented), decimals)


def _round(obj: Any, decimals: int) -> Any:
    if isinstance(obj, dict):
        return {k: _round(v, decimals) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], float):
            return [round(c, decimals) for c in obj]
        return [_round(v, decimals) for v in obj]
    return obj


def feature(properties: dict[str, Any], geometry: dict[str, Any] | None) -> dict[str, Any]:
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def dumps_collection(features: Iterable[dict[str, Any]], name: str | None = None) -> str:
    """One feature per line: small diffs in git, identical bytes for identical input."""
    head = '{"type": "FeatureCollection", '
    if name:
        head += f'"name": {json.dumps(name)}, '
    body = ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features)
    return head + '"features": [\n' + body + "\n]}\n"


def write_collection(path: Path, features: Iterable[dict[str, Any]], name: str | None = None) -> None:
    atomic_write_text(path, dumps_collection(features, name))


def bounds(geometries: Iterable[dict[str, Any]]) -> tuple[float, float, float, float] | None:
    """[w, s, e, n] of GeoJSON geometries without building shapes (a walk over the coordinates); None if empty."""
    xs: list[float] = []
    ys: list[float] = []

    def walk(c: Any) -> None:
        if isinstance(c[0], (int, float)):
            xs.append(c[0])
            ys.append(c[1])
        else:
            for part in c:
                walk(part)

    for geometry in geometries:
        walk(geometry["coordinates"])
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None
