"""Analyst downloads read back by GDAL (pyogrio), RFC 7946 rules, OpenAPI conformance, caching headers."""
from __future__ import annotations

import csv
import gzip
import io
import json
from urllib.parse import unquote

import brotli
import jsonschema
import pyogrio
import pytest
import shapely
from openapi_spec_validator import validate as validate_spec
from shapely.geometry import shape

from geo.reference.zones import load_zones
from geo.store.exports import LAYER_FIELDS, ROLE_CSV_COLUMNS
from web import create_app
from web.openapi import SCHEMAS

LAYER_URL = "/api/v1/layers/shenzhen/smart-terminals.geojson"


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_layer_geojson_read_by_gdal(client, tmp_path):
    r = client.get(LAYER_URL)
    assert r.status_code == 200 and r.mimetype == "application/geo+json"
    cd = r.headers["Content-Disposition"]
    assert 'filename="shenzhen-smart-terminals.geojson"' in cd
    assert unquote(cd.split("filename*=UTF-8''")[1]) == "深圳市-智能终端.geojson"
    df = pyogrio.read_dataframe(write(tmp_path, "layer.geojson", r.data))
    assert df.crs.to_epsg() == 4326
    assert list(df.columns) == LAYER_FIELDS + ["geometry"]
    assert len(df) == 11 and df["has_role"].sum() == 7
    nanshan = df.set_index("id").loc["shenzhen-nanshan"]
    assert "源头创新+高端制造区" in nanshan["roles"].split("；")
    assert nanshan["n_roles"] == 3 and nanshan["functions"] == "研发设计|生产制造"
    assert df["n_roles"].dtype.kind == "i"


def test_layer_follows_rfc7946(client):
    doc = client.get(LAYER_URL).get_json()
    assert "crs" not in doc
    for f in doc["features"]:
        geom = shape(f["geometry"])
        assert geom.is_valid
        minx, miny, maxx, maxy = geom.bounds
        assert 113 < minx < maxx < 116 and 22 < miny < maxy < 23.5  # lon, lat order in Shenzhen
        for poly in getattr(geom, "geoms", [geom]):
            assert poly.exterior.is_ccw and not any(ring.is_ccw for ring in poly.interiors)
        coords = shapely.get_coordinates(geom)
        assert all(len(repr(float(c)).split(".")[1]) <= 7 for c in coords.ravel())


def test_layer_function_filter(client):
    all_ = client.get(LAYER_URL).get_json()
    rd = client.get(LAYER_URL + "?function=rd")
    assert "-rd.geojson" in rd.headers["Content-Disposition"]
    count = lambda d: sum(f["properties"]["has_role"] for f in d["features"])  # noqa: E731
    assert 0 < count(rd.get_json()) < count(all_)


def test_districts_geojson_read_by_gdal(client, tmp_path):
    r = client.get("/api/v1/districts.geojson?city=chongqing&variant=full")
    df = pyogrio.read_dataframe(write(tmp_path, "d.geojson", r.data))
    assert df.crs.to_epsg() == 4326 and len(df) == 38
    assert {"id", "name", "geometry_quality", "source", "licence", "area_km2"} <= set(df.columns)


def test_roles_csv_has_bom_and_opens_in_gdal(client, tmp_path):
    r = client.get("/api/v1/roles.csv?city=shenzhen&cluster=smart-terminals")
    assert r.data.startswith(b"\xef\xbb\xbf") and r.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(r.data.decode("utf-8-sig"))))
    assert list(rows[0]) == ROLE_CSV_COLUMNS
    assert {row["cluster"] for row in rows} == {"智能终端"}
    df = pyogrio.read_dataframe(write(tmp_path, "roles.csv", r.data))
    assert list(df.columns)[: len(ROLE_CSV_COLUMNS)] == ROLE_CSV_COLUMNS
    one = client.get("/api/v1/roles.csv?city=shenzhen&district=南山区").data.decode("utf-8-sig")
    assert all(row["district"] == "南山区" for row in csv.DictReader(io.StringIO(one)))


def test_matrix_csv(client, tmp_path):
    r = client.get("/api/v1/matrix/chongqing.csv")
    df = pyogrio.read_dataframe(write(tmp_path, "matrix.csv", r.data))
    assert list(df.columns)[:2] == ["cluster", "cluster_en"] and len(df) == 1
    rows = list(csv.reader(io.StringIO(r.data.decode("utf-8-sig"))))
    assert rows[0][:2] == ["cluster", "cluster_en"] and len(rows[0]) == 2 + 38
    assert rows[1][0] == "智能终端" and "火车头" in rows[1]


def test_geopackage_layers(client, tmp_path):
    r = client.get("/api/v1/cities/shenzhen.gpkg")
    path = write(tmp_path, "sz.gpkg", r.data)
    layers = {name: kind for name, kind in pyogrio.list_layers(path)}
    assert layers == {"units": "MultiPolygon", "zones": "Point", "roles": None}
    units = pyogrio.read_dataframe(path, layer="units")
    assert units.crs.to_epsg() == 4326 and len(units) == 11
    zones = pyogrio.read_dataframe(path, layer="zones")
    listed = [z for z in load_zones() if z.city == "深圳市"]
    assert zones.geometry.isna().sum() == len(zones) - sum(1 for z in listed if z.point)
    assert zones.set_index("name").loc["前海"].geometry.x == pytest.approx(113.88744)
    # a zone recognised in the text but not listed in zones.csv is served too, without geometry
    assert "深圳高新区" in set(zones.name) and zones.set_index("name").loc["深圳高新区"].geometry is None
    roles = pyogrio.read_dataframe(path, layer="roles", read_geometry=False)
    table = client.get("/api/v1/roles.csv?city=shenzhen").data.decode("utf-8-sig")
    assert len(roles) == len(list(csv.DictReader(io.StringIO(table)))) > 200
    assert list(roles.columns) == ROLE_CSV_COLUMNS


def test_openapi_document_is_valid_and_matches_responses(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    validate_spec(spec)
    checks = [
        ("/api/v1/cities", {"type": "array", "items": SCHEMAS["City"]}),
        ("/api/v1/cities/chongqing", SCHEMAS["City"]),
        ("/api/v1/cities/shenzhen/clusters", {"type": "array", "items": SCHEMAS["Cluster"]}),
        ("/api/v1/plans", {"type": "array", "items": SCHEMAS["Plan"]}),
        (LAYER_URL, SCHEMAS["Layer"]),
        ("/api/v1/layers/chongqing/smart-terminals.geojson?function=manufacturing", SCHEMAS["Layer"]),
        ("/api/v1/districts.geojson?city=shanghai", SCHEMAS["Districts"]),
        ("/api/v1/layers/shenzhen/marin.geojson", SCHEMAS["Error"]),
        ("/api/v1/roles.csv?city=shenzhen&cluster=x", SCHEMAS["Error"]),
        ("/api/v1/layers/shenzhen/marine.geojson?function=x", SCHEMAS["Error"]),
    ]
    for url, schema in checks:
        jsonschema.Draft202012Validator(schema).validate(json.loads(client.get(url).data))
    documented = set(spec["paths"])
    assert "/api/v1/layers/{city}/{cluster}.geojson" in documented and "/api/v1/cities/{city}.gpkg" in documented


def test_api_bad_input_is_json(client):
    r = client.get("/api/v1/layers/shenzhen/marin.geojson")
    assert r.status_code == 404 and r.get_json()["suggestions"][0]["slug"] == "marine"
    r = client.get("/api/v1/layers/shenzhen/marine.geojson?function=design")
    assert r.status_code == 400 and "function" in r.get_json()["detail"]
    r = client.get("/api/v1/roles.csv")
    assert r.status_code == 400 and "city" in r.get_json()["detail"]
    assert client.get("/api/v1/cities/atlantis/clusters").status_code == 404


def test_conditional_get_answers_304(client):
    for url in (LAYER_URL, "/embed/shenzhen/smart-terminals", "/api/v1/districts.geojson?city=shenzhen"):
        first = client.get(url, headers={"Accept-Encoding": "gzip"})
        etag = first.headers["ETag"]
        assert "max-age=300" in first.headers["Cache-Control"] and "public" in first.headers["Cache-Control"]
        again = client.get(url, headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
        assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == etag
        other = client.get(url, headers={"If-None-Match": '"something-else"'})
        assert other.status_code == 200


def test_compression_gzip_and_brotli(client):
    raw = client.get(LAYER_URL, headers={"Accept-Encoding": "identity"})
    gz = client.get(LAYER_URL, headers={"Accept-Encoding": "gzip"})
    br = client.get(LAYER_URL, headers={"Accept-Encoding": "gzip, br"})
    assert "Content-Encoding" not in raw.headers
    assert gz.headers["Content-Encoding"] == "gzip" and gzip.decompress(gz.data) == raw.data
    assert br.headers["Content-Encoding"] == "br" and brotli.decompress(br.data) == raw.data
    assert len(br.data) < len(gz.data) < len(raw.data) / 3
    assert gz.headers["ETag"] != br.headers["ETag"] != raw.headers["ETag"]
    assert "Accept-Encoding" in raw.headers["Vary"]


def test_framing_policy(client):
    embed = client.get("/embed/shenzhen/smart-terminals")
    assert embed.headers["Content-Security-Policy"].endswith("; frame-ancestors *") and "X-Frame-Options" not in embed.headers
    page = client.get("/map/shenzhen/smart-terminals")
    assert page.headers["Content-Security-Policy"].endswith("; frame-ancestors 'none'") and page.headers["X-Frame-Options"] == "DENY"
    limited = create_app({"EMBED_ALLOWED_ORIGINS": "https://a.example, https://b.example"}).test_client()
    assert limited.get("/embed/shenzhen/marine").headers["Content-Security-Policy"].endswith("; frame-ancestors https://a.example https://b.example")


def test_embed_options(client):
    html = client.get("/embed/shenzhen/smart-terminals?highlight=南山区&title=<b>深圳</b>&legend=0&lang=en&function=rd").get_data(as_text=True)
    assert "&lt;b&gt;深圳&lt;/b&gt;" in html and "<b>深圳</b>" not in html
    assert 'id="legend"' not in html
    config = json.loads(html.split('id="atlas-config">')[1].split("</script>")[0])
    assert config["highlight"] == "shenzhen-nanshan" and config["function"] == "rd" and config["lang"] == "en"
    assert 'href="/map/shenzhen/smart-terminals?lang=en&amp;function=rd"' in html
    assert "leaflet-gesture-handling" in html and '"gestureHandling": true' in html
    assert client.get("/embed/shenzhen/smart-terminals?legend=maybe").status_code == 400
    zone = client.get("/embed/shenzhen/smart-terminals?highlight=qianhai").get_data(as_text=True)  # zones may be highlighted
    assert json.loads(zone.split('id="atlas-config">')[1].split("</script>")[0])["highlight"] == "shenzhen-qianhai"
    assert client.get("/embed/shenzhen/smart-terminals?highlight=nowhere").status_code == 404
    assert client.get("/embed/深圳市/智能终端").status_code == 301


def test_pages_link_downloads(client):
    html = client.get("/map/shenzhen/marine").get_data(as_text=True)
    for link in ("/api/v1/layers/shenzhen/marine.geojson", "/api/v1/roles.csv?city=shenzhen&amp;cluster=marine", "/api/v1/matrix/shenzhen.csv", "/api/v1/cities/shenzhen.gpkg"):
        assert link in html
    assert "/api/v1/roles.csv?city=shenzhen&amp;district=nanshan" in client.get("/district/shenzhen/nanshan").get_data(as_text=True)
