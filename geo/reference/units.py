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


Bounds = tuple[float, float, float, float]  # west, south, east, north (WGS84 degrees)


@dataclass(frozen=True)
class City:
    """One row of data/cities.csv: a prefecture-level city, a municipality, or a county-level unit a
    province administers directly; `units` and the bounds let pages fit a map without reading geometry."""

    name: str
    slug: str
    name_en: str
    province: str
    adcode: str = ""
    level: str = "prefecture"  # municipality | prefecture | county (province-administered) | sar | province
    units: int = 0
    full_resolution: bool = False
    bounds: Bounds | None = None
    view_bounds: Bounds | None = None  # what users look at first: far exclaves (深汕) left out

CITY_COLUMNS = ["city", "slug", "name_en", "province", "adcode", "level", "units", "full_resolution", "bounds", "view_bounds"]


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


def _bounds(value: str) -> Bounds | None:
    parts = [float(v) for v in value.split()]
    return (parts[0], parts[1], parts[2], parts[3]) if len(parts) == 4 else None


def format_bounds(b: Bounds) -> str:
    return " ".join(f"{v:.5f}" for v in b)


def load_cities(path: Path = paths.CITIES) -> list[City]:
    with path.open(encoding="utf-8", newline="") as f:
        return [
            City(
                r["city"], r["slug"], r["name_en"], r["province"], r["adcode"], r["level"], int(r["units"]),
                r["full_resolution"] == "1", _bounds(r["bounds"]), _bounds(r["view_bounds"]),
            )
            for r in csv.DictReader(f)
        ]


def write_cities(cities: list[City], path: Path = paths.CITIES) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(CITY_COLUMNS)
        for c in cities:
            w.writerow([
                c.name, c.slug, c.name_en, c.province, c.adcode, c.level, c.units, int(c.full_resolution),
                format_bounds(c.bounds) if c.bounds else "", format_bounds(c.view_bounds) if c.view_bounds else "",
            ])


def unit_kind(name: str) -> str:
    """Kind of a unit data/units.csv does not list, from its name."""
    if name.endswith(("自治县", "自治旗")):
        return "autonomous_county"
    for suffix, kind in (("新区", "new_area"), ("区", "district"), ("县", "county"), ("市", "county_city"), ("旗", "banner")):
        if name.endswith(suffix):
            return kind
    return "county"


def units_path(data_dir: Path, slug: str, variant: str) -> Path:
    """data/units/<slug>.web.geojson (every city) or <slug>.geojson (full resolution, some cities)."""
    return data_dir / "units" / (f"{slug}.web.geojson" if variant == "web" else f"{slug}.geojson")
