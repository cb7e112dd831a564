"""Read the committed data/ into one in-memory dataset that any database backend loads in one transaction.

This is the single place that knows how the committed files are laid out: it reads them through FileStore
(the per-city unit files of data/units/, the tables, plan metadata, and the zones roles name that
zones.csv does not list), so whatever files FileStore reads end up in the database the same way.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo import paths
from geo.geometry.geojson_io import bounds
from geo.store.base import UnitRecord
from geo.store.zones import zones_with_unlisted

OUTLINE_KEY = "provinces"


def file_key(city: str, variant: str) -> str:
    """The key of a city's unit file in the database (`web`, or `full` for cities with full resolution)."""
    return f"units/{city}/{variant}"


@dataclass(frozen=True)
class UnitRow:
    """One unit as the database stores it: properties and bounding box (geometry lives in its city's file)."""

    record: UnitRecord
    bbox: tuple[float, float, float, float]


@dataclass(frozen=True)
class Dataset:
    """Everything `geo db load` writes; `fingerprint` identifies the source files' content."""

    fingerprint: str
    cities: list[dict[str, Any]]
    clusters: list[dict[str, Any]]
    units: list[UnitRow]
    files: list[tuple[str, bytes]]
    zones: list[dict[str, Any]]
    groups: list[dict[str, Any]]
    plans: list[dict[str, Any]]
    roles: list[dict[str, Any]]
    texts: list[PlanText]


@dataclass(frozen=True)
class PlanText:
    """A plan file's normalized text: what role spans point into, and what the review screen shows."""

    file_id: str
    city: str
    body: str
    meta: dict[str, Any]


def _is_source(path: Path, data_dir: Path) -> bool:
    return path.is_file() and (path.suffix in (".csv", ".geojson") or path.parent == data_dir / "plans")


def source_fingerprint(data_dir: Path = paths.DATA_DIR) -> str:
    """A hash of every committed data file's content, plan files included (about 60 ms for the national
    data, warm)."""
    h = hashlib.sha1()
    for path in sorted(p for p in data_dir.rglob("*") if _is_source(p, data_dir)):
        h.update(str(path.relative_to(data_dir)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def read_dataset(data_dir: Path = paths.DATA_DIR) -> Dataset:
    """The committed files as rows; dataclasses become dicts so new columns pass through untouched."""
    from geo.store.files import FileStore, _features_of

    fs = FileStore(data_dir)
    units: list[UnitRow] = []
    files: list[tuple[str, bytes]] = [(OUTLINE_KEY, fs.outline_bytes())]
    ids: dict[str, set[str]] = {}
    for city in fs.cities():
        web = fs.unit_bytes(city.name, "web")
        files.append((file_key(city.name, "web"), web))
        full = web
        if city.full_resolution:
            full = fs.unit_bytes(city.name, "full")
            files.append((file_key(city.name, "full"), full))
        ids[city.name] = set()
        for f in _features_of(full):
            units.append(UnitRow(UnitRecord(**f["properties"]), bounds([f["geometry"]])))
            ids[city.name].add(f["properties"]["id"])
    asdict = dataclasses.asdict
    cities = fs.cities()
    listed, roles = fs.listed_zones(), fs.roles(None)
    return Dataset(
        fingerprint=source_fingerprint(data_dir),
        cities=[asdict(c) for c in cities],
        clusters=[asdict(c) for c in fs.clusters()],
        units=units,
        files=files,
        zones=[asdict(z) for c in cities for z in zones_with_unlisted(c.name, listed, roles, ids[c.name])],
        groups=[asdict(g) for c in cities for g in fs.groups(c.name)],
        plans=[asdict(p) for p in fs.plans()],
        roles=[asdict(r) for r in roles],
        texts=plan_texts(data_dir),
    )


def plan_texts(data_dir: Path) -> list[PlanText]:
    """The normalized text of every indexed plan file, read as the extractor reads it."""
    from geo.ingest.plans import load_index
    from geo.ingest.read import read_plan_text

    return [
        PlanText(m.id, m.city, read_plan_text(data_dir / "plans" / m.file), dataclasses.asdict(m))
        for m in load_index(data_dir / "plans" / "plans.csv")
    ]


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
