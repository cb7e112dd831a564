"""The ceiling of the 304 row in bench/load.py: a bare WSGI app (no Flask, no store) that answers every
request with the 304 the real app sent, headers as recorded in the JSON file BENCH_304. Under the same
gunicorn settings it shows what any app can reach for a 304 against the minimal app's 200."""
from __future__ import annotations

import json
import os
from typing import Callable, Iterable

with open(os.environ["BENCH_304"], encoding="utf-8") as f:
    HEADERS: list[tuple[str, str]] = [(k, v) for k, v in json.load(f) if k.lower() not in ("content-length", "connection", "date", "server")]


def app(environ: dict, start_response: Callable) -> Iterable[bytes]:  # type: ignore[type-arg]
    start_response("304 NOT MODIFIED", HEADERS)
    return []
