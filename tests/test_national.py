"""The national views through the real app: catalogue, home, search, one cluster across cities, lazy units."""
from __future__ import annotations


import jsonschema
import pyogrio

from geo import paths
from web import create_app
from web.openapi import SCHEMAS


def test_catalogue_lists_every_city_with_bounds_and_plans(client):
    cities = client.get("/api/v1/cities").get_json()
    jsonschema.validate(cities, {"type": "array", "items": SCHEMAS["City"]})
    assert len(cities) == 370
    by = {c["slug"]: c for c in cities}
    assert by["chengdu"]["units"] == 20 and not by["chengdu"]["has_plans"]
    assert by["shenzhen"]["has_plans"] and by["shenzhen"]["plans"] > 0
    w, s, e, n = by["shenzhen"]["bounds"]
    vw, vs, ve, vn = by["shenzhen"]["view_bounds"]
    assert e > 115.1 and ve < 114.7  # 深汕 is in the city, not in its first view
    assert {c["slug"] for c in cities if c["has_plans"]} == {"shenzhen", "chongqing", "shanghai"}


def test_every_city_has_a_map_fitted_to_its_view(client):
    r = client.get("/map/chengdu")
    assert r.status_code == 301 and r.headers["Location"].endswith("/map/chengdu/general")
    html = client.get("/map/chengdu/general").get_data(as_text=True)
    assert "[30.7" in html and "103.9" in html  # folium's first frame: the centre of 成都's view bounds
    units = client.get("/api/v1/districts.geojson?city=chengdu").get_json()
    assert len(units["features"]) == 20
    data = client.get("/api/v1/map/shenzhen/smart-terminals.json").get_json()
    assert data["city"]["view_bounds"][2] < 114.7 and data["city"]["bounds"][2] > 115.1


def test_districts_bytes_are_the_prepared_file(client):
    r = client.get("/api/v1/districts.geojson?city=hangzhou")
    assert r.data == (paths.UNITS_DIR / "hangzhou.web.geojson").read_bytes()
    full = client.get("/api/v1/districts.geojson?city=hangzhou&variant=full")
    assert full.data == (paths.UNITS_DIR / "hangzhou.geojson").read_bytes()
    fallback = client.get("/api/v1/districts.geojson?city=zhoushan&variant=full")  # no full-resolution file
    assert fallback.data == (paths.UNITS_DIR / "zhoushan.web.geojson").read_bytes()


def test_home_has_map_search_and_how_to_read(client):
    html = client.get("/").get_data(as_text=True)
    assert 'action="/search"' in html and "如何阅读" in html and "home.js" in html
    for slug in ("shenzhen", "chongqing", "shanghai"):
        assert f'href="/map/{slug}"' in html
    assert 'href="/cluster/smart-terminals"' in html
    assert "How to read this" in client.get("/?lang=en").get_data(as_text=True)


def test_search_finds_cities_districts_zones_and_clusters(client):
    def hits(q):
        return client.get("/search", query_string={"q": q}).get_data(as_text=True)

    assert 'href="/map/chengdu"' in hits("成都")
    assert 'href="/district/hangzhou/330106"' in hits("西湖区")
    assert 'href="/district/shenzhen/nanshan"' in hits("nanshan")
    assert 'href="/district/shenzhen/qianhai"' in hits("前海")
    assert 'href="/cluster/smart-terminals"' in hits("智能终端")
    assert "没有找到" in hits("不存在的地方xyz")
    assert "<script>" not in hits("<script>alert(1)</script>")


def test_national_cluster_layer_read_back_with_pyogrio(client, tmp_path):
    r = client.get("/api/v1/clusters/smart-terminals.geojson")
    assert r.status_code == 200 and r.mimetype == "application/geo+json"
    jsonschema.validate(r.get_json(), SCHEMAS["Layer"])
    path = tmp_path / "c.geojson"
    path.write_bytes(r.data)
    df = pyogrio.read_dataframe(path)
    assert df.crs.to_epsg() == 4326
    assert set(df["city"]) == {"深圳市", "重庆市"}  # 智能终端 in 深圳 and 重庆 side by side
    assert df["has_role"].all() and df["category"].notna().all()
    assert {"plan_issuer", "plan_date", "plan_url"} <= set(df.columns)
    assert "shenzhen-nanshan" in set(df["id"]) and df.geometry.is_valid.all()
    assert client.get("/api/v1/clusters/智能终端.geojson").data == r.data
    assert client.get("/api/v1/clusters/nothing.geojson").status_code == 404


def test_cluster_page_groups_cities(client):
    html = client.get("/cluster/smart-terminals").get_data(as_text=True)
    assert 'data-city="shenzhen"' in html and 'data-city="chongqing"' in html and "cluster.js" in html
    assert client.get("/cluster/智能终端").headers["Location"].endswith("/cluster/smart-terminals")
    missing = client.get("/cluster/smart-terminal")
    assert missing.status_code == 404 and "/cluster/smart-terminals" in missing.get_data(as_text=True)


def test_start_up_reads_no_unit_geometry(atlas_url):
    """The app starts over the loaded database and serves the catalogue and home without reading one unit
    file: nothing reads the country's geometry at start; a city's units are read when first asked for."""
    app = create_app({"DATABASE_URL": atlas_url})
    client, snapshot = app.test_client(), app.extensions["atlas.store"]._latest
    assert len(client.get("/api/v1/cities").get_json()) == 370
    assert client.get("/").status_code == 200
    assert not [key for key in snapshot.files if key.startswith("units/")] and not snapshot.features
    assert len(client.get("/api/v1/districts.geojson?city=hangzhou").get_json()["features"]) == 13
    assert [key for key in snapshot.files if key.startswith("units/")] == ["units/杭州市/web"]
