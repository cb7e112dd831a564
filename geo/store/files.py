"""The file-backed store: the committed files in data/ read once into memory."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from geo import paths
from geo.extract.roles import Role
from geo.extract.roles import read_csv as read_roles
from geo.ingest.plans import PlanEntry, read_entries
from geo.reference.clusters import Cluster, load_clusters
from geo.reference.units import City, load_cities
from geo.reference.zones import Group, Zone, load_groups, load_zones
from geo.store.base import UnitRecord
from geo.store.zones import zones_with_unlisted


class FileStore:
    """Everything in memory, read once from a data directory laid out like data/."""

    def __init__(self, data_dir: Path = paths.DATA_DIR):
        self.data_dir = data_dir
        self._cities = load_cities(data_dir / "cities.csv")
        self._clusters = load_clusters(data_dir / "clusters.csv")
        self._features = {
            "full": self._read_features(data_dir / "districts.geojson"),
            "web": self._read_features(data_dir / "districts.web.geojson"),
        }
        self._units = [UnitRecord(**f["properties"]) for f in self._features["full"]]
        self._zones = load_zones(data_dir / "zones.csv")
        self._groups = load_groups(data_dir / "groups.csv")
        self._plans = read_entries(data_dir / "plan_sections.csv")
        self._roles = read_roles(data_dir / "roles.csv")

    @staticmethod
    def _read_features(path: Path) -> list[dict[str, Any]]:
        return json.loads(path.read_text(encoding="utf-8"))["features"]

    def cities(self) -> list[City]:
        return list(self._cities)

    def clusters(self) -> list[Cluster]:
        return list(self._clusters)

    def units(self, city: str) -> list[UnitRecord]:
        return [u for u in self._units if u.city == city]

    def unit_features(self, city: str, variant: str = "web") -> list[dict[str, Any]]:
        return [f for f in self._features[variant] if f["properties"]["city"] == city]

    def zones(self, city: str) -> list[Zone]:
        unit_ids = {u.id for u in self._units if u.city == city}
        return zones_with_unlisted(city, self._zones, self._roles, unit_ids)

    def groups(self, city: str) -> list[Group]:
        return [g for g in self._groups if g.city == city]

    def plans(self, city: str | None = None) -> list[PlanEntry]:
        return [p for p in self._plans if city is None or p.city == city]

    def roles(self, city: str, cluster: str | None = None) -> list[Role]:
        return [r for r in self._roles if r.city == city and (cluster is None or r.cluster == cluster)]
