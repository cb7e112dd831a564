"""GCJ-02 conversion pinned to known points (cross-checked against eviltransform's gcj2wgs_exact within 1e-6°)."""
import numpy as np
import pytest

from geo.geometry.gcj02 import gcj02_to_wgs84, wgs84_to_gcj02

VECTORS = [
    # (GCJ-02 lon, lat) -> (WGS84 lon, lat)
    ((114.339406, 22.623397), (114.3345112, 22.6261453)),  # Shenzhen, from the issue
    ((106.551556, 29.563009), (106.5478313, 29.5658490)),  # Chongqing, 解放碑 area
    ((121.473701, 31.230416), (121.4691633, 31.2323452)),  # Shanghai, 人民广场 area
]


@pytest.mark.parametrize("gcj,wgs", VECTORS)
def test_gcj02_to_wgs84_vectors(gcj, wgs):
    out = gcj02_to_wgs84(np.array([gcj]))[0]
    assert out == pytest.approx(wgs, abs=1e-6)


@pytest.mark.parametrize("gcj,wgs", VECTORS)
def test_forward_shift_inverts(gcj, wgs):
    assert wgs84_to_gcj02(gcj02_to_wgs84(np.array([gcj])))[0] == pytest.approx(gcj, abs=1e-9)


def test_shift_is_hundreds_of_metres():
    # The offset is real: 300–700 m in southern China, so forgetting it would misplace every border.
    gcj = np.array([VECTORS[0][0]])
    d = gcj - gcj02_to_wgs84(gcj)
    metres = np.hypot(d[0, 0] * 111_320 * np.cos(np.radians(22.6)), d[0, 1] * 110_574)
    assert 300 < metres < 800
