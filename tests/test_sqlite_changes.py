"""SQLite's change check (geo.store.walindex): a commit by any other process is served from the very next
request, read from the WAL-index header without a query, and `PRAGMA data_version` decides whenever the
header cannot be used. Real files and real processes, whichever backend the rest of the suite runs on."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from geo import paths
from geo.store.factory import load, open_store
from geo.store.review import Reviewer
from geo.store.sqlite import SQLiteStore
from geo.store.walindex import HEADER, SHM_HEADER, open_wal_index, wal_mark
from tests.dbserver import AppProcess
from web import create_app

LAYER = "/api/v1/layers/shenzhen/smart-terminals.geojson"
# Run in a process of its own: each argument is "edit" (a change through the store: a new data version) or a
# statement on a plain sqlite3 connection (a checkpoint).
ELSEWHERE = """
import sqlite3, sys
from geo.store.factory import open_store
url, steps = sys.argv[1], sys.argv[2:]
store = open_store(url)
for step in steps:
    if step == "edit":
        with store.edit():
            pass
    else:
        conn = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        busy, _, _ = conn.execute(step).fetchone()
        assert busy == 0, step
        conn.close()
"""
TRUNCATE = "PRAGMA wal_checkpoint(TRUNCATE)"
RESTART = "PRAGMA wal_checkpoint(RESTART)"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding data/, closed (its WAL checkpointed into it), for tests to copy."""
    path = tmp_path_factory.mktemp("sqlite_changes") / "loaded.sqlite3"
    store = open_store(f"sqlite:///{path}")
    load(store)
    store.close()
    return path


@pytest.fixture()
def url(loaded: Path, tmp_path: Path) -> str:
    shutil.copy(loaded, tmp_path / "atlas.sqlite3")
    return f"sqlite:///{tmp_path / 'atlas.sqlite3'}"


def elsewhere(url: str, *steps: str) -> None:
    subprocess.run([sys.executable, "-c", ELSEWHERE, url, *steps], cwd=paths.ROOT, check=True, capture_output=True)


def started(store: SQLiteStore) -> str:
    """The version after a connection's first two checks: the PRAGMA's read transaction opens the -shm, the
    next check reads its header for the first time, so it asks once more."""
    store.refresh()
    return store.refresh()


def quiet_refreshes(store: SQLiteStore, times: int = 3) -> str:
    """Refresh while nothing changes: the version, after checking that no statement was run for it."""
    statements: list[str] = []
    store._conn().set_trace_callback(statements.append)
    try:
        versions = {store.refresh() for _ in range(times)}
    finally:
        store._conn().set_trace_callback(None)
    assert statements == [] and len(versions) == 1
    return versions.pop()


def test_a_commit_by_another_process_is_served_at_the_next_refresh_and_nothing_is_asked_before(url):
    store = open_store(url)
    started(store)
    version = quiet_refreshes(store)
    for _ in range(3):
        elsewhere(url, "edit")
        new = store.refresh()
        assert new != version and new == store.meta("data_version")
        version = quiet_refreshes(store)
        assert version == new


@pytest.mark.parametrize("steps", [("edit", TRUNCATE), (TRUNCATE, "edit"), ("edit", RESTART, "edit"),
                                   (TRUNCATE, "edit", TRUNCATE, "edit")])
def test_a_checkpoint_and_the_wal_restarting_after_it_are_seen(url, steps):
    """A checkpoint that resets the WAL rewrites the header with new salts, and commits after it start again
    at the WAL's first frame: none of it may look like the header seen before."""
    store = open_store(url)
    started(store)
    version = quiet_refreshes(store)
    for _ in range(2):
        elsewhere(url, *steps)
        new = store.refresh()
        assert new != version and new == store.meta("data_version")
        version = quiet_refreshes(store)


def test_a_checkpoint_alone_serves_the_same_version(url):
    store = open_store(url)
    started(store)
    elsewhere(url, "edit")
    version = store.refresh()
    elsewhere(url, TRUNCATE)
    assert store.refresh() == version == quiet_refreshes(store)


def test_without_a_shm_file_the_pragma_decides_until_there_is_one(tmp_path):
    """A connection opened on an empty file has no -shm to read (the database is not in WAL mode yet):
    `PRAGMA data_version` sees the load another process commits, and the header is read from then on."""
    path = tmp_path / "late.sqlite3"
    path.touch()
    store = SQLiteStore(path)
    store._conn()
    assert not Path(f"{path}-shm").exists()
    subprocess.run([sys.executable, "-m", "geo", "db", "load", "--database-url", f"sqlite:///{path}"],
                   cwd=paths.ROOT, check=True, capture_output=True)
    version = started(store)
    assert version and version == store.meta("data_version") and store.cities()
    assert quiet_refreshes(store) == version
    elsewhere(f"sqlite:///{path}", "edit")
    assert store.refresh() not in ("", version)


def test_only_a_whole_header_of_the_known_version_is_trusted(url, tmp_path):
    """Both copies equal, initialised, version 3007000; anything else is None, so the caller asks SQLite."""
    store = open_store(url)
    store.refresh()
    live = Path(url.removeprefix("sqlite:///") + "-shm")
    fd = open_wal_index(live)
    assert fd is not None
    before = wal_mark(fd)
    elsewhere(url, "edit")
    after = wal_mark(fd)
    assert before is not None and after is not None and before != after
    header = live.read_bytes()[:SHM_HEADER]

    def mark_of(data: bytes) -> bytes | None:
        shm = tmp_path / "copy.sqlite3-shm"
        shm.write_bytes(data)
        own = os.open(shm, os.O_RDONLY)
        try:
            return wal_mark(own)
        finally:
            os.close(own)

    def changed(offset: int, value: int, copies: tuple[int, ...] = (0, 1)) -> bytes:
        data = bytearray(header)
        for copy in copies:
            data[copy * HEADER + offset] = value
        return bytes(data)

    assert mark_of(header) == after
    assert mark_of(changed(16, header[16] ^ 1, copies=(0,))) is None  # a writer between the two copies
    assert mark_of(changed(16, header[16] ^ 1, copies=(1,))) is None
    assert mark_of(changed(12, 0)) is None  # not initialised
    assert mark_of(changed(0, header[0] ^ 1)) is None  # another version of the format
    assert mark_of(header[: 2 * HEADER - 1]) is None
    short = tmp_path / "short.sqlite3-shm"
    short.write_bytes(header[: SHM_HEADER - 1])
    assert open_wal_index(short) is None and open_wal_index(tmp_path / "missing.sqlite3-shm") is None


def _edit(store, phrase: str) -> None:  # type: ignore[no-untyped-def]
    nanshan = next(r for r in store.roles("深圳市", "智能终端") if r.district_id == "shenzhen-nanshan" and r.via == "direct")
    Reviewer(store, "planner").review(nanshan.role_id, "edit", {"role": phrase})


def test_every_gunicorn_worker_and_thread_serves_each_change_at_its_next_request(url):
    """`python -m web`'s worker class (gthread, 4 threads) in 2 processes: after each edit committed by
    another process, concurrent requests at once (no wait for any delivery) all get the new version."""
    app = AppProcess(url, workers=2, threads=4)
    writer = create_app({"DATABASE_URL": url}).extensions["atlas.store"]
    try:
        status, headers, _ = app.get(LAYER)
        etag, seen = headers["ETag"], {headers["ETag"]}
        for i in range(8):
            _edit(writer, f"第{i}次修改集聚区")
            answers: list[tuple[int, str, str]] = []

            def ask() -> None:
                status, headers, body = app.get(LAYER, {"If-None-Match": etag})
                answers.append((status, headers["ETag"], body.decode()))

            threads = [threading.Thread(target=ask) for _ in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            tags = {tag for _, tag, _ in answers}
            assert len(answers) == 8 and len(tags) == 1 and not tags & seen, (i, tags)
            assert all(status == 200 and f"第{i}次修改集聚区" in body for status, _, body in answers)
            etag = tags.pop()
            seen.add(etag)
    finally:
        app.stop()
