"""Throughput of the app against a minimal Flask app serving the very same bytes from memory, side by side
in one run under the same gunicorn settings, with wrk as the load generator; plus worker memory and the
time from start to the first 200.

Run: python bench/load.py [--backends sqlite,postgis,postgis4] [--seconds 4] [--runs 3] [--root DIR]
`postgis` and `postgis4` start a throwaway PostgreSQL cluster (as the postgres user when run as root);
`postgis4` runs 4 app processes over it. `--root` measures another checkout of the app (e.g. the code
before a change, unpacked with `git archive`); the bench itself and the baseline stay these.
The 304 row is followed by its ceiling: a bare WSGI app (bench/bare304_app.py) answering the very same 304 with
no Flask and no store, against the minimal app's 200, under the same gunicorn settings.
Figures are medians of `--runs` alternating runs; the machine's cores are shared by generator and
servers, so compare ratios, not absolute numbers. Needs wrk (Debian: apt-get install wrk).
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGETS = {
    "layer download": ("/api/v1/layers/shenzhen/smart-terminals.geojson", False),
    "layer 304": ("/api/v1/layers/shenzhen/smart-terminals.geojson", True),
    "districts 重庆": ("/api/v1/districts.geojson?city=chongqing", False),
    "roles.csv": ("/api/v1/roles.csv?city=shenzhen", False),
    "map data": ("/api/v1/map/shenzhen/smart-terminals.json", False),
}
ENCODING = "br"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port: int, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def start(app: str, cwd: Path, workers: int, env: dict[str, str], probe: str = "/api/v1/cities",
          ready: int = 200) -> tuple[subprocess.Popen, int, float]:
    """gunicorn --preload; returns the process, its port and seconds from start to the first `ready` answer
    (200, or 304 for the bare 304 app) on `probe`."""
    port = free_port()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}", "--preload", "--log-level", "warning", app],
        cwd=cwd, env={**os.environ, "PYTHONPATH": str(cwd), **env},
    )
    while time.perf_counter() - t0 < 120:
        try:
            if get(port, probe, {})[0] == ready:
                return proc, port, time.perf_counter() - t0
        except OSError:
            time.sleep(0.02)
    proc.kill()
    raise RuntimeError(f"{app} did not start")


def stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)


def worker_memory(proc: subprocess.Popen) -> tuple[float, float]:
    """Mean RSS and PSS (shared pages divided among sharers) of the gunicorn workers, in MiB."""
    kids = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
    rss, pss = [], []
    for pid in kids:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        rss.append(int(re.search(r"^Rss:\s+(\d+)", rollup, re.M).group(1)) / 1024)
        pss.append(int(re.search(r"^Pss:\s+(\d+)", rollup, re.M).group(1)) / 1024)
    return statistics.fmean(rss), statistics.fmean(pss)


def wrk(port: int, path: str, headers: dict[str, str], seconds: float, connections: int) -> tuple[float, float]:
    """Requests per second and p99 latency in ms."""
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--latency"]
    for k, v in headers.items():
        cmd += ["-H", f"{k}: {v}"]
    out = subprocess.run([*cmd, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups()
    p99 = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    if re.search(r"Non-2xx or 3xx responses", out):
        raise RuntimeError(f"errors answering {path}: {out}")
    return rps, p99


def bench_backend(name: str, database_url: str | None, workers: int, app_root: Path, args: argparse.Namespace) -> list[str]:
    env = {"ATLAS_DATABASE_URL": database_url} if database_url else {}
    proc, port, _ = start("web:create_app()", app_root, workers, env)  # first start creates and loads the database
    stop(proc)
    proc, port, first_200 = start("web:create_app()", app_root, workers, env)
    bodies: dict[str, tuple[dict[str, str], bytes]] = {}
    etags: dict[str, str] = {}
    for label, (path, _) in TARGETS.items():
        status, headers, body = get(port, path, {"Accept-Encoding": ENCODING})
        assert status == 200, (label, status)
        keep = {k: v for k, v in headers.items() if k.lower() in ("content-type", "content-encoding", "content-disposition")}
        bodies[path] = (keep, body)
        etags[path] = headers["ETag"]
    with tempfile.NamedTemporaryFile(suffix=".pickle", delete=False) as f:
        pickle.dump(bodies, f)
    base, base_port, _ = start("bench.minimal_app:app", ROOT, workers, {"BENCH_BODIES": f.name}, next(iter(bodies)))
    conditional_path = next(path for path, conditional in TARGETS.values() if conditional)
    status_304, answer_304, _ = get(port, conditional_path, {"Accept-Encoding": ENCODING, "If-None-Match": etags[conditional_path]})
    assert status_304 == 304, status_304
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as h:
        json.dump(list(answer_304.items()), h)
    bare, bare_port, _ = start("bench.bare304_app:app", ROOT, workers, {"BENCH_304": h.name}, conditional_path, ready=304)
    lines = [f"### {name}: gunicorn -w {workers} --preload, wrk -c{args.connections}, {args.seconds:g} s × {args.runs} runs, Accept-Encoding: {ENCODING}",
             "", "| request | app req/s | minimal app req/s | ratio | app p99 ms | minimal p99 ms |", "|---|---|---|---|---|---|"]
    try:
        for label, (path, conditional) in TARGETS.items():
            headers = {"Accept-Encoding": ENCODING, **({"If-None-Match": etags[path]} if conditional else {})}
            assert get(port, path, headers)[0] == (304 if conditional else 200), label  # wrk counts any 3xx as success
            wrk(port, path, headers, 1, args.connections)  # every worker prepares its bytes before measuring
            o, t = side_by_side(port, base_port, path, headers, args)
            lines.append(f"| {label} | {o[0]:.0f} | {t[0]:.0f} | {o[0] / t[0]:.2f}× | {o[1]:.1f} | {t[1]:.1f} |")
            print(lines[-1], flush=True)
            if conditional:
                ceiling = ceiling_row(bare_port, base_port, path, headers, args)
                lines.append(ceiling)
                print(ceiling, flush=True)
        rss, pss = worker_memory(proc)
        brss, bpss = worker_memory(base)
        lines += ["", f"worker memory: app RSS {rss:.0f} MiB (PSS {pss:.0f}), minimal app RSS {brss:.0f} MiB (PSS {bpss:.0f}); "
                      f"start to first 200: {first_200:.2f} s"]
    finally:
        stop(bare)
        stop(base)
        stop(proc)
        os.unlink(f.name)
        os.unlink(h.name)
    return lines


def side_by_side(port: int, base_port: int, path: str, headers: dict[str, str], args: argparse.Namespace) -> tuple[tuple[float, float], tuple[float, float]]:
    """(req/s, p99 ms) medians of `port` with `headers` and of the minimal app's plain 200, runs alternated."""
    ours, theirs = [], []
    for _ in range(args.runs):
        ours.append(wrk(port, path, headers, args.seconds, args.connections))
        theirs.append(wrk(base_port, path, {"Accept-Encoding": ENCODING}, args.seconds, args.connections))
    def medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
        return statistics.median(r for r, _ in runs), statistics.median(p for _, p in runs)

    return medians(ours), medians(theirs)


def ceiling_row(bare_port: int, base_port: int, path: str, headers: dict[str, str], args: argparse.Namespace) -> str:
    """What a 304 can reach at all here: the bare app's 304s against the minimal app's 200s, alternated."""
    wrk(bare_port, path, headers, 1, args.connections)
    b, t = side_by_side(bare_port, base_port, path, headers, args)
    return f"| (ceiling: a bare WSGI 304, no Flask, no store) | {b[0]:.0f} | {t[0]:.0f} | {b[0] / t[0]:.2f}× | {b[1]:.1f} | {t[1]:.1f} |"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backends", default="sqlite,postgis,postgis4")
    parser.add_argument("--seconds", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout of the app to measure")
    args = parser.parse_args()
    report: list[str] = []
    cluster = None
    try:
        for backend in args.backends.split(","):
            if backend == "sqlite":
                url = f"sqlite:///{tempfile.mkdtemp(prefix='atlas-bench-')}/atlas.sqlite3"
                report += bench_backend("SQLite", url, 2, args.root, args) + [""]
            else:
                if cluster is None:
                    from tests.dbserver import PgCluster

                    cluster = PgCluster()
                workers = 4 if backend == "postgis4" else 2
                url = cluster.create_database(f"bench{workers}")
                report += bench_backend(f"PostGIS, {workers} app processes", url, workers, args.root, args) + [""]
    finally:
        if cluster is not None:
            cluster.destroy()
    print("\n".join(report))


if __name__ == "__main__":
    main()
