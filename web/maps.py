"""Folium maps with every asset served locally, split into the parts our templates place."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

import folium

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


def map_parts(center: tuple[float, float], zoom: int, gestures: bool = False) -> MapParts:
    """The cached map with this request's CSP nonce on Folium's <script> tags (the templates put it on
    the tag around `script`)."""
    parts = _folium_parts(center, zoom, gestures)
    nonced = f'<script nonce="{csp_nonce()}"'
    return replace(parts, header=_SCRIPT_TAG.sub(nonced, parts.header), html=_SCRIPT_TAG.sub(nonced, parts.html))


@lru_cache(maxsize=64)
def _folium_parts(center: tuple[float, float], zoom: int, gestures: bool) -> MapParts:
    """A Folium map whose page loads Leaflet from this app, never from a CDN."""
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
