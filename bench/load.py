"""Throughput under gunicorn (2 workers) for a cluster layer and an embed page, with a bounded load
generator on 127.0.0.1, plus payload sizes raw / gzip / brotli.

Run: python bench/load.py [--requests N] [--concurrency C] [--seconds S]
The load generator shares the machine's 2 cores with the server: figures are a floor, compare ratios.
"""
from __future__ import annotations

import argparse
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {
    "cluster layer": "/api/v1/layers/shenzhen/smart-terminals.geojson",
    "embed page": "/embed/shenzhen/smart-terminals",
    "map data (page fetch)": "/api/v1/map/shenzhen/smart-terminals.json",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(port: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", "--preload", "--log-level", "warning", "web:create_app()"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("gunicorn did not start")


def fetch(port: int, path: str, encoding: str) -> tuple[int, int]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers={"Accept-Encoding": encoding})
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, len(body)


def load(port: int, path: str, total: int, concurrency: int, seconds: float, encoding: str) -> dict[str, float]:
    """At most `total` requests and `seconds` of wall time, over keep-alive connections."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds
    per_worker = total // concurrency

    def worker() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        for _ in range(per_worker):
            if time.perf_counter() > stop_at:
                break
            t0 = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Accept-Encoding": encoding})
                resp = conn.getresponse()
                resp.read()
                ok = resp.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            with lock:
                latencies.append(time.perf_counter() - t0)
                errors += not ok
        conn.close()

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    latencies.sort()
    pick = lambda q: 1000 * latencies[min(len(latencies) - 1, int(q * len(latencies)))]  # noqa: E731
    return {"n": len(latencies), "errors": errors, "rps": len(latencies) / elapsed, "p50": pick(0.5), "p90": pick(0.9), "p99": pick(0.99), "mean": 1000 * statistics.fmean(latencies)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    port = free_port()
    proc = start_gunicorn(port)
    try:
        for name, path in TARGETS.items():
            sizes = {enc: fetch(port, path, enc)[1] for enc in ("identity", "gzip", "br")}
            print(f"{name} {path}: {sizes['identity'] / 1024:.1f} KiB raw, {sizes['gzip'] / 1024:.1f} KiB gzip, {sizes['br'] / 1024:.1f} KiB br")
            load(port, path, 200, args.concurrency, 5, "br")  # warm both workers' caches
            for enc in ("br", "identity"):
                runs = [load(port, path, args.requests, args.concurrency, args.seconds, enc) for _ in range(3)]
                r = sorted(runs, key=lambda x: x["rps"])[1]
                print(f"  {enc:8s} median of 3 runs: {r['rps']:.0f} req/s, p50 {r['p50']:.1f} ms, p90 {r['p90']:.1f} ms, p99 {r['p99']:.1f} ms, {r['n']} requests, {r['errors']} errors (concurrency {args.concurrency})")
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)


if __name__ == "__main__":
    main()
