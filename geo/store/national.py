"""Views across cities: one cluster over the whole country, and a search over cities, units, zones and clusters."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from geo.extract.categories import strongest
from geo.reference import gazetteer
from geo.reference.clusters import Cluster, lineage
from geo.reference.units import City, load_units
from geo.store.base import Store
from geo.store.exports import layer_properties
from geo.store.layers import role_dict, role_matches
from geo.store.lookup import unit_slug


def cluster_slug_of(name: str, clusters: list[Cluster]) -> str | None:
    """The taxonomy slug of a cluster as a plan names it (its name or one of its aliases)."""
    for c in clusters:
        if name == c.name or name in c.aliases:
            return c.slug
    return None


def in_cluster(role_cluster: str, slug: str, clusters: list[Cluster]) -> bool:
    """A role belongs to the national view of `slug` when `slug` is in its cluster's lineage, so a field
    gathers its clusters (集成电路 under 半导体与集成电路) and one cluster matches across cities."""
    own = cluster_slug_of(role_cluster, clusters)
    return own is not None and slug in lineage(own, clusters)


def cluster_features(store: Store, cluster: Cluster, function: str | None) -> list[dict[str, Any]]:
    """One feature per unit that has a role in the cluster, in every city; web-variant geometry (this
    is a national overview), the layer fields of a city layer."""
    clusters = store.clusters()
    by_city: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for r in store.roles(None):
        if in_cluster(r.cluster, cluster.slug, clusters) and role_matches(r, function):
            by_city[r.city][r.district_id].append(role_dict(r))
    out = []
    for city in store.cities():
        roles = by_city.get(city.name)
        if not roles:
            continue
        records = {u.id: u for u in store.units(city.name)}
        for f in store.unit_features(city.name, "web"):
            uid = f["properties"]["id"]
            rs = roles.get(uid)
            if not rs:
                continue
            u = records[uid]
            props = layer_properties(u, cluster, rs, strongest(r["category"] for r in rs))
            out.append({"type": "Feature", "properties": props, "geometry": f["geometry"]})
    return out


def national_clusters(store: Store) -> list[tuple[Cluster, int, int]]:
    """Clusters with at least one role anywhere: (cluster, cities, roles), in taxonomy order."""
    clusters = store.clusters()
    cities: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for r in store.roles(None):
        own = cluster_slug_of(r.cluster, clusters)
        for slug in lineage(own, clusters) if own else []:
            cities[slug].add(r.city)
            counts[slug] += 1
    return [(c, len(cities[c.slug]), counts[c.slug]) for c in clusters if counts[c.slug]]


@dataclass(frozen=True)
class Hit:
    """One search result: what it is, its name, where it lies, and the page that shows it."""

    kind: str  # city | district | zone | cluster
    name: str
    context: str
    url: str


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[gazetteer.GazetteerEntry, ...]:
    """Read once per process: the search runs over it on every query."""
    return tuple(gazetteer.load())


def search(store: Store, query: str, limit: int = 40) -> list[Hit]:
    """Names that contain the query (Chinese, slug or English), best first: exact, then prefix, then inside.
    Units come from the gazetteer, so no unit file is read."""
    q = query.strip().lower()
    if not q:
        return []
    cities = {c.name: c for c in store.cities()}
    hand = {(s.city, s.name): s for s in load_units()}
    candidates: list[tuple[tuple[str, ...], Hit]] = []
    for c in cities.values():
        candidates.append(((c.name, c.slug, c.name_en.lower()), Hit("city", c.name, c.province, f"/map/{c.slug}")))
    for e in _gazetteer():
        city = cities.get(e.city)
        if city:
            spec = hand.get((e.city, e.name))
            uid = spec.id if spec else e.adcode
            english = (spec.name_en.lower(), unit_slug(uid)) if spec else ()
            candidates.append(((e.name, *e.aliases, *english), Hit("district", e.name, e.city, f"/district/{city.slug}/{unit_slug(uid)}")))
    for s in hand.values():
        if s.derived and s.city in cities:
            candidates.append(((s.name, *s.aliases, s.name_en.lower(), unit_slug(s.id)), Hit("district", s.name, s.city, f"/district/{cities[s.city].slug}/{unit_slug(s.id)}")))
    for city in cities.values():
        for z in store.zones(city.name):
            candidates.append(((z.name, *z.aliases), Hit("zone", z.name, city.name, f"/district/{city.slug}/{unit_slug(z.id)}")))
    for cl in store.clusters():
        if cl.slug != "general":
            candidates.append(((cl.name, cl.slug, cl.name_en.lower(), *cl.aliases), Hit("cluster", cl.name, cl.name_en, f"/cluster/{cl.slug}")))
    ranked = []
    for keys, hit in candidates:
        keys = tuple(k.lower() for k in keys if k)
        rank = 0 if q in keys else 1 if any(k.startswith(q) for k in keys) else 2 if any(q in k for k in keys) else None
        if rank is not None:
            ranked.append((rank, len(hit.name), hit))
    ranked.sort(key=lambda t: (t[0], t[1]))
    return [h for _, _, h in ranked[:limit]]


def plan_counts(store: Store) -> dict[str, tuple[int, int]]:
    """(plans, roles) per city that has plans."""
    plans: dict[str, int] = defaultdict(int)
    roles: dict[str, int] = defaultdict(int)
    for p in store.plans():
        plans[p.city] += 1
    for r in store.roles(None):
        roles[r.city] += 1
    return {c: (n, roles[c]) for c, n in plans.items()}


def cities_with_plans(store: Store) -> list[tuple[City, int, int]]:
    counts = plan_counts(store)
    return [(c, *counts[c.name]) for c in store.cities() if c.name in counts]

