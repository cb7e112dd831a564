"""Cluster Atlas web app: Flask application factory."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask, Response, request

from geo import paths
from geo.store.base import Store, StoreUnavailable
from geo.store.factory import start_store
from geo.store.prepared import PreparedCache
from geo.uploads import MAX_UPLOAD_BYTES

RETRY_AFTER = 5


def create_app(config: dict[str, Any] | None = None, store: Store | None = None) -> Flask:
    """Build the app over the store ATLAS_DATABASE_URL names (default: a SQLite file made from data/ on first
    start), or over a given store. An unreachable database raises DatabaseUnreachable (one line, exit 1)."""
    app = Flask(__name__)
    app.config.from_mapping(DATA_DIR=str(paths.DATA_DIR), DATABASE_URL=None, JSON_AS_ASCII=False,
                            MAX_CONTENT_LENGTH=MAX_UPLOAD_BYTES + 2**20, UPLOAD_DIR=str(paths.ROOT / "var" / "uploads"))
    app.config.from_prefixed_env("ATLAS")
    if config:
        app.config.update(config)
    app.json.ensure_ascii = False
    st = store or start_store(app.config["DATABASE_URL"], Path(app.config["DATA_DIR"]))
    app.extensions["atlas.store"] = st
    app.extensions["atlas.prepared"] = PreparedCache()

    @app.before_request
    def current_version() -> None:
        """The current data version (the store asks the database only when it may have moved): a change by any
        process is served from here on."""
        if request.blueprint != "assets":
            st.refresh()

    @app.errorhandler(StoreUnavailable)
    def unavailable(err: StoreUnavailable) -> Response:
        resp = Response("database unavailable, retry shortly\n", status=503, mimetype="text/plain")
        resp.headers["Retry-After"] = str(RETRY_AFTER)
        return resp

    from web import (
        api,
        assets,
        auth,
        docs,
        downloads,
        embed,
        errors,
        httpcache,
        national,
        ogc,
        pages,
        review,
        review_api,
        security,
    )
    from web.maps import tile_sources

    app.register_blueprint(assets.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(docs.bp)
    app.register_blueprint(national.bp)
    app.register_blueprint(embed.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(downloads.bp)
    app.register_blueprint(ogc.bp)
    auth.register(app)
    app.register_blueprint(review.bp)
    app.register_blueprint(review_api.bp)
    errors.register(app)
    httpcache.register(app)
    security.register(app, img_sources=tile_sources())
    app.wsgi_app = httpcache.PreparedFront(app.wsgi_app, st)  # type: ignore[method-assign]
    return app
