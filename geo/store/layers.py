"""Join roles to map units: what a cluster map shows and what a layer download carries."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import shapely
from shapely.geometry import shape

from geo.extract.categories import categorize, district_tones, strongest, tones
from geo.extract.roles import Role
from geo.store.base import Store, UnitRecord

FUNCTION_FILTERS = {"all": None, "rd": "研发设计", "manufacturing": "生产制造"}
FUNCTION_ALIASES = {"研发设计": "rd", "生产制造": "manufacturing", "全部": "all"}
_FILTER_CATEGORY = {"研发设计": "rd", "生产制造": "manufacturing"}


def role_matches(role: Role, function: str | None) -> bool:
    """A role passes a function filter if it names that function or its category is that function."""
    if function is None:
        return True
    return function in role.functions or categorize(role.role, role.functions) == _FILTER_CATEGORY[function]


@dataclass
class DistrictView:
    """One unit on a cluster map: its roles, their category and the zones it hosts."""

    unit: UnitRecord
    roles: list[dict[str, Any]] = field(default_factory=list)
    zones: list[str] = field(default_factory=list)

    @property
    def category(self) -> str | None:
        return strongest(r["category"] for r in self.roles)

    @property
    def tones(self) -> list[str]:
        return district_tones(r["tones"] for r in self.roles)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.unit.id,
            "name": self.unit.name,
            "name_en": self.unit.name_en,
            "kind": self.unit.kind,
            "geometry_quality": self.unit.geometry_quality,
            "category": self.category,
            "tones": self.tones,
            "roles": self.roles,
            "zones": self.zones,
        }


def role_dict(r: Role) -> dict[str, Any]:
    """A role as maps and the API show it: the phrase, its sentence and plan, and its review status."""
    return {
        "role_id": r.role_id,
        "status": getattr(r, "status", "extracted"),
        "reviewed_by": getattr(r, "reviewed_by", ""),
        "reviewed_at": getattr(r, "reviewed_at", ""),
        "role": r.role,
        "functions": list(r.functions),
        "category": categorize(r.role, r.functions),
        "tones": tones(r.role, r.functions),
        "via": r.via,
        "plan_id": r.plan_id,
        "plan_title": r.plan_title,
        "plan_issuer": getattr(r, "plan_issuer", ""),
        "plan_date": getattr(r, "plan_date", ""),
        "plan_url": getattr(r, "plan_url", ""),
        "quote": r.quote,
        "start": r.start,
        "end": r.end,
    }


def district_views(store: Store, city: str, cluster: str, function: str | None) -> list[DistrictView]:
    """Every unit of the city with the roles it has in the cluster (possibly none)."""
    views = {u.id: DistrictView(u) for u in store.units(city)}
    for z in store.zones(city):
        for host in z.host_ids:
            if host in views:
                views[host].zones.append(z.name)
    for r in store.roles(city, cluster):
        if r.district_id in views and role_matches(r, function):
            views[r.district_id].roles.append(role_dict(r))
    return list(views.values())


def zone_views(store: Store, city: str, cluster: str, function: str | None) -> list[dict[str, Any]]:
    """Zones of the city with their own roles; a point only where a sourced one exists."""
    out = []
    for z in store.zones(city):
        roles = [role_dict(r) for r in store.roles(city, cluster) if r.district_id == z.id and role_matches(r, function)]
        out.append(
            {
                "id": z.id,
                "name": z.name,
                "kind": z.kind,
                "hosts": list(z.host_ids),
                "point": list(z.point) if z.point else None,
                "point_source": z.point_source,
                "geometry_quality": z.geometry_quality,
                "licence": z.licence,
                "roles": roles,
            }
        )
    return out


def label_points(store: Store, city: str) -> dict[str, tuple[float, float]]:
    """A point inside each unit's largest part, for name labels; computed once per data version and city."""
    return _label_points(store, city, store.version())


@lru_cache(maxsize=32)
def _label_points(store: Store, city: str, version: str) -> dict[str, tuple[float, float]]:
    out = {}
    for f in store.unit_features(city, "web"):
        geom = shape(f["geometry"])
        largest = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
        p = shapely.point_on_surface(largest)
        out[f["properties"]["id"]] = (round(p.x, 5), round(p.y, 5))
    return out
