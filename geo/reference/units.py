"""The map units we publish: which county polygons, which derived areas, and their names."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from geo import paths


@dataclass(frozen=True)
class UnitSpec:
    """One row of data/units.csv: an official county unit or an approximate derived one."""

    city: str
    name: str
    id: str
    name_en: str
    kind: str
    adcode: str
    parent_adcode: str
    seed_geonames: tuple[int, ...]
    minus: tuple[str, ...]
    aliases: tuple[str, ...] = ()

    @property
    def derived(self) -> bool:
        return not self.adcode


@dataclass(frozen=True)
class City:
    name: str
    slug: str
    name_en: str
    province: str


def load_units(path: Path = paths.UNITS) -> list[UnitSpec]:
    with path.open(encoding="utf-8", newline="") as f:
        return [
            UnitSpec(
                city=row["city"],
                name=row["name"],
                id=row["id"],
                name_en=row["name_en"],
                kind=row["kind"],
                adcode=row["adcode"],
                parent_adcode=row["parent_adcode"],
                seed_geonames=tuple(int(x) for x in row["seed_geonames"].split()),
                minus=tuple(row["minus"].split()),
                aliases=tuple(a for a in row.get("aliases", "").split("|") if a),
            )
            for row in csv.DictReader(f)
        ]


def load_cities(path: Path = paths.CITIES) -> list[City]:
    with path.open(encoding="utf-8", newline="") as f:
        return [City(r["city"], r["slug"], r["name_en"], r["province"]) for r in csv.DictReader(f)]
