"""Folium maps with every asset served locally, split into the parts our templates place."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from web.assets import asset_url

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


@dataclass(frozen=True)
class MapParts:
    name: str  # the JavaScript variable that holds the Leaflet map
    header: str
    html: str
    script: str


def overlay_crs(basemap: str) -> str:
    """Gaode tiles are drawn in GCJ-02, so overlays on them must be shifted to GCJ-02 too."""
    return BASEMAP_TILES[basemap][3] if basemap in BASEMAP_TILES else "wgs84"


@lru_cache(maxsize=64)
def map_parts(basemap: str, center: tuple[float, float], zoom: int, gestures: bool = False) -> MapParts:
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
    if basemap in BASEMAP_TILES:
        url, attr, subdomains, _ = BASEMAP_TILES[basemap]
        folium.TileLayer(tiles=url, attr=attr, subdomains=subdomains, max_zoom=18, name=basemap).add_to(m)
    root = m.get_root()
    root.render()
    return MapParts(m.get_name(), root.header.render(), root.html.render(), root.script.render())
