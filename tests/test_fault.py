"""A worker killed under load: `python -m web --workers 2` (gunicorn -w 2) on 127.0.0.1, 30 s of bounded
load, one worker killed with SIGKILL after 10 s; no request may fail.

The load generator behaves like a browser or an HTTP library: a GET whose connection the server closed
or reset is sent once more on a new connection (the killed worker's open connections die with it). A request
fails if that second try fails too, or if any answer is not 200. Figures are printed; speed is not tested.
"""
from __future__ import annotations

import http.client
import os
import signal
import threading
import time

from test_startup import free_port, start, stop, wait_for, workers

URLS = [
    "/api/v1/layers/shenzhen/smart-terminals.geojson",
    "/embed/shenzhen/smart-terminals",
    "/map/shenzhen/smart-terminals",
    "/api/v1/map/shenzhen/smart-terminals.json",
    "/api/v1/roles.csv?city=shenzhen",
]
SECONDS = 30
KILL_AT = 10
CLIENTS = 4


def test_a_killed_worker_loses_no_request():
    port = free_port()
    proc = start(port, None, "--workers", "2")
    counts = {"requests": 0, "retried": 0, "failed": 0}
    failures: list[str] = []
    lock = threading.Lock()
    try:
        wait_for(port, proc)
        before = workers(proc.pid)
        stop_at = time.monotonic() + SECONDS

        def client(n: int) -> None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
            i = n
            while time.monotonic() < stop_at:
                url = URLS[i % len(URLS)]
                i += 1
                for attempt in (1, 2):
                    try:
                        conn.request("GET", url, headers={"Accept-Encoding": "br"})
                        resp = conn.getresponse()
                        resp.read()
                        ok, why = resp.status == 200, f"{url}: {resp.status}"
                        break
                    except (OSError, http.client.HTTPException) as err:
                        conn.close()
                        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
                        ok, why = False, f"{url}: {type(err).__name__} {err}"
                        if attempt == 1:
                            with lock:
                                counts["retried"] += 1
                with lock:
                    counts["requests"] += 1
                    if not ok:
                        counts["failed"] += 1
                        failures.append(why)
            conn.close()

        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        started = time.monotonic()
        for t in threads:
            t.start()
        time.sleep(KILL_AT)
        os.kill(before[0], signal.SIGKILL)
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        after = workers(proc.pid)
    finally:
        stop(proc)
    print(f"\nfault test: {counts['requests']} requests in {elapsed:.1f} s, worker {before[0]} killed at {KILL_AT} s, "
          f"{counts['retried']} resent on a new connection, {counts['failed']} failed; workers after: {after}")
    assert failures == []
    assert counts["requests"] >= 100
    assert before[0] not in after and len(after) == 2, "gunicorn did not replace the killed worker"
