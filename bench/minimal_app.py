"""The baseline for bench/load.py: a minimal Flask app answering each path with bytes held in memory.

It serves exactly what the real app answered (body, type, encoding, filename), loaded from the pickle
named by BENCH_BODIES, so the ratio measures only what the real app adds per request.
"""
from __future__ import annotations

import os
import pickle

from flask import Flask, Response, request

with open(os.environ["BENCH_BODIES"], "rb") as f:
    BODIES: dict[str, tuple[dict[str, str], bytes]] = pickle.load(f)

app = Flask(__name__)


@app.get("/<path:_>")
def serve(_: str) -> Response:
    headers, body = BODIES[request.full_path.removesuffix("?")]
    return Response(body, headers=headers)
