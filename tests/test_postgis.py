"""Several app processes over one PostGIS, whichever backend the rest of the suite runs on."""
from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import datetime
from typing import Iterator

import psycopg
import pytest

from geo.store.loader import read_dataset
from geo.store.review import Reviewer
from tests.dbserver import AppProcess, PgCluster, wait_for
from web import create_app

ROLES = "/api/v1/roles.csv?city=shenzhen"
# A change committed by another process reaches a worker as a notification, which the worker's LISTEN backend
# forwards when the scheduler next runs it: microseconds after the COMMIT, milliseconds on a loaded machine.
DELIVERY = 0.5


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
        time.sleep(DELIVERY)
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
        time.sleep(DELIVERY)
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


LAYER = "/api/v1/layers/shenzhen/smart-terminals.geojson"


def _admin(url: str) -> psycopg.Connection:
    return psycopg.connect(url, autocommit=True)


def _listeners(admin: psycopg.Connection) -> list[int]:
    """Backends of the app's database that LISTEN for new data versions."""
    return [r[0] for r in admin.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                                        "AND query = 'LISTEN atlas_data_version' AND pid <> pg_backend_pid()")]


def _statements_since(admin: psycopg.Connection, since: datetime) -> list[str]:
    """Statements the app's backends started after `since` (the server's clock)."""
    return [r[0] for r in admin.execute("SELECT query FROM pg_stat_activity WHERE datname = current_database() "
                                        "AND backend_type = 'client backend' AND pid <> pg_backend_pid() "
                                        "AND query_start > %s", (since,))]


def _edit(store, phrase: str) -> None:  # type: ignore[no-untyped-def]
    """Give Nanshan's smart-terminal role a new phrase, through `store` (a process other than the app's)."""
    nanshan = next(r for r in store.roles("深圳市", "智能终端") if r.district_id == "shenzhen-nanshan" and r.via == "direct")
    Reviewer(store, "planner").review(nanshan.role_id, "edit", {"role": phrase})


def _served(app: AppProcess, etag: str) -> tuple[str, str]:
    """The layer as the app serves it to a client holding `etag`: (ETag, body)."""
    status, headers, body = app.get(LAYER, {"If-None-Match": etag})
    return headers["ETag"], (body.decode() if status == 200 else "")


def test_requests_ask_the_database_nothing_while_the_data_stays(pg_cluster):
    """The version comes from the listener: a worker that has answered once asks nothing more while no
    change is committed (one LISTEN connection per worker), and serves a change once it is delivered."""
    url = pg_cluster.create_database("quiet")
    app = AppProcess(url, workers=1)
    try:
        etag = ""
        for _ in range(4):
            etag, _ = _served(app, etag)
        with _admin(url) as admin:
            assert len(_listeners(admin)) == 1
            since = admin.execute("SELECT clock_timestamp()").fetchone()[0]
            for _ in range(20):
                assert app.get(LAYER, {"If-None-Match": etag})[0] == 304
                assert app.get(LAYER)[0] == 200
            assert _statements_since(admin, since) == []
            _edit(create_app({"DATABASE_URL": url}).extensions["atlas.store"], "源头创新区")
            time.sleep(DELIVERY)
            new_etag, body = _served(app, etag)
            assert new_etag != etag and "源头创新区" in body
    finally:
        app.stop()


def test_every_worker_and_thread_serves_each_change(pg_cluster):
    """`python -m web`'s worker class (gthread, 4 threads) in 2 processes sharing one listener each: after
    each edit committed by another process (and delivered), concurrent requests all get the new version."""
    url = pg_cluster.create_database("threads")
    app = AppProcess(url, workers=2, threads=4)
    writer = create_app({"DATABASE_URL": url}).extensions["atlas.store"]
    try:
        etag, _ = _served(app, "")
        seen = {etag}
        for i in range(12):
            _edit(writer, f"第{i}次修改集聚区")
            time.sleep(DELIVERY)
            answers: list[tuple[str, str]] = []
            threads = [threading.Thread(target=lambda: answers.append(_served(app, etag))) for _ in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            tags = {tag for tag, _ in answers}
            assert len(answers) == 8 and len(tags) == 1 and not tags & seen, (i, tags)
            assert all(f"第{i}次修改集聚区" in body for _, body in answers)
            etag = tags.pop()
            seen.add(etag)
    finally:
        app.stop()


def test_a_killed_listener_is_replaced_and_no_change_is_missed_meanwhile(pg_cluster):
    """pg_terminate_backend on a worker's LISTEN connection: the very next request, though no notification
    can arrive, serves a change committed after the kill (it asks the database); the listener comes back and
    changes are served through it again, with no question per request."""
    url = pg_cluster.create_database("killed_listener")
    app = AppProcess(url, workers=1)
    writer = create_app({"DATABASE_URL": url}).extensions["atlas.store"]
    try:
        etag = ""
        for _ in range(3):
            etag, _ = _served(app, etag)
        with _admin(url) as admin:
            [listener] = _listeners(admin)
            assert admin.execute("SELECT pg_terminate_backend(%s)", (listener,)).fetchone()[0]
            wait_for(lambda: not admin.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", (listener,)).fetchall(), 10)
            _edit(writer, "被杀之后的集聚区")
            etag_after, body = _served(app, etag)
            assert etag_after != etag and "被杀之后的集聚区" in body
            wait_for(lambda: _served(app, etag_after) and _listeners(admin), 10)  # reopened at most once a second
            [again] = _listeners(admin)
            assert again != listener
            _edit(writer, "重新监听的集聚区")
            time.sleep(DELIVERY)
            etag_again, body = _served(app, etag_after)
            assert etag_again != etag_after and "重新监听的集聚区" in body
            _served(app, etag_again)
            since = admin.execute("SELECT clock_timestamp()").fetchone()[0]
            for _ in range(10):
                assert app.get(LAYER, {"If-None-Match": etag_again})[0] == 304
            assert _statements_since(admin, since) == []
    finally:
        app.stop()
