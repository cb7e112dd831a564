"""Map page figures: server time cold and warm, bytes of a full page load (no tiles), time to map paint.

Run: python bench/pages.py. Server times come from the app in-process (no network); page loads from
Debian's Chromium against the real server on 127.0.0.1. Medians over repeats; compare ratios.
"""
from __future__ import annotations

import gzip
import logging
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from werkzeug.serving import make_server  # noqa: E402

from web import create_app  # noqa: E402

PAGES = ["/map/shenzhen/smart-terminals", "/map/chongqing/smart-terminals", "/district/shenzhen/nanshan", "/matrix/shenzhen"]
DATA = ["/api/v1/map/shenzhen/smart-terminals.json", "/api/v1/districts.geojson?city=shenzhen&variant=web"]


def server_times(repeat: int = 50) -> None:
    t0 = time.perf_counter()
    app = create_app()
    print(f"create_app (loads data/): {1000 * (time.perf_counter() - t0):.1f} ms")
    client = app.test_client()
    for url in PAGES + DATA:
        t0 = time.perf_counter()
        assert client.get(url).status_code == 200
        cold = time.perf_counter() - t0
        warm = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            client.get(url)
            warm.append(time.perf_counter() - t0)
        warm.sort()
        print(f"{url:55s} cold {1000 * cold:6.1f} ms  warm median {1000 * statistics.median(warm):5.2f} ms  p90 {1000 * warm[int(0.9 * len(warm))]:5.2f} ms")


def browser_figures(repeat: int = 5) -> None:
    from playwright.sync_api import sync_playwright

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = make_server("127.0.0.1", 0, create_app(), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        for path in PAGES[:2]:
            paints, fcps, raw_sizes, gz_sizes = [], [], [], []
            for _ in range(repeat):
                ctx = browser.new_context(viewport={"width": 1280, "height": 800})
                page = ctx.new_page()
                bodies: list[bytes] = []
                page.on("response", lambda r: bodies.append(r.body()) if r.ok else None)
                page.goto(base + path)
                page.wait_for_selector("body[data-ready=true]")
                page.wait_for_function("performance.getEntriesByName('atlas-map-painted').length > 0")
                paints.append(page.evaluate("performance.getEntriesByName('atlas-map-painted')[0].startTime"))
                fcps.append(page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: NaN}).startTime"))
                raw_sizes.append(sum(len(b) for b in bodies))
                gz_sizes.append(sum(len(gzip.compress(b, 6)) for b in bodies))
                ctx.close()
            print(f"{path}: {len(bodies)} requests, {raw_sizes[-1] / 1024:.0f} KiB raw, {gz_sizes[-1] / 1024:.0f} KiB gzip-6 (no tiles)")
            print(f"  first contentful paint median {statistics.median(fcps):.0f} ms; map painted (styled districts) median {statistics.median(paints):.0f} ms over {repeat} cold loads")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    server_times()
    browser_figures()
