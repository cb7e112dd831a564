"""The storage interface: what the web app and exports read, whichever backend holds the data."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from geo.extract.roles import Role
from geo.ingest.plans import PlanEntry
from geo.reference.clusters import Cluster
from geo.reference.units import City
from geo.reference.zones import Group, Zone


@dataclass(frozen=True)
class UnitRecord:
    """The properties of one map unit (its geometry is served separately)."""

    id: str
    adcode: str | None
    name: str
    name_en: str
    city: str
    kind: str
    area_km2: float
    geometry_quality: str
    source: str
    licence: str


class StoreUnavailable(Exception):
    """The database stopped answering while the app runs: the web layer answers 503 with Retry-After."""


class DatabaseUnreachable(SystemExit):
    """The database cannot be reached at start. A SystemExit so `python -m web` and gunicorn print this one
    line (the URL without its password) instead of a traceback."""


class Store(Protocol):
    """Reads return the snapshot of one data version; `refresh()` (once per request) moves to the newest."""

    def version(self) -> str: ...
    def refresh(self) -> str: ...
    def unit_ids_in_bbox(self, city: str, bbox: tuple[float, float, float, float]) -> list[str]: ...
    def cities(self) -> list[City]: ...
    def clusters(self) -> list[Cluster]: ...
    def units(self, city: str) -> list[UnitRecord]: ...
    def unit_features(self, city: str, variant: str = "web") -> list[dict[str, Any]]: ...
    def zones(self, city: str) -> list[Zone]: ...
    def groups(self, city: str) -> list[Group]: ...
    def plans(self, city: str | None = None) -> list[PlanEntry]: ...
    def roles(self, city: str, cluster: str | None = None) -> list[Role]: ...
