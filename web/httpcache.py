"""Response caching: ETag + conditional GET, gzip/brotli compression.

Embeds and data are cacheable by browsers and by a CDN or reverse proxy in front. A page's CSP nonce
(web.security) differs per response, so ETags are computed without it, and a 304 leaves the stored
response's own CSP (whose nonce matches the stored body) in place.
"""
from __future__ import annotations

import gzip
import hashlib
from collections import OrderedDict

import brotli
from flask import Flask, Response, request

from web.security import issued_nonce

CACHEABLE = ("/embed/", "/api/v1/")
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


def register(app: Flask) -> None:
    app.config.setdefault("DATA_MAX_AGE", 300)

    @app.after_request
    def policy(resp: Response) -> Response:
        if request.method not in ("GET", "HEAD") or resp.status_code != 200:
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
            for h in ("Cache-Control", "Vary", "Content-Security-Policy", "X-Frame-Options", "Expires"):
                if h in resp.headers and not (nonce and h == "Content-Security-Policy"):
                    not_modified.headers[h] = resp.headers[h]
            not_modified.set_etag(tag)
            return not_modified
        if encoding:
            resp.set_data(_compress_once(encoding, body) if nonce else _compress(tag, encoding, body))
            resp.headers["Content-Encoding"] = encoding
        resp.set_etag(tag)
        return resp
