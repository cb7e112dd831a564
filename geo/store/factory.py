"""Open the store that ATLAS_DATABASE_URL names, migrate it, and fill it from data/ when it is new or stale."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from geo import paths
from geo.store.base import DatabaseUnreachable, StoreUnavailable
from geo.store.loader import read_dataset, source_fingerprint
from geo.store.sql import SqlStore

DEFAULT_URL = f"sqlite:///{paths.ROOT / 'var' / 'atlas.sqlite3'}"


def database_url(configured: str | None = None) -> str:
    return configured or os.environ.get("ATLAS_DATABASE_URL") or DEFAULT_URL


def redact(url: str) -> str:
    """The URL with its password replaced by ***, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


def open_store(url: str | None = None) -> SqlStore:
    """The backend for the URL scheme: sqlite:///path (relative to the repository root) or postgresql://…"""
    url = database_url(url)
    scheme = urlsplit(url).scheme
    if scheme == "sqlite":
        path = Path(url.removeprefix("sqlite:///"))
        from geo.store.sqlite import SQLiteStore

        return SQLiteStore(path if path.is_absolute() else paths.ROOT / path)
    if scheme in ("postgresql", "postgres"):
        from geo.store.postgis import PostGISStore

        return PostGISStore(url)
    raise ValueError(f"ATLAS_DATABASE_URL must start with sqlite:/// or postgresql://, got {redact(url)}")


def load(store: SqlStore, data_dir: Path = paths.DATA_DIR) -> bool:
    """Fill or refresh the database from the committed files; False when it already holds them."""
    store.migrate()
    return store.load(read_dataset(data_dir))


def start_store(url: str | None = None, data_dir: Path = paths.DATA_DIR) -> SqlStore:
    """What the app runs at start: migrate, load when the database is empty or the files changed since the
    last load (planners' edits survive restarts while the files stay the same), read the first snapshot."""
    store = open_store(url)
    try:
        store.migrate()
        if store.meta("source_fingerprint") != source_fingerprint(data_dir):
            if store.load(read_dataset(data_dir)):
                print(f"atlas: loaded {data_dir} into {store.redacted_url}", file=sys.stderr)
        store.refresh()
    except StoreUnavailable as err:
        raise DatabaseUnreachable(f"error: database unreachable at start: {store.redacted_url}") from err
    store.close()  # the snapshot stays; each (forked) worker opens its own connection on first use
    return store
