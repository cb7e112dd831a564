"""Read the committed data/ into one in-memory dataset that any database backend loads in one transaction.

This is the single place that knows how the committed files are laid out: it reads them through FileStore,
so whatever files FileStore reads (one national file or per-city files) end up in the database the same way.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo import paths
from geo.store.base import UnitRecord


@dataclass(frozen=True)
class UnitRow:
    """One unit as the database stores it: properties, bounding box and both geometries as GeoJSON text."""

    record: UnitRecord
    bbox: tuple[float, float, float, float]
    geometry: str
    web_geometry: str


@dataclass(frozen=True)
class Dataset:
    """Everything `geo db load` writes; `fingerprint` identifies the source files' content."""

    fingerprint: str
    cities: list[dict[str, Any]]
    clusters: list[dict[str, Any]]
    units: list[UnitRow]
    zones: list[dict[str, Any]]
    groups: list[dict[str, Any]]
    plans: list[dict[str, Any]]
    roles: list[dict[str, Any]]


def source_fingerprint(data_dir: Path = paths.DATA_DIR) -> str:
    """A hash of every committed data file, cheap enough to compute at each start."""
    h = hashlib.sha1()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file() and p.suffix in (".csv", ".geojson")):
        h.update(str(path.relative_to(data_dir)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _bbox(geometry: dict[str, Any]) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []

    def walk(c: Any) -> None:
        if isinstance(c[0], (int, float)):
            xs.append(c[0])
            ys.append(c[1])
        else:
            for part in c:
                walk(part)

    walk(geometry["coordinates"])
    return min(xs), min(ys), max(xs), max(ys)


def _text(geometry: dict[str, Any]) -> str:
    return json.dumps(geometry, ensure_ascii=False, separators=(",", ":"))


def read_dataset(data_dir: Path = paths.DATA_DIR) -> Dataset:
    """The committed files as rows; dataclasses become dicts so new columns pass through untouched."""
    from geo.store.files import FileStore

    fs = FileStore(data_dir)
    units: list[UnitRow] = []
    for city in fs.cities():
        web = {f["properties"]["id"]: f["geometry"] for f in fs.unit_features(city.name, "web")}
        for f in fs.unit_features(city.name, "full"):
            props = f["properties"]
            units.append(UnitRow(UnitRecord(**props), _bbox(f["geometry"]), _text(f["geometry"]), _text(web[props["id"]])))
    asdict = dataclasses.asdict
    return Dataset(
        fingerprint=source_fingerprint(data_dir),
        cities=[asdict(c) for c in fs.cities()],
        clusters=[asdict(c) for c in fs.clusters()],
        units=units,
        zones=[asdict(z) for c in fs.cities() for z in fs.zones(c.name)],
        groups=[asdict(g) for c in fs.cities() for g in fs.groups(c.name)],
        plans=[asdict(p) for p in fs.plans()],
        roles=[asdict(r) for c in fs.cities() for r in fs.roles(c.name)],
    )
