"""Zones, groups and the national gazetteer point at real units and say where they come from."""
import pyogrio

from geo import paths
from geo.reference.units import load_cities, units_path
from geo.reference import gazetteer
from geo.reference.zones import load_groups, load_zones


def unit_ids():
    cities = [c for c in load_cities() if c.name in ("深圳市", "重庆市", "上海市")]
    return {i for c in cities for i in pyogrio.read_dataframe(units_path(paths.DATA_DIR, c.slug, "full"), columns=["id"], read_geometry=False)["id"]}


def test_zones_have_hosts_and_sources():
    ids = unit_ids()
    zones = load_zones()
    assert {z.name for z in zones} >= {"前海", "河套", "两江新区", "重庆高新区", "重庆经开区", "两路寸滩综合保税区", "西永综合保税区"}
    for z in zones:
        assert z.host_ids and set(z.host_ids) <= ids, z.name
        assert z.host_source and z.licence, z.name
        assert z.geometry_quality == ("point" if z.point else "none"), z.name
        if z.point:
            assert z.point_source.startswith("GeoNames") and "CC BY 4.0" in z.licence
    qianhai = next(z for z in zones if z.name == "前海")
    assert qianhai.point == (113.88744, 22.53612)


def test_chongqing_groups_partition_all_38_units():
    groups = [g for g in load_groups() if g.city == "重庆市"]
    members = [m for g in groups for m in g.member_ids]
    cq = {i for i in unit_ids() if i.startswith("chongqing-")}
    assert len(members) == len(set(members)) == 38
    assert set(members) == cq
    assert all(g.source for g in groups)


def test_gazetteer_covers_the_country():
    entries = gazetteer.load()
    assert len(entries) > 2800
    by_name = {(e.city, e.name): e for e in entries}
    assert by_name[("深圳市", "南山区")].aliases == ("南山",)
    assert by_name[("重庆市", "石柱土家族自治县")].aliases == ("石柱", "石柱县")
    assert ("杭州市", "余杭区") in by_name and ("成都市", "郫都区") in by_name
    assert all(len(a) >= 2 for e in entries for a in e.aliases)
