"""Headers every answer carries, and routing answers that must not trust the request.

- Content-Security-Policy: scripts only from this app or with this request's nonce (`csp_nonce()`, put on
  each <script> tag by the templates and on Folium's by web.maps), so a payload in plan text that ever
  reached a page could not run; frame-ancestors lets embeds be framed and nothing else.
- Referrer-Policy: other hosts (tile servers) see our origin, never a page's path and query.
- CORS: /api/v1 is read-only public data without cookies, so any origin may read it; pages get no CORS.
- Redirects that routing makes (`//` merged, a missing slash) are relative: a forged Host header cannot
  put another site into a cached 308.
"""
from __future__ import annotations

import os
import secrets
from urllib.parse import urlsplit

from flask import Flask, Response, g, redirect, request
from werkzeug.routing import RequestRedirect

API = "/api/v1/"
REFERRER_POLICY = "strict-origin-when-cross-origin"


def csp_nonce() -> str:
    """This request's nonce, made on first use; a response without one allows no inline script at all."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def issued_nonce() -> str | None:
    """The nonce if this response's body carries one (httpcache leaves it out of ETags)."""
    return g.get("csp_nonce")


def allowed_frame_origins(app: Flask) -> str:
    raw = app.config.get("EMBED_ALLOWED_ORIGINS") or os.environ.get("EMBED_ALLOWED_ORIGINS", "")
    origins = [o.strip() for o in raw.replace(",", " ").split() if o.strip()]
    return " ".join(origins) if origins else "*"


def content_security_policy(frame_ancestors: str, img_sources: list[str], nonce: str | None) -> str:
    scripts = "'self'" + (f" 'nonce-{nonce}'" if nonce else "")
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        # Leaflet and Folium position elements with inline styles; styles cannot run code.
        "style-src 'self' 'unsafe-inline'",
        "img-src " + " ".join(["'self'", "data:", *img_sources]),
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        f"frame-ancestors {frame_ancestors}",
    ])


def _relative_redirect() -> Response | None:
    """Routing's own redirect, with only path and query kept: its absolute URL is built from the Host header."""
    exc = request.routing_exception
    if not isinstance(exc, RequestRedirect):
        return None
    target = urlsplit(exc.new_url)
    location = "/" + target.path.lstrip("/") + (f"?{target.query}" if target.query else "")
    return redirect(location, code=exc.code)


def register(app: Flask, img_sources: list[str]) -> None:
    """Register after httpcache, so its 304s copy these headers (after_request runs last-registered first)."""
    app.jinja_env.globals["csp_nonce"] = csp_nonce
    app.before_request(_relative_redirect)

    @app.after_request
    def headers(resp: Response) -> Response:
        embed = request.path.startswith("/embed/")
        ancestors = allowed_frame_origins(app) if embed else "'none'"
        resp.headers["Content-Security-Policy"] = content_security_policy(ancestors, img_sources, issued_nonce())
        if not embed:
            resp.headers["X-Frame-Options"] = "DENY"
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = REFERRER_POLICY
        if request.path.startswith(API):
            resp.headers["Access-Control-Allow-Origin"] = "*"
            resp.headers["Access-Control-Expose-Headers"] = "Content-Disposition, ETag"
            if request.method == "OPTIONS":
                resp.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
                resp.headers["Access-Control-Allow-Headers"] = "*"
                resp.headers["Access-Control-Max-Age"] = "86400"
        return resp
