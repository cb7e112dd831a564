"""Per-app objects the blueprints share."""
from __future__ import annotations

from flask import current_app

from geo.store.base import Store


def store() -> Store:
    return current_app.extensions["atlas.store"]
