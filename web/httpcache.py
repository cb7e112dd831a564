"""Response caching: ETag + conditional GET, gzip/brotli compression.

Embeds and data are cacheable by browsers and by a CDN or reverse proxy in front. A page's CSP nonce
(web.security) differs per response, so ETags are computed without it, and a 304 leaves the stored
response's own CSP (whose nonce matches the stored body) in place. Data downloads are prepared once per
data version (`serve_prepared`): their ETag comes from the version, a 304 is answered before any body is
built, and compressed variants are kept; PreparedFront replays their 200s and 304s without entering Flask
(never a page, whose nonce is new on every response).
"""
from __future__ import annotations

import gzip
import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Hashable, Iterable

import brotli
from flask import Flask, Response, current_app, request
from werkzeug.http import remove_entity_headers

from geo.store.base import StoreUnavailable
from web.state import prepared, store

if TYPE_CHECKING:
    from geo.store.base import Store

from web.security import issued_nonce

CACHEABLE = ("/embed/", "/api/v1/")
# What PreparedFront may replay: data and OGC answers. Never a page: its CSP nonce is new on every response.
REPLAYABLE = ("/api/v1/", "/ogc")
COMPRESSIBLE = ("text/", "application/json", "application/geo+json", "application/javascript", "image/svg+xml")
MIN_COMPRESS = 512
_compressed: OrderedDict[tuple[str, str], bytes] = OrderedDict()
_CACHE_ENTRIES = 512


def _encoding() -> str | None:
    accepted = request.accept_encodings
    if accepted["br"]:
        return "br"
    if accepted["gzip"]:
        return "gzip"
    return None


def _compress_once(encoding: str, body: bytes) -> bytes:
    return brotli.compress(body, quality=5) if encoding == "br" else gzip.compress(body, 6, mtime=0)


def _compress(tag: str, encoding: str, body: bytes) -> bytes:
    """Cached by ETag: only for bodies that are the same bytes on every request (no nonce)."""
    key = (tag, encoding)
    if key not in _compressed:
        _compressed[key] = _compress_once(encoding, body)
        if len(_compressed) > _CACHE_ENTRIES:
            _compressed.popitem(last=False)
    _compressed.move_to_end(key)
    return _compressed[key]


_304_HEADERS = ("Cache-Control", "Vary", "Content-Security-Policy", "X-Frame-Options", "Expires")


def serve_prepared(key: Hashable, build: Callable[[], bytes], mimetype: str) -> Response:
    """The resource `key` at the current data version; `build` runs once per version and process."""
    item = prepared().get(store().version(), key, build, mimetype, mimetype.startswith(COMPRESSIBLE))
    encoding = _encoding() if item.compressible else None
    tag = f"{item.etag}-{encoding}" if encoding else item.etag
    inm = request.if_none_match
    if inm and (inm.contains_weak(tag) or inm.contains_weak(item.etag)):  # If-None-Match compares weakly (RFC 9110)
        resp = Response(status=304)
    else:
        resp = Response(item.encoded(encoding), mimetype=mimetype)
        if encoding:
            resp.headers["Content-Encoding"] = encoding
    if request.path.startswith(REPLAYABLE) and issued_nonce() is None:
        request.environ["atlas.prepared"] = store().version()  # PreparedFront may replay this 200 or 304
    resp.set_etag(tag)
    if item.compressible:
        resp.vary.add("Accept-Encoding")
    resp.cache_control.public = True
    resp.cache_control.max_age = current_app.config["DATA_MAX_AGE"]
    resp.atlas_prepared = True  # type: ignore[attr-defined]  # tells `policy` below the work is done
    return resp


def register(app: Flask) -> None:
    app.config.setdefault("DATA_MAX_AGE", 300)

    @app.after_request
    def policy(resp: Response) -> Response:
        if request.method not in ("GET", "HEAD") or resp.status_code != 200 or getattr(resp, "atlas_prepared", False):
            return resp
        if request.path.startswith(CACHEABLE):
            resp.cache_control.public = True
            resp.cache_control.max_age = app.config["DATA_MAX_AGE"]
        compressible = resp.mimetype.startswith(COMPRESSIBLE)
        if not (request.path.startswith(CACHEABLE) or compressible):
            return resp
        resp.direct_passthrough = False
        body = resp.get_data()
        nonce = issued_nonce()
        stable = body.replace(nonce.encode(), b"") if nonce else body
        base = resp.get_etag()[0] or hashlib.sha1(stable).hexdigest()[:20]
        encoding = _encoding() if compressible and len(body) >= MIN_COMPRESS else None
        tag = f"{base}-{encoding}" if encoding else base
        resp.vary.add("Accept-Encoding")
        if request.if_none_match.contains(tag) or request.if_none_match.contains(base):
            not_modified = Response(status=304)
            for h in _304_HEADERS:
                if h in resp.headers and not (nonce and h == "Content-Security-Policy"):
                    not_modified.headers[h] = resp.headers[h]
            not_modified.set_etag(tag)
            return not_modified
        if encoding:
            resp.set_data(_compress_once(encoding, body) if nonce else _compress(tag, encoding, body))
            resp.headers["Content-Encoding"] = encoding
        resp.set_etag(tag)
        return resp


@dataclass(slots=True)
class _Replay:
    """What Flask answered for one request shape at one data version: the headers of its 304 (with the quoted
    ETag they answer), and the 200's headers and bytes once a 200 was seen."""

    version: str
    etag: str
    not_modified: list[tuple[str, str]]
    ok: tuple[list[tuple[str, str]], bytes] | None


class PreparedFront:
    """WSGI layer in front of Flask that answers repeated GETs of prepared resources with what Flask answered
    the first time for the current data version, so a request costs the version check and a dict lookup:
    a 200 replays status, headers and bytes (downloads at static-file speed), and a conditional GET whose
    If-None-Match holds the ETag gets the 304 without entering Flask, learnt from a 200 or from a 304 Flask
    made. Everything else, any other If-None-Match included, goes to Flask, and so does a request while the
    database is unreachable (Flask answers 503 with Retry-After)."""

    def __init__(self, wsgi_app: Callable, store: "Store", max_entries: int = 1024):  # type: ignore[type-arg]
        self.wsgi_app = wsgi_app
        self.store = store
        self.max_entries = max_entries
        self._hits: dict[tuple[str, ...], _Replay] = {}

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:  # type: ignore[type-arg]
        path = environ.get("PATH_INFO", "")
        inm = environ.get("HTTP_IF_NONE_MATCH", "")
        if environ["REQUEST_METHOD"] != "GET" or inm == "*" or not path.startswith(REPLAYABLE):
            return self.wsgi_app(environ, start_response)
        try:
            version = self.store.refresh()  # checked on every request: a change by any process is served from here on
        except StoreUnavailable:
            return self.wsgi_app(environ, start_response)  # Flask answers 503
        key = (path, environ.get("QUERY_STRING", ""), environ.get("HTTP_ACCEPT_ENCODING", ""),
               environ.get("HTTP_ACCEPT", ""), environ.get("HTTP_HOST", ""), environ.get("wsgi.url_scheme", ""))
        hit = self._hits.get(key)
        if hit is not None and hit.version == version:
            if inm:
                if hit.etag in inm:  # tags are quoted, so a substring is a whole tag; W/ (weak) matches too
                    start_response("304 NOT MODIFIED", hit.not_modified)
                    return []
            elif hit.ok is not None:
                start_response("200 OK", hit.ok[0])
                return [hit.ok[1]]
        captured: list[tuple[str, list[tuple[str, str]]]] = []

        def capture(status: str, headers: list[tuple[str, str]], exc_info: object = None) -> Callable:  # type: ignore[type-arg]
            captured.append((status, headers))
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        result = self.wsgi_app(environ, capture)
        if environ.get("atlas.prepared") != version or not captured or not captured[0][0].startswith(("200", "304")):
            return result
        status, headers = captured[0]
        etag = next((v.removeprefix("W/") for k, v in headers if k.lower() == "etag"), "")
        if not etag:
            return result
        if status.startswith("304"):
            ok = hit.ok if hit is not None and hit.version == version and hit.etag == etag else None
            self._remember(key, _Replay(version, etag, headers, ok))
            return result
        body = b"".join(result)
        if hasattr(result, "close"):
            result.close()
        not_modified = list(headers)
        remove_entity_headers(not_modified)  # as werkzeug strips them from the 304 Flask makes
        self._remember(key, _Replay(version, etag, not_modified, (headers, body)))
        return [body]

    def _remember(self, key: tuple[str, ...], replay: _Replay) -> None:
        if len(self._hits) >= self.max_entries and key not in self._hits:
            self._hits.clear()
        self._hits[key] = replay
