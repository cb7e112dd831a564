"""Cluster Atlas web app: Flask application factory."""
from __future__ import annotations

from typing import Any

from flask import Flask


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app on the bundled data; tests and `python -m web` both call this."""
    app = Flask(__name__)
    app.config.from_mapping(JSON_AS_ASCII=False)
    if config:
        app.config.update(config)

    from web import pages

    app.register_blueprint(pages.bp)
    return app
