"""Several app processes over one PostGIS, whichever backend the rest of the suite runs on."""
from __future__ import annotations

import threading
import time
from collections import Counter
from typing import Iterator

import pytest

from geo.store.loader import read_dataset
from geo.store.review import Reviewer
from tests.dbserver import AppProcess, PgCluster, wait_for
from web import create_app

ROLES = "/api/v1/roles.csv?city=shenzhen"


@pytest.fixture()
def own_cluster() -> Iterator[PgCluster]:
    """A cluster of this test's own, since the test stops and starts it."""
    cluster = PgCluster()
    yield cluster
    cluster.destroy()


def test_a_change_made_through_one_process_is_served_by_the_other(pg_cluster, hostile_data):
    url = pg_cluster.create_database("two_processes")
    one = create_app({"DATABASE_URL": url})
    other = AppProcess(url, workers=2)
    try:
        status, headers, body = other.get(ROLES)
        assert status == 200 and "onerror" not in body.decode()
        assert one.test_client().get(ROLES).headers["ETag"] == headers["ETag"]
        one.extensions["atlas.store"].load(read_dataset(hostile_data))
        for _ in range(6):  # both workers, each at its next request
            status, after, body = other.get(ROLES, {"If-None-Match": headers["ETag"]})
            assert status == 200 and "onerror=alert(1)" in body.decode()
            assert after["ETag"] == one.test_client().get(ROLES).headers["ETag"] != headers["ETag"]
    finally:
        other.stop()


def test_an_edit_through_one_process_is_served_by_the_other(pg_cluster):
    """A planner's correction of one role phrase, committed through one app's store, is what the other serves."""
    url = pg_cluster.create_database("edits")
    one = create_app({"DATABASE_URL": url})
    other = AppProcess(url, workers=2)
    path = "/api/v1/layers/shenzhen/smart-terminals.geojson"
    try:
        status, headers, body = other.get(path)
        assert status == 200 and "源头创新+高端制造区" in body.decode()
        st = one.extensions["atlas.store"]
        reviewer = Reviewer(st, "planner")
        for r in st.roles("深圳市", "智能终端"):
            if r.role == "源头创新+高端制造区":
                reviewer.review(r.role_id, "edit", {"role": "源头创新+高端制造+总部集聚区"})
        for _ in range(4):
            status, after, body = other.get(path, {"If-None-Match": headers["ETag"]})
            assert status == 200 and "源头创新+高端制造+总部集聚区" in body.decode() and after["ETag"] != headers["ETag"]
    finally:
        other.stop()


def test_database_stopped_under_load_gives_503_then_recovers(own_cluster):
    app = AppProcess(own_cluster.create_database("faults"), workers=2)
    statuses: list[tuple[float, int, str | None]] = []
    stop = threading.Event()

    def hammer(path: str) -> None:
        while not stop.is_set():
            try:
                status, headers, _ = app.get(path)
            except OSError:
                status, headers = 0, {}
            statuses.append((time.monotonic(), status, headers.get("Retry-After")))
            time.sleep(0.01)

    threads = [threading.Thread(target=hammer, args=(p,)) for p in (ROLES, "/api/v1/layers/shenzhen/smart-terminals.geojson", "/ogc/collections")]
    try:
        for t in threads:
            t.start()
        time.sleep(1.0)
        own_cluster.stop()
        stopped = time.monotonic()
        time.sleep(2.0)
        restarting = time.monotonic()
        own_cluster.start()
        started = time.monotonic()
        wait_for(lambda: any(s == 200 and t > started for t, s, _ in statuses), 30)
        time.sleep(1.5)
    finally:
        stop.set()
        for t in threads:
            t.join()
        app.stop()
    counts = Counter(s for _, s, _ in statuses)
    assert 500 not in counts and 0 not in counts, counts
    down = [(s, retry) for t, s, retry in statuses if stopped + 0.5 < t < restarting]
    assert down and all(s == 503 and retry for s, retry in down), Counter(down)
    last = [s for t, s, _ in statuses][-10:]
    assert last == [200] * 10
    assert any(s == 200 for t, s, _ in statuses if t < stopped)
