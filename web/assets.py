"""Browser assets served by the app itself from PyPI xstatic packages: no CDN, works on intranets."""
from __future__ import annotations

from pathlib import Path

import xstatic.pkg.leaflet as xs_leaflet
import xstatic.pkg.leaflet_gesturehandling as xs_gesture
from flask import Blueprint, abort, send_from_directory
from werkzeug.wrappers import Response

bp = Blueprint("assets", __name__)

LIBRARIES = {
    "leaflet": (Path(xs_leaflet.BASE_DIR), xs_leaflet.VERSION),
    "leaflet-gesture-handling": (Path(xs_gesture.BASE_DIR), xs_gesture.VERSION),
}
ONE_YEAR = 365 * 24 * 3600


@bp.get("/assets/<lib>/<version>/<path:filename>")
def library_file(lib: str, version: str, filename: str) -> Response:
    """Versioned URLs, so the files can be cached for a year."""
    if lib not in LIBRARIES or LIBRARIES[lib][1] != version:
        abort(404)
    resp = send_from_directory(LIBRARIES[lib][0], filename, max_age=ONE_YEAR)
    resp.cache_control.immutable = True
    return resp


def asset_url(lib: str, filename: str) -> str:
    return f"/assets/{lib}/{LIBRARIES[lib][1]}/{filename}"
