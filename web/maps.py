"""Folium maps with every asset served locally, split into the parts our templates place."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from web.assets import asset_url
from web.security import csp_nonce

# name -> (tiles URL, attribution, subdomains, overlay CRS the tiles need)
BASEMAP_TILES = {
    "osm": ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "© OpenStreetMap contributors", "abc", "wgs84"),
    "gaode": (
        "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}",
        "© 高德地图 AutoNavi",
        "1234",
        "gcj02",
    ),
}


# Folium's viewport meta forbids pinch-zoom; pages set their own.
_NO_ZOOM_LOCK = re.compile(r'<meta name="viewport"[^>]*>', re.S)
_SCRIPT_TAG = re.compile(r"<script(?=[\s>])")


def tile_sources() -> list[str]:
    """The origins basemap tiles come from, for the CSP's img-src."""
    out = []
    for url, _, subdomains, _ in BASEMAP_TILES.values():
        origin = "/".join(url.split("/")[:3])
        out += [origin.replace("{s}", s) for s in subdomains] if "{s}" in origin else [origin]
    return out


@dataclass(frozen=True)
class MapParts:
    name: str  # the JavaScript variable that holds the Leaflet map
    header: str
    html: str
    script: str


def overlay_crs(basemap: str) -> str:
    """Gaode tiles are drawn in GCJ-02, so overlays on them must be shifted to GCJ-02 too."""
    return BASEMAP_TILES[basemap][3] if basemap in BASEMAP_TILES else "wgs84"


CHINA_VIEW = ((35.0, 104.0), 4)


def view_for(bounds: tuple[float, float, float, float] | None, width_px: int = 800, height_px: int = 600) -> tuple[tuple[float, float], int]:
    """Centre and the largest whole zoom at which `bounds` (w, s, e, n) fit a map of about this size in
    Web Mercator; the page then fits the exact bounds, this is only the first frame."""
    if not bounds:
        return CHINA_VIEW
    w, s, e, n = bounds
    merc = lambda lat: math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))  # noqa: E731
    lon_zoom = math.log2(width_px * 360 / (256 * max(e - w, 1e-6)))
    lat_zoom = math.log2(height_px * 2 * math.pi / (256 * max(merc(n) - merc(s), 1e-9)))
    centre_lat = math.degrees(2 * math.atan(math.exp((merc(n) + merc(s)) / 2)) - math.pi / 2)
    return (round(centre_lat, 5), round((w + e) / 2, 5)), max(3, min(13, math.floor(min(lon_zoom, lat_zoom))))


def map_parts(center: tuple[float, float], zoom: int, gestures: bool = False) -> MapParts:
    """The cached map with this request's CSP nonce on Folium's <script> tags (the templates put it on
    the tag around `script`)."""
    parts = _folium_parts(center, zoom, gestures)
    nonced = f'<script nonce="{csp_nonce()}"'
    return replace(parts, header=_SCRIPT_TAG.sub(nonced, parts.header), html=_SCRIPT_TAG.sub(nonced, parts.html))


@lru_cache(maxsize=64)
def _folium_parts(center: tuple[float, float], zoom: int, gestures: bool) -> MapParts:
    """A Folium map whose page loads Leaflet from this app, never from a CDN. Folium is imported here, so
    workers that only serve data never load it."""
    import folium


    m = folium.Map(location=list(center), zoom_start=zoom, tiles=None, control_scale=True)
    m.default_js = [("leaflet", asset_url("leaflet", "leaflet.js"))]
    m.default_css = [("leaflet_css", asset_url("leaflet", "leaflet.css"))]
    if gestures:
        m.default_js.append(("gesture", asset_url("leaflet-gesture-handling", "leaflet-gesture-handling.min.js")))
        m.default_css.append(("gesture_css", asset_url("leaflet-gesture-handling", "leaflet-gesture-handling.min.css")))
        m.options["gestureHandling"] = True
    root = m.get_root()
    root.render()
    header = _NO_ZOOM_LOCK.sub("", root.header.render())
    return MapParts(m.get_name(), header, root.html.render(), root.script.render())


def basemap_config(basemap: str) -> dict[str, str] | None:
    """Tiles for the page script to add after load, so a hanging tile server never keeps the page loading."""
    if basemap not in BASEMAP_TILES:
        return None
    url, attr, subdomains, _ = BASEMAP_TILES[basemap]
    return {"name": basemap, "url": url, "attribution": attr, "subdomains": subdomains}
