"""The zones a store serves: the listed ones (data/zones.csv) and every zone the roles name.

A zone the extractor recognised by its generic name (张江高新区) has no row in zones.csv until someone
records its hosts with a source. It is still a place with roles, so it is served like a listed zone
with no hosts and no geometry, and says so, rather than being dropped.
"""
from __future__ import annotations

from collections.abc import Iterable

from geo.extract.roles import Role
from geo.reference.zones import Zone

ZONE_KINDS = {
    "development_zone", "bonded_zone", "free_trade_zone", "industrial_park", "science_city", "new_area", "cooperation_zone",
    "functional_area", "town", "subdistrict",
}
UNLISTED_NOTE = "recognised in the plan text; no source for its hosts or location is recorded yet"


def zones_with_unlisted(city: str, listed: Iterable[Zone], roles: Iterable[Role], unit_ids: set[str]) -> list[Zone]:
    """Listed zones of the city, then the zones its roles name that are neither listed nor units."""
    zones = [z for z in listed if z.city == city]
    known = {z.id for z in zones} | unit_ids
    for r in roles:
        if r.city == city and r.via == "direct" and r.district_kind in ZONE_KINDS and r.district_id not in known:
            known.add(r.district_id)
            zones.append(Zone(r.district_id, r.district, (), city, r.district_kind, (), None, "", "none", "", UNLISTED_NOTE))
    return zones
