"""The file-backed store: tables of data/ read at start, each city's unit geometry read when first asked for."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from geo import paths
from geo.extract.roles import read_csv as read_roles
from geo.ingest.plans import load_index, read_entries
from geo.reference.clusters import Cluster, load_clusters
from geo.reference.units import City, load_cities, units_path
from geo.reference.zones import Group, Zone, load_groups, load_zones
from geo.store.base import Plan, PlanRole, UnitRecord

CITY_CACHE = 24  # cities whose unit files stay parsed in a worker; the rest are re-read on demand


class FileStore:
    """Tables in memory; unit files of at most CITY_CACHE cities parsed at a time, so memory and start-up
    do not grow with the country."""

    def __init__(self, data_dir: Path = paths.DATA_DIR):
        self.data_dir = data_dir
        self._cities = load_cities(data_dir / "cities.csv")
        self._by_name = {c.name: c for c in self._cities}
        self._clusters = load_clusters(data_dir / "clusters.csv")
        self._zones = load_zones(data_dir / "zones.csv")
        self._groups = load_groups(data_dir / "groups.csv")
        urls = {m.id: m.url for m in load_index(data_dir / "plans" / "plans.csv")}
        self._plans = [Plan(**vars(p), url=urls.get(p.file_id, "")) for p in read_entries(data_dir / "plan_sections.csv")]
        meta = {p.plan_id: p for p in self._plans}
        self._roles = [
            PlanRole(**vars(r), plan_issuer=meta[r.plan_id].issuer, plan_date=meta[r.plan_id].date, plan_url=meta[r.plan_id].url)
            if r.plan_id in meta else PlanRole(**vars(r))
            for r in read_roles(data_dir / "roles.csv")
        ]
        self._bytes = lru_cache(maxsize=CITY_CACHE)(self._read_bytes)
        self._features = lru_cache(maxsize=CITY_CACHE)(self._parse_features)

    def _path(self, city: str, variant: str) -> Path:
        c = self._by_name[city]
        return units_path(self.data_dir, c.slug, "full" if variant == "full" and c.full_resolution else "web")

    def _read_bytes(self, city: str, variant: str) -> bytes:
        return self._path(city, variant).read_bytes()

    def _parse_features(self, city: str, variant: str) -> list[dict[str, Any]]:
        return json.loads(self._bytes(city, variant))["features"]

    def cities(self) -> list[City]:
        return list(self._cities)

    def clusters(self) -> list[Cluster]:
        return list(self._clusters)

    def units(self, city: str) -> list[UnitRecord]:
        return [UnitRecord(**f["properties"]) for f in self._features(city, "web")] if city in self._by_name else []

    def unit_features(self, city: str, variant: str = "web") -> list[dict[str, Any]]:
        return list(self._features(city, variant)) if city in self._by_name else []

    def unit_bytes(self, city: str, variant: str = "web") -> bytes:
        return self._bytes(city, variant)

    def outline_bytes(self) -> bytes:
        return (self.data_dir / "provinces.web.geojson").read_bytes()

    def zones(self, city: str) -> list[Zone]:
        return [z for z in self._zones if z.city == city]

    def groups(self, city: str) -> list[Group]:
        return [g for g in self._groups if g.city == city]

    def plans(self, city: str | None = None) -> list[Plan]:
        return [p for p in self._plans if city is None or p.city == city]

    def roles(self, city: str | None, cluster: str | None = None) -> list[PlanRole]:
        return [r for r in self._roles if (city is None or r.city == city) and (cluster is None or r.cluster == cluster)]
