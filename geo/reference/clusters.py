"""Cluster names: Chinese name as plans use it, URL slug and English name (data/clusters.csv)."""
from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from geo import paths


@dataclass(frozen=True)
class Cluster:
    name: str
    slug: str
    name_en: str


def load_clusters(path: Path = paths.CLUSTERS) -> list[Cluster]:
    with path.open(encoding="utf-8", newline="") as f:
        return [Cluster(r["cluster"], r["slug"], r["cluster_en"]) for r in csv.DictReader(f)]


def fallback_slug(name: str) -> str:
    """A stable ASCII slug for a cluster that clusters.csv does not list yet."""
    return "cluster-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
