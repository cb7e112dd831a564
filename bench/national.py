"""Start-up time, worker memory and explorer page weight, before and after the national units.

Run: python bench/national.py [--repeat N] [--before DIR]. Start-up and memory come from fresh Python processes that
build the app (what a gunicorn worker does at boot); page weight from Debian's Chromium loading the
explorer against the real server on 127.0.0.1 (every response body, no tiles). Medians; compare ratios.
"""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import statistics
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CITIES = ["shenzhen", "chongqing", "chengdu"]
PROBE = """
import json, resource, sys, time
t0 = time.perf_counter()
from web import create_app
app = create_app()
boot = time.perf_counter() - t0
rss_boot = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
client = app.test_client()
for slug in sys.argv[1:]:
    client.get(f"/map/{slug}", follow_redirects=True)
    client.get(f"/api/v1/districts.geojson?city={slug}")
rss_served = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from geo.store.files import FileStore
t1 = time.perf_counter()
FileStore()  # timed last: a second store must not count in the peaks above
store_load = time.perf_counter() - t1
print(json.dumps({"boot": boot, "store": store_load, "rss_boot": rss_boot, "rss_served": rss_served}))
"""


def probe(tree: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", PROBE, *CITIES], cwd=tree, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def startup(repeat: int, before: Path | None) -> None:
    """Fresh processes; with --before, the two trees alternate so both see the same machine load."""
    trees = ([("before", before)] if before else []) + [("this tree", ROOT)]
    runs: dict[str, list[dict[str, float]]] = {name: [] for name, _ in trees}
    for _ in range(repeat):
        for name, tree in trees:
            runs[name].append(probe(tree))
    meds = {}
    for name, _ in trees:
        med = meds[name] = {k: statistics.median(r[k] for r in runs[name]) for k in runs[name][0]}
        print(f"[{name}] start-up (import web + create_app): median {1000 * med['boot']:.0f} ms over {repeat} fresh processes")
        print(f"[{name}]   of which the store reading data/ (FileStore(), imports warm): median {1000 * med['store']:.1f} ms")
        print(f"[{name}] worker memory (max RSS): after start {med['rss_boot'] / 1024:.0f} MiB; after serving {', '.join(CITIES)} {med['rss_served'] / 1024:.0f} MiB")
    if before:
        b, a = meds["before"], meds["this tree"]
        print(f"ratios this/before: start-up {a['boot'] / b['boot']:.2f}, store {a['store'] / b['store']:.2f}, RSS after start {a['rss_boot'] / b['rss_boot']:.2f}, after serving {a['rss_served'] / b['rss_served']:.2f}")


SWEEP = """
import json, resource, time
from web import create_app
app = create_app()
client = app.test_client()
slugs = [c["slug"] for c in client.get("/api/v1/cities").get_json()]
t0 = time.perf_counter()
for slug in slugs:
    assert client.get(f"/map/{slug}", follow_redirects=True).status_code == 200
    assert client.get(f"/api/v1/districts.geojson?city={slug}").status_code == 200
print(json.dumps({"n": len(slugs), "seconds": time.perf_counter() - t0, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def sweep() -> None:
    """Every city's explorer and units once in one worker: memory stays bounded by the city cache."""
    out = subprocess.run([sys.executable, "-c", SWEEP], cwd=ROOT, capture_output=True, text=True, check=True)
    r = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"every city once ({r['n']} explorer pages + unit files) in one worker: {r['seconds']:.1f} s, max RSS {r['rss'] / 1024:.0f} MiB")


def page_weight(repeat: int) -> None:
    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    from web import create_app

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = make_server("127.0.0.1", 0, create_app(), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        for slug in CITIES:
            raw, gz, count = [], [], 0
            for _ in range(repeat):
                ctx = browser.new_context(viewport={"width": 1280, "height": 800})
                page = ctx.new_page()
                bodies: list[bytes] = []
                page.on("response", lambda r: bodies.append(r.body()) if r.ok else None)
                resp = page.goto(f"{base}/map/{slug}")
                if not resp or not resp.ok:
                    print(f"/map/{slug}: HTTP {resp.status if resp else '?'} (city not served)")
                    ctx.close()
                    break
                page.wait_for_selector("body[data-ready=true]")
                page.wait_for_load_state("networkidle")
                raw.append(sum(len(b) for b in bodies))
                gz.append(sum(len(gzip.compress(b, 6)) for b in bodies))
                count = len(bodies)
                ctx.close()
            if raw:
                print(f"/map/{slug}: {count} responses, median {statistics.median(raw) / 1024:.0f} KiB raw, {statistics.median(gz) / 1024:.0f} KiB gzip-6 over {repeat} loads (no tiles)")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--before", type=Path, help="another checkout (e.g. git archive of the base commit) to alternate with")
    args = parser.parse_args()
    startup(args.repeat, args.before)
    sweep()
    page_weight(3)
