"""Functional zones (前海, 两江新区 …) and official district groups (中心城区 …) that plans give roles to."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from geo import paths


@dataclass(frozen=True)
class Zone:
    id: str
    name: str
    aliases: tuple[str, ...]
    city: str
    kind: str
    host_ids: tuple[str, ...]
    point: tuple[float, float] | None
    point_source: str
    geometry_quality: str  # point (a sourced point, no polygon) | none (no sourced geometry)
    licence: str
    host_source: str


@dataclass(frozen=True)
class Group:
    city: str
    name: str
    aliases: tuple[str, ...]
    member_ids: tuple[str, ...]
    source: str


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split("|") if v)


def load_zones(path: Path = paths.ZONES) -> list[Zone]:
    with path.open(encoding="utf-8", newline="") as f:
        return [
            Zone(
                id=r["id"],
                name=r["name"],
                aliases=_split(r["aliases"]),
                city=r["city"],
                kind=r["kind"],
                host_ids=_split(r["host_ids"]),
                point=(float(r["lon"]), float(r["lat"])) if r["lon"] else None,
                point_source=r["point_source"],
                geometry_quality=r["geometry_quality"],
                licence=r["licence"],
                host_source=r["host_source"],
            )
            for r in csv.DictReader(f)
        ]


def load_groups(path: Path = paths.GROUPS) -> list[Group]:
    with path.open(encoding="utf-8", newline="") as f:
        return [
            Group(r["city"], r["group"], _split(r["aliases"]), _split(r["member_ids"]), r["source"])
            for r in csv.DictReader(f)
        ]
