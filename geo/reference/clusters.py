"""The cluster taxonomy (data/clusters.csv): names plans use, aliases, parents, slugs and English names.

One row per cluster. `level` is `field` for the nine fields of the national strategic emerging
industries classification (国家战略性新兴产业分类 2018), `cluster` for the clusters plans name, and
`general` for the `*` of plans that lay out no single cluster. `parent` is the slug of the broader
cluster, so a national view can gather 集成电路 and 半导体与集成电路 under one field.
"""
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
    parent: str = ""
    aliases: tuple[str, ...] = ()
    level: str = "cluster"


def load_clusters(path: Path = paths.CLUSTERS) -> list[Cluster]:
    with path.open(encoding="utf-8", newline="") as f:
        return [
            Cluster(
                r["cluster"], r["slug"], r["cluster_en"], r.get("parent") or "",
                tuple(a for a in (r.get("aliases") or "").split("|") if a), r.get("level") or "cluster",
            )
            for r in csv.DictReader(f)
        ]


def lineage(slug: str, clusters: list[Cluster]) -> list[str]:
    """The slug and its ancestors' slugs, nearest first (a national view of a field includes its clusters)."""
    by_slug = {c.slug: c for c in clusters}
    out: list[str] = []
    while slug in by_slug and slug not in out:
        out.append(slug)
        slug = by_slug[slug].parent
    return out


def fallback_slug(name: str) -> str:
    """A stable ASCII slug for a cluster that clusters.csv does not list yet."""
    return "cluster-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
