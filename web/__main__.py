"""Run the service on the bundled data: python -m web [--host H] [--port N]."""
from __future__ import annotations

import argparse

from web import create_app


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m web")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    create_app().run(host=args.host, port=args.port)


main()
