"""The file-backed store: the committed files in data/ read once into memory."""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, Callable, TypeVar

from geo import paths
from geo.extract.roles import Role
from geo.extract.roles import read_csv as read_roles
from geo.ingest.plans import PlanEntry, read_entries
from geo.reference.clusters import Cluster, load_clusters
from geo.reference.units import City, load_cities
from geo.reference.zones import Group, Zone, load_groups, load_zones
from geo.store.base import UnitRecord
from geo.store.zones import zones_with_unlisted

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


class FileStore:
    """Everything in memory, read once from a data directory laid out like data/."""

    def __init__(self, data_dir: Path = paths.DATA_DIR):
        self.data_dir = data_dir
        self._cities = _load(data_dir / "cities.csv", load_cities)
        self._clusters = _load(data_dir / "clusters.csv", load_clusters)
        self._features = {
            "full": _load(data_dir / "districts.geojson", self._read_features),
            "web": _load(data_dir / "districts.web.geojson", self._read_features),
        }
        self._units = _load(data_dir / "districts.geojson", lambda _: [UnitRecord(**f["properties"]) for f in self._features["full"]])
        self._zones = _load(data_dir / "zones.csv", load_zones)
        self._groups = _load(data_dir / "groups.csv", load_groups)
        self._plans = _load(data_dir / "plan_sections.csv", read_entries)
        self._roles = _load(data_dir / "roles.csv", read_roles)

    @staticmethod
    def _read_features(path: Path) -> list[dict[str, Any]]:
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
        if not isinstance(features, list):
            raise ValueError("'features' is not a list")
        return features

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
