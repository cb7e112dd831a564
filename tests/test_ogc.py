"""OGC API Features at /ogc, read by GDAL's OAPIF driver (as QGIS does) and checked against the spec's rules."""
from __future__ import annotations

import json
from typing import Iterator
from urllib.parse import urlsplit

import pyogrio
import pytest
from openapi_spec_validator import validate

from geo.store.files import FileStore
from tests.dbserver import AppProcess

CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/"


@pytest.fixture(scope="module")
def ogc_server(database_url) -> Iterator[AppProcess]:
    """A server in its own process: GDAL holds the GIL while it reads, so an in-process server would hang."""
    server = AppProcess(database_url("ogc"))
    yield server
    server.stop()


def test_gdal_lists_the_collections_and_reads_items(ogc_server):
    assert "OAPIF" in pyogrio.list_drivers()
    source = f"OAPIF:{ogc_server.url}/ogc"
    names = [name for name, _ in pyogrio.list_layers(source)]
    assert {"shenzhen-units", "chongqing-units", "shanghai-units", "shenzhen-smart-terminals", "chongqing-smart-terminals"} <= set(names)
    units = pyogrio.read_dataframe(source, layer="chongqing-units")
    assert sorted(units["id"]) == sorted(u.id for u in FileStore().units("重庆市"))
    assert units.crs.to_epsg() == 4326 and units.geometry.is_valid.all()
    layer = pyogrio.read_dataframe(source, layer="shenzhen-smart-terminals")
    nanshan = layer[layer["id"] == "shenzhen-nanshan"].iloc[0]
    assert "源头创新+高端制造区" in nanshan["roles"] and bool(nanshan["has_role"])


def test_gdal_bbox_read_is_answered_by_the_server(ogc_server):
    box = (113.90, 22.50, 113.95, 22.55)
    df = pyogrio.read_dataframe(f"OAPIF:{ogc_server.url}/ogc", layer="shenzhen-units", bbox=box)
    assert "shenzhen-nanshan" in set(df["id"]) and "shenzhen-pingshan" not in set(df["id"])
    status, _, body = ogc_server.get("/ogc/collections/shenzhen-units/items?bbox=113.90,22.50,113.95,22.55&limit=100")
    doc = json.loads(body)
    assert status == 200 and doc["numberMatched"] == len(doc["features"]) == len(df) < len(FileStore().units("深圳市"))


def test_pages_follow_next_links_with_stable_ids(client):
    ids: list[str] = []
    url = "/ogc/collections/chongqing-units/items?limit=7"
    pages = 0
    while url:
        doc = client.get(url).get_json()
        assert doc["numberReturned"] == len(doc["features"]) <= 7
        ids += [f["id"] for f in doc["features"]]
        nxt = [link["href"] for link in doc["links"] if link["rel"] == "next"]
        url = urlsplit(nxt[0])._replace(scheme="", netloc="").geturl() if nxt else ""
        pages += 1
    expected = [u.id for u in FileStore().units("重庆市")]
    assert ids == expected and pages == -(-len(expected) // 7)
    second = client.get("/ogc/collections/chongqing-units/items?limit=7&offset=7").get_json()
    assert [link["rel"] for link in second["links"]].count("prev") == 1
    one = client.get(f"/ogc/collections/chongqing-units/items/{expected[3]}").get_json()
    assert one["id"] == expected[3] and one["type"] == "Feature"


def test_landing_conformance_collections(client):
    landing = client.get("/ogc").get_json()
    rels = {link["rel"]: link for link in landing["links"]}
    assert {"self", "alternate", "service-desc", "conformance", "data"} <= set(rels)
    conf = client.get("/ogc/conformance").get_json()["conformsTo"]
    assert {CORE + c for c in ("core", "geojson", "html", "oas30")} <= set(conf)
    colls = client.get("/ogc/collections").get_json()["collections"]
    sz = next(c for c in colls if c["id"] == "shenzhen-units")
    minx, miny, maxx, maxy = sz["extent"]["spatial"]["bbox"][0]
    assert 113 < minx < maxx < 116 and 22 < miny < maxy < 24
    assert any(link["rel"] == "items" and link["type"] == "application/geo+json" for link in sz["links"])


def test_openapi_document_is_valid_3_0(client):
    r = client.get("/ogc/api")
    assert r.mimetype == "application/vnd.oai.openapi+json"
    doc = r.get_json(force=True)
    assert doc["openapi"].startswith("3.0")
    validate(doc)
    assert "/collections/{collectionId}/items" in doc["paths"]


def test_html_encoding_by_parameter_and_by_accept(client):
    page = client.get("/ogc/collections/shenzhen-smart-terminals/items?f=html&limit=20")
    assert page.mimetype == "text/html" and "南山区" in page.get_data(as_text=True)
    assert client.get("/ogc/collections", headers={"Accept": "text/html"}).mimetype == "text/html"
    assert client.get("/ogc/collections", headers={"Accept": "application/json"}).mimetype == "application/json"


@pytest.mark.parametrize("url,status", [
    ("/ogc/collections/shenzhen-units/items?limit=0", 400),
    ("/ogc/collections/shenzhen-units/items?limit=x", 400),
    ("/ogc/collections/shenzhen-units/items?bbox=1,2,3", 400),
    ("/ogc/collections/shenzhen-units/items?bbox=3,2,1,4", 400),
    ("/ogc/collections?f=xml", 400),
    ("/ogc/collections/nowhere-units", 404),
    ("/ogc/collections/shenzhen-units/items/nowhere", 404),
])
def test_bad_requests_say_why(client, url, status):
    assert client.get(url).status_code == status


def test_html_renders_plan_text_as_text(hostile_server):
    """Roles and quotes come from untrusted plan text: the HTML encoding escapes them."""
    import urllib.request

    url = f"{hostile_server.url}/ogc/collections/shenzhen-smart-terminals/items?f=html&limit=100"
    with urllib.request.urlopen(url) as resp:
        page = resp.read().decode()
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<img src=x" not in page and "<script>alert" not in page
