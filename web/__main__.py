"""Run the service: python -m web [--host H] [--port N] [--workers W] [--dev];
manage accounts: python -m web user add|list|role|password|activate|deactivate|token|tokens|revoke ….

By default gunicorn serves it: W worker processes forked from one app loaded here, so the data is read
once and a bad data file stops start-up before any worker exists. --dev runs Flask's development server
with the reloader instead, for editing code.
"""
from __future__ import annotations

import argparse
import sys

from flask import Flask

from geo.store.files import DataFileError
from web import create_app


def load_app() -> Flask:
    """The app on its data; a missing or corrupt data file is one line on stderr and exit status 1."""
    try:
        return create_app()
    except DataFileError as err:
        print(f"python -m web: cannot start: data file {err}", file=sys.stderr)
        raise SystemExit(1) from None


def serve(app: Flask, host: str, port: int, workers: int) -> None:
    """gunicorn with threaded workers: keep-alive and slow clients do not hold a whole process."""
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def load_config(self) -> None:
            settings = {
                "bind": f"{host}:{port}", "workers": workers, "worker_class": "gthread", "threads": 4,
                # Newer gunicorn opens a control socket at one fixed path per user; several servers would share it.
                "control_socket_disable": True,
            }
            for key, value in settings.items():
                if key in self.cfg.settings:
                    self.cfg.set(key, value)

        def load(self) -> Flask:
            return app

    Server().run()


def main() -> None:
    if sys.argv[1:2] == ["user"]:
        from web.users_cli import main as users

        raise SystemExit(users(sys.argv[2:]))
    parser = argparse.ArgumentParser(prog="python -m web")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    parser.add_argument("--dev", action="store_true", help="Flask's development server with the reloader")
    args = parser.parse_args()
    app = load_app()
    if args.dev:
        app.run(host=args.host, port=args.port, use_reloader=True)
    else:
        serve(app, args.host, args.port, args.workers)


main()
