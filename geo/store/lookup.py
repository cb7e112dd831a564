"""Resolve what users type in URLs (slugs, Chinese or English names) and suggest close names."""
from __future__ import annotations

import difflib
from functools import lru_cache
from typing import Iterable

from geo.reference.clusters import Cluster, unlisted_cluster
from geo.reference.units import City
from geo.reference.zones import Zone
from geo.store.base import Store, UnitRecord


def _norm(key: str) -> str:
    return key.strip().lower()


def find_city(store: Store, key: str) -> City | None:
    k = _norm(key)
    for c in store.cities():
        if k in {c.slug, c.name, c.name.removesuffix("市"), c.name_en.lower()}:
            return c
    return None


def city_clusters(store: Store, city: str) -> list[Cluster]:
    """Clusters with a plan or a role in the city, in the order of data/clusters.csv; once per data version,
    since every request naming a cluster resolves it through this list."""
    return list(_city_clusters(store, store.version(), city))


@lru_cache(maxsize=256)
def _city_clusters(store: Store, version: str, city: str) -> tuple[Cluster, ...]:
    names = {p.cluster for p in store.plans(city)} | {r.cluster for r in store.roles(city)}
    known = {c.name: c for c in store.clusters()}
    ordered = [c for c in store.clusters() if c.name in names]
    ordered += [unlisted_cluster(n) for n in sorted(names - set(known))]
    # A city without plans still has a map: its units under the general layout, none coloured.
    return tuple(ordered or [c for c in store.clusters() if c.name == "*"])


def find_cluster(store: Store, city: str, key: str) -> Cluster | None:
    k = _norm(key)
    for c in city_clusters(store, city):
        if k in {c.slug, c.name, c.name_en.lower()}:
            return c
    return None


def unit_slug(unit_id: str) -> str:
    """shenzhen-nanshan -> nanshan: the part of an id after the city slug."""
    return unit_id.split("-", 1)[1] if "-" in unit_id else unit_id


def find_place(store: Store, city: City, key: str) -> UnitRecord | Zone | None:
    """A unit or a zone by slug, id, Chinese name or short name."""
    k = _norm(key)
    for u in store.units(city.name):
        short = u.name[:-1] if len(u.name) > 2 and u.name[-1] in "区县" else u.name
        if k in {unit_slug(u.id), u.id, u.name, short, u.name_en.lower()}:
            return u
    for z in store.zones(city.name):
        if k in {unit_slug(z.id), z.id, z.name, *z.aliases}:
            return z
    return None


def suggest(key: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """Closest candidate names, for 404 pages and errors."""
    pool = list(dict.fromkeys(candidates))
    close = difflib.get_close_matches(_norm(key), pool, n=n, cutoff=0.4)
    if len(close) < n:
        overlap = sorted(pool, key=lambda c: -len(set(c) & set(key)))
        close += [c for c in overlap if set(c) & set(key) and c not in close][: n - len(close)]
    return close
