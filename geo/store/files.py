"""The file-backed store: tables of data/ read at start, each city's unit geometry read when first asked for."""
from __future__ import annotations

import csv
import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from geo import paths
from geo.extract.roles import read_csv as read_roles
from geo.ingest.plans import load_index, read_entries
from geo.reference.clusters import Cluster, load_clusters
from geo.reference.units import City, load_cities, units_path
from geo.reference.zones import Group, Zone, load_groups, load_zones
from geo.store.base import Plan, PlanRole, UnitRecord
from geo.store.zones import zones_with_unlisted

CITY_CACHE = 24  # cities whose unit files stay parsed in a worker; the rest are re-read on demand
T = TypeVar("T")


class DataFileError(Exception):
    """A data file is missing or unreadable; the message is one line naming the file and the problem."""

    def __init__(self, path: Path, problem: str):
        super().__init__(f"{path}: {' '.join(problem.split())}")
        self.path = path


def _load(path: Path, read: Callable[[Path], T]) -> T:
    """`read(path)`, with any failure turned into a DataFileError that names the file."""
    try:
        return read(path)
    except FileNotFoundError:
        raise DataFileError(path, "file not found") from None
    except json.JSONDecodeError as err:
        raise DataFileError(path, f"not valid JSON ({err})") from None
    except UnicodeDecodeError as err:
        raise DataFileError(path, f"not UTF-8 text ({err.reason} at byte {err.start})") from None
    except KeyError as err:
        raise DataFileError(path, f"missing field {err}") from None
    except (OSError, ValueError, TypeError, AttributeError, csv.Error) as err:
        raise DataFileError(path, f"{type(err).__name__}: {err}") from None


def _features_of(raw: bytes) -> list[dict[str, Any]]:
    features = json.loads(raw)["features"]
    if not isinstance(features, list):
        raise ValueError("'features' is not a list")
    return features


class FileStore:
    """Tables in memory; unit geometry per city, as the prepared bytes of its file, on first use."""

    def __init__(self, data_dir: Path = paths.DATA_DIR):
        self.data_dir = data_dir
        self._cities = _load(data_dir / "cities.csv", load_cities)
        self._by_name = {c.name: c for c in self._cities}
        self._clusters = _load(data_dir / "clusters.csv", load_clusters)
        self._zones = _load(data_dir / "zones.csv", load_zones)
        self._groups = _load(data_dir / "groups.csv", load_groups)
        urls = {m.id: m.url for m in _load(data_dir / "plans" / "plans.csv", load_index)}
        self._plans = [Plan(**vars(p), url=urls.get(p.file_id, "")) for p in _load(data_dir / "plan_sections.csv", read_entries)]
        meta = {p.plan_id: p for p in self._plans}
        self._roles = [
            PlanRole(**vars(r), plan_issuer=meta[r.plan_id].issuer, plan_date=meta[r.plan_id].date, plan_url=meta[r.plan_id].url)
            if r.plan_id in meta else PlanRole(**vars(r))
            for r in _load(data_dir / "roles.csv", read_roles)
        ]
        self._bytes = lru_cache(maxsize=CITY_CACHE)(self._read_bytes)
        self._features = lru_cache(maxsize=CITY_CACHE)(self._parse_features)

    def _path(self, city: str, variant: str) -> Path:
        c = self._by_name[city]
        return units_path(self.data_dir, c.slug, "full" if variant == "full" and c.full_resolution else "web")

    def _read_bytes(self, city: str, variant: str) -> bytes:
        path = self._path(city, variant)
        return _load(path, Path.read_bytes)

    def _parse_features(self, city: str, variant: str) -> list[dict[str, Any]]:
        return _load(self._path(city, variant), lambda _: _features_of(self._bytes(city, variant)))

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
        return _load(self.data_dir / "provinces.web.geojson", Path.read_bytes)

    def listed_zones(self) -> list[Zone]:
        """The zones of data/zones.csv, every city."""
        return list(self._zones)

    def zones(self, city: str) -> list[Zone]:
        return zones_with_unlisted(city, self._zones, self._roles, {u.id for u in self.units(city)})

    def groups(self, city: str) -> list[Group]:
        return [g for g in self._groups if g.city == city]

    def plans(self, city: str | None = None) -> list[Plan]:
        return [p for p in self._plans if city is None or p.city == city]

    def roles(self, city: str | None, cluster: str | None = None, include_rejected: bool = False) -> list[PlanRole]:
        return [r for r in self._roles if (city is None or r.city == city) and (cluster is None or r.cluster == cluster)]
