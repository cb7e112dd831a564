"""Hostile and unusual requests against the real app: malformed Host, `//` paths, wrong methods,
cross-origin reads of the API, and the security headers every answer carries."""
from __future__ import annotations

import logging
import re
import socket

import pytest

PAGES = ["/", "/map/shenzhen/smart-terminals", "/district/shenzhen/nanshan", "/matrix/shenzhen", "/embed/shenzhen/smart-terminals", "/no-such-page"]
BAD_HOSTS = ["x..y", ".", "a" * 300]


def raw_get(base: str, path: str, host: str) -> tuple[int, dict[str, str], bytes]:
    """One HTTP/1.1 request over a socket, so the Host header goes out exactly as given."""
    port = int(base.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, body


@pytest.mark.parametrize("host", BAD_HOSTS)
def test_malformed_host_is_a_400_without_a_logged_traceback(live_server, host, caplog):
    with caplog.at_level(logging.ERROR):
        for path in PAGES + ["/api/v1/cities"]:
            status, _, body = raw_get(live_server.url, path, host)
            assert status == 400, (path, body[:200])
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_double_slash_redirect_is_relative(live_server):
    for path in ("/map//shenzhen", "/map/shenzhen//smart-terminals?lang=en", "/api/v1//cities"):
        status, headers, _ = raw_get(live_server.url, path, "evil.example")
        assert status in (301, 308), path
        location = headers["location"]
        assert location.startswith("/") and not location.startswith("//") and "evil" not in location, location


def test_api_allows_any_origin_pages_do_not(client):
    for url in ("/api/v1/layers/shenzhen/smart-terminals.geojson", "/api/v1/cities", "/api/v1/roles.csv?city=shenzhen", "/api/v1/cities/atlantis"):
        r = client.get(url, headers={"Origin": "https://analyst.example"})
        assert r.headers["Access-Control-Allow-Origin"] == "*", url
        assert "Access-Control-Allow-Credentials" not in r.headers
    preflight = client.options("/api/v1/cities", headers={"Origin": "https://analyst.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "if-none-match"})
    assert preflight.status_code == 200 and preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight.headers["Access-Control-Allow-Methods"]
    for url in ("/map/shenzhen/smart-terminals", "/embed/shenzhen/smart-terminals", "/matrix/shenzhen"):
        assert "Access-Control-Allow-Origin" not in client.get(url, headers={"Origin": "https://analyst.example"}).headers


@pytest.mark.parametrize("url", ["/map/shenzhen/smart-terminals", "/api/v1/cities", "/embed/shenzhen/smart-terminals"])
def test_405_has_allow_and_says_method_not_allowed(client, url):
    r = client.post(url)
    assert r.status_code == 405
    assert set(r.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "HEAD", "OPTIONS"}
    body = r.get_data(as_text=True)
    assert "请求参数有误" not in body and "Bad request" not in body
    assert "不支持此请求方法" in body if r.mimetype == "text/html" else r.get_json()["status"] == 405


def _policy(header: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in (x.strip() for x in header.split(";")) if d}


@pytest.mark.parametrize("url", ["/map/shenzhen/smart-terminals", "/district/shenzhen/nanshan", "/embed/shenzhen/smart-terminals", "/matrix/shenzhen"])
def test_pages_have_a_strict_nonce_csp_and_referrer_policy(client, url):
    r = client.get(url)
    assert r.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    csp = _policy(r.headers["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"] and csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'none'"]
    script_src = csp["script-src"]
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src and "*" not in script_src
    html = r.get_data(as_text=True)
    tags = [t for t in re.findall(r"<script\b[^>]*>", html) if 'type="application/json"' not in t]  # data, never run
    nonces = [s for s in script_src if s.startswith("'nonce-")]
    if tags:
        assert len(nonces) == 1
        nonce = nonces[0][len("'nonce-"):-1]
        assert all(f'nonce="{nonce}"' in t for t in tags), tags
        assert nonce != _policy(client.get(url).headers["Content-Security-Policy"])["script-src"][-1][len("'nonce-"):-1]


def test_every_answer_has_the_headers(client):
    for url in ("/api/v1/cities", "/api/v1/openapi.json", "/no-such-page", "/api/v1/cities/atlantis"):
        r = client.get(url)
        assert r.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "script-src" in r.headers["Content-Security-Policy"] and r.headers["X-Content-Type-Options"] == "nosniff"


def test_embed_304_keeps_the_stored_policy(client):
    """The stored page's nonce matches its stored CSP: a 304 must not send a new nonce to merge in."""
    first = client.get("/embed/shenzhen/smart-terminals")
    again = client.get("/embed/shenzhen/smart-terminals", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and "Content-Security-Policy" not in again.headers
