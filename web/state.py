"""Per-app objects the blueprints share."""
from __future__ import annotations

from flask import current_app

from geo.store.base import Store
from geo.store.prepared import PreparedCache


def store() -> Store:
    return current_app.extensions["atlas.store"]


def prepared() -> PreparedCache:
    return current_app.extensions["atlas.prepared"]
