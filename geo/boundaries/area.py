"""Areas in km² from an equal-area projection, so approximate units can be compared with official figures."""
from __future__ import annotations

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry

# Albers equal-area conic with standard parallels suited to China (25°N, 47°N).
CHINA_ALBERS = "+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +ellps=WGS84 +units=m +no_defs"
_TO_ALBERS = Transformer.from_crs("EPSG:4326", CHINA_ALBERS, always_xy=True)


def to_equal_area(geom: BaseGeometry) -> BaseGeometry:
    """Project lon/lat geometry to metres in the China Albers projection."""
    return shapely.transform(geom, lambda xy: np.column_stack(_TO_ALBERS.transform(xy[:, 0], xy[:, 1])))


def area_km2(geom: BaseGeometry) -> float:
    return to_equal_area(geom).area / 1e6
