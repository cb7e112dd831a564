"""Two-tone colouring: a role that names two functions keeps both, in precedence order after its category."""
from __future__ import annotations

import pytest

from geo.extract.categories import district_tones, tones


@pytest.mark.parametrize("role,functions,expected", [
    ("源头创新+高端制造区", ("研发设计", "生产制造"), ["manufacturing", "rd"]),
    ("研发设计+生态集聚区", ("研发设计",), ["rd", "service"]),
    ("品牌运营+生态集聚区", (), ["service"]),
    ("高端制造+核心元器件集聚区", ("生产制造",), ["manufacturing"]),
    ("集聚发展", (), ["listed"]),
])
def test_role_tones(role, functions, expected):
    assert tones(role, functions) == expected


def test_district_tones_take_the_strongest_category_first_and_ignore_listing():
    assert district_tones([["manufacturing", "rd"], ["listed"]]) == ["manufacturing", "rd"]
    assert district_tones([["listed"], ["service"]]) == ["service"]
    assert district_tones([]) == []
