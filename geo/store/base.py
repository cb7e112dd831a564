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


@dataclass(frozen=True)
class Plan(PlanEntry):
    """A plan with where its original is published (data/plans/plans.csv `url`; empty when unknown)."""

    url: str = ""


STATUSES = ("extracted", "accepted", "edited", "rejected", "added")


@dataclass(frozen=True)
class PlanRole(Role):
    """A role with its plan's issuer, date and URL, so every view and download can cite the plan, and its
    review status: `extracted` (nobody looked yet), `accepted`, `edited`, `rejected` or `added` by an editor."""

    plan_issuer: str = ""
    plan_date: str = ""
    plan_url: str = ""
    status: str = "extracted"
    reviewed_by: str = ""
    reviewed_at: str = ""


PLAN_ROLE_FIELDS = ["plan_issuer", "plan_date", "plan_url"]
REVIEW_FIELDS = ["status", "reviewed_by", "reviewed_at"]


class StoreUnavailable(Exception):
    """The database stopped answering while the app runs: the web layer answers 503 with Retry-After."""


class DatabaseUnreachable(SystemExit):
    """The database cannot be reached at start. A SystemExit so `python -m web` and gunicorn print this one
    line (the URL without its password) instead of a traceback."""


class Store(Protocol):
    """Access to cities, units, plans and roles (the SQL stores also take review decisions: geo.store.review).

    Backends must not parse every unit's geometry at start: `cities()` carries unit counts and bounds,
    and geometry is read per city when first asked for. Reads return the snapshot of one data version;
    `refresh()` (once per request) moves to the newest.
    """

    def version(self) -> str: ...
    def refresh(self) -> str: ...
    def unit_ids_in_bbox(self, city: str, bbox: tuple[float, float, float, float]) -> list[str]: ...

    def cities(self) -> list[City]:
        """Every city of the catalogue (all prefecture-level cities of China), with counts and bounds."""
        ...

    def clusters(self) -> list[Cluster]: ...
    def units(self, city: str) -> list[UnitRecord]: ...
    def unit_features(self, city: str, variant: str = "web") -> list[dict[str, Any]]: ...

    def unit_bytes(self, city: str, variant: str = "web") -> bytes:
        """The city's units as an RFC 7946 FeatureCollection in UTF-8, prepared once and served as is.
        `full` falls back to `web` for cities without a full-resolution file (City.full_resolution)."""
        ...

    def outline_bytes(self) -> bytes:
        """China's provinces as an RFC 7946 FeatureCollection (coarse), the backdrop of the national views."""
        ...

    def zones(self, city: str) -> list[Zone]: ...
    def groups(self, city: str) -> list[Group]: ...
    def plans(self, city: str | None = None) -> list[PlanEntry]:
        """Plans (one per section of a corpus file); FileStore returns `Plan`, which adds `url`."""
        ...

    def roles(self, city: str | None, cluster: str | None = None, include_rejected: bool = False) -> list[Role]:
        """Roles of a city (every city when None), as reviewed: what public maps and downloads show leaves
        out rejected roles unless asked. FileStore returns `PlanRole`, which adds the plan's issuer, date
        and URL (and no review: its roles are all `extracted`)."""
        ...
