"""Response bodies prepared once per data version: the bytes, their gzip and brotli variants, and an ETag.

The ETag is derived from the data version and the resource key, not hashed from the body, so every process
over the same database computes the same tag without reading the body, and a 304 costs a dict lookup.
"""
from __future__ import annotations

import gzip
import hashlib
import threading
from dataclasses import dataclass, field
from typing import Callable, Hashable

import brotli

MIN_COMPRESS = 512


@dataclass
class Prepared:
    """One resource at one data version."""

    body: bytes
    mimetype: str
    etag: str
    compressible: bool
    _variants: dict[str, bytes] = field(default_factory=dict)

    def encoded(self, encoding: str | None) -> bytes:
        """The body in `encoding` (br, gzip or None), compressed on first use and kept."""
        if encoding is None or not self.compressible:
            return self.body
        if encoding not in self._variants:
            self._variants[encoding] = (
                brotli.compress(self.body, quality=5) if encoding == "br" else gzip.compress(self.body, 6, mtime=0)
            )
        return self._variants[encoding]


def etag_for(version: str, key: Hashable) -> str:
    """Stable across processes: a hash of the version and the key's repr."""
    return hashlib.sha1(f"{version}|{key!r}".encode()).hexdigest()[:20]


class PreparedCache:
    """Prepared resources per data version; only the two newest versions are kept (a request that started
    on the previous version still finishes on it)."""

    def __init__(self, max_entries: int = 2048):
        self.max_entries = max_entries
        self._versions: dict[str, dict[Hashable, Prepared]] = {}
        self._lock = threading.Lock()

    def get(self, version: str, key: Hashable, build: Callable[[], bytes], mimetype: str, compressible: bool) -> Prepared:
        items = self._versions.get(version)
        if items is None:
            with self._lock:
                items = self._versions.setdefault(version, {})
                while len(self._versions) > 2:
                    del self._versions[next(iter(self._versions))]
        item = items.get(key)
        if item is None:
            body = build()
            item = Prepared(body, mimetype, etag_for(version, key), compressible and len(body) >= MIN_COMPRESS)
            if len(items) >= self.max_entries:
                items.clear()
            items[key] = item
        return item
