"""Cluster Atlas web app: Flask application factory."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

from geo import paths
from geo.store.base import Store
from geo.store.files import FileStore


def create_app(config: dict[str, Any] | None = None, store: Store | None = None) -> Flask:
    """Build the app on the bundled data (or DATA_DIR, or a given store); tests and `python -m web` call this."""
    app = Flask(__name__)
    app.config.from_mapping(DATA_DIR=str(paths.DATA_DIR), JSON_AS_ASCII=False)
    app.config.from_prefixed_env("ATLAS")
    if config:
        app.config.update(config)
    app.json.ensure_ascii = False
    app.extensions["atlas.store"] = store or FileStore(Path(app.config["DATA_DIR"]))

    from web import api, assets, docs, downloads, embed, errors, httpcache, national, pages, security
    from web.maps import tile_sources

    app.register_blueprint(assets.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(docs.bp)
    app.register_blueprint(national.bp)
    app.register_blueprint(embed.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(downloads.bp)
    errors.register(app)
    httpcache.register(app)
    security.register(app, img_sources=tile_sources())
    return app
