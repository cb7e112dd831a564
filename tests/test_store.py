"""The database stores on the selected backend: load, migrations, snapshots, and the app over them."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time

import pytest

from geo import paths
from geo.store.factory import load, open_store
from geo.store.files import FileStore
from geo.store.loader import read_dataset
from geo.store.review import Reviewer
from geo.store.sql import MigrationFailed
from tests.dbserver import free_port
from web import create_app


def _db_load(url: str) -> str:
    out = subprocess.run([sys.executable, "-m", "geo", "db", "load", "--database-url", url],
                         cwd=paths.ROOT, capture_output=True, text=True, check=True)
    return out.stderr


def test_db_load_is_idempotent_and_serves_what_the_files_hold(database_url):
    url = database_url("cli")
    assert "loaded" in _db_load(url)
    assert "already up to date" in _db_load(url)
    db, files = open_store(url), FileStore()
    db.refresh()
    assert db.cities() == files.cities() and db.clusters() == files.clusters()
    for city in files.cities():
        for method in ("units", "zones", "groups", "plans", "roles"):
            assert getattr(db, method)(city.name) == getattr(files, method)(city.name), method
        for variant in ("web", "full"):
            assert db.unit_features(city.name, variant) == files.unit_features(city.name, variant)


def test_bbox_selects_units_whose_geometry_meets_the_box(database_url):
    st = open_store(database_url("bbox"))
    load(st)
    st.refresh()
    nanshan_area = st.unit_ids_in_bbox("深圳市", (113.90, 22.50, 113.95, 22.55))
    assert "shenzhen-nanshan" in nanshan_area and "shenzhen-pingshan" not in nanshan_area
    assert st.unit_ids_in_bbox("深圳市", (0.0, 0.0, 1.0, 1.0)) == []
    assert len(st.unit_ids_in_bbox("重庆市", (100.0, 20.0, 120.0, 40.0))) == len(st.units("重庆市"))


def _tables(st) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    if st.dialect == "sqlite":
        names = [r[0] for r in st._query("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: [c[1] for c in st._query(f"PRAGMA table_info({n})")] for n in names}
    rows = st._query("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'")
    out: dict[str, list[str]] = {}
    for table, column in rows:
        out.setdefault(table, []).append(column)
    return out


def test_a_failing_migration_leaves_the_schema_as_it_was(database_url, tmp_path):
    st = open_store(database_url("migrations"))
    shipped = sorted(int(p.name[:4]) for p in (paths.ROOT / "geo" / "store" / "migrations" / st.dialect).glob("*.sql"))
    assert st.migrate() == shipped
    assert st.migrate() == []
    before = _tables(st)
    broken = tmp_path / "migrations"
    shutil.copytree(paths.ROOT / "geo" / "store" / "migrations" / st.dialect, broken)
    (broken / f"{shipped[-1] + 1:04d}_broken.sql").write_text(
        "CREATE TABLE review_notes (id INTEGER PRIMARY KEY, note TEXT);\n"
        "ALTER TABLE roles ADD COLUMN reviewer TEXT;\n"
        "INSERT INTO no_such_table VALUES (1);\n",
        encoding="utf-8",
    )
    with pytest.raises(MigrationFailed, match="_broken.sql"):
        st.migrate(broken)
    assert _tables(st) == before
    assert "review_notes" not in before and "reviewer" not in before["roles"]
    assert [r[0] for r in st._query("SELECT version FROM schema_migrations ORDER BY version")] == shipped


def test_readers_never_see_a_half_loaded_state(database_url, hostile_data):
    """Loads alternate between two datasets while readers take snapshots: each is wholly one or the other."""
    url = database_url("swap")
    writer, reader = open_store(url), open_store(url)
    load(writer)
    reader.refresh()
    base, hostile = read_dataset(), read_dataset(hostile_data)
    expected = {base.fingerprint: len(base.roles), hostile.fingerprint: len(hostile.roles)}
    assert len(set(expected.values())) == 2
    seen: list[tuple[str, int]] = []
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            reader.refresh()
            seen.append((reader.version(), sum(len(reader.roles(c.name)) for c in reader.cities())))
            time.sleep(0.001)  # a refresh without a change asks the database nothing: without a pause this thread
            # would hold the interpreter lock and starve the loading thread (each of its round trips waits 5 ms for it)

    t = threading.Thread(target=read)
    t.start()
    for i in range(6):
        writer.load(hostile if i % 2 == 0 else base)
    done.set()
    t.join()
    assert seen and all(expected[v.rsplit("-", 1)[0]] == n for v, n in seen)
    assert len({v for v, _ in seen}) >= 1


def test_a_change_through_one_app_is_served_by_the_other_at_its_next_request(database_url, hostile_data):
    url = database_url("shared")
    one, other = create_app({"DATABASE_URL": url}), create_app({"DATABASE_URL": url})
    c1, c2 = one.test_client(), other.test_client()
    path = "/api/v1/roles.csv?city=shenzhen"
    before = c2.get(path)
    assert c1.get(path).headers["ETag"] == before.headers["ETag"]
    assert c2.get(path, headers={"If-None-Match": before.headers["ETag"]}).status_code == 304
    one.extensions["atlas.store"].load(read_dataset(hostile_data))
    after = c2.get(path, headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200 and "onerror=alert(1)" in after.get_data(as_text=True)
    assert after.headers["ETag"] != before.headers["ETag"]
    assert c1.get(path).headers["ETag"] == after.headers["ETag"]


def test_a_db_load_by_another_process_is_served_at_the_next_request(database_url, hostile_data, backend):
    """`python -m geo db load` in a process of its own: the app serves the loaded data from its next request
    (SQLite: the WAL-index header moved; PostGIS: the load's notification, once delivered)."""
    url = database_url("cli_load")
    client = create_app({"DATABASE_URL": url}).test_client()
    path = "/api/v1/roles.csv?city=shenzhen"
    before = client.get(path)
    assert client.get(path, headers={"If-None-Match": before.headers["ETag"]}).status_code == 304
    subprocess.run([sys.executable, "-m", "geo", "db", "load", "--database-url", url, "--data-dir", str(hostile_data)],
                   cwd=paths.ROOT, capture_output=True, check=True)
    if backend == "postgis":
        time.sleep(0.5)  # LISTEN/NOTIFY is asynchronous: see tests/test_postgis.py DELIVERY
    after = client.get(path, headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200 and "onerror=alert(1)" in after.get_data(as_text=True)


def test_sqlite_asks_for_the_version_only_after_a_commit(database_url, backend):
    """On SQLite a request reads the WAL-index header (it moves when any connection commits) and runs no
    statement at all while it stands still; it asks for the data version only when it moved, or after a write
    through its own connection. tests/test_sqlite_changes.py: other processes, checkpoints, fallbacks."""
    if backend != "sqlite":
        pytest.skip("SQLite's change signal; PostGIS: tests/test_postgis.py")
    url = database_url("data_version")
    app = create_app({"DATABASE_URL": url})
    st, client = app.extensions["atlas.store"], app.test_client()
    path = "/api/v1/roles.csv?city=shenzhen"
    etag = client.get(path).headers["ETag"]
    assert client.get(path, headers={"If-None-Match": etag}).status_code == 304  # the first read of the header asks once
    statements: list[str] = []
    st._conn().set_trace_callback(statements.append)  # the Flask test client runs requests on this thread
    for _ in range(5):
        assert client.get(path, headers={"If-None-Match": etag}).status_code == 304
    assert statements == []

    for store, phrase in ((open_store(url), "另一连接集聚区"), (st, "本连接集聚区")):  # another connection, then this one
        store.refresh()
        nanshan = next(r for r in store.roles("深圳市", "智能终端") if r.district_id == "shenzhen-nanshan" and r.via == "direct")
        Reviewer(store, "planner").review(nanshan.role_id, "edit", {"role": phrase})
        after = client.get(path, headers={"If-None-Match": etag})
        assert after.status_code == 200 and phrase in after.get_data(as_text=True)
        etag = after.headers["ETag"]


def test_unreachable_database_at_start_exits_with_one_line_without_the_password():
    url = f"postgresql://atlas:s3cret-pw@127.0.0.1:{free_port()}/atlas"
    out = subprocess.run([sys.executable, "-m", "web", "--port", str(free_port())], cwd=paths.ROOT, capture_output=True,
                         text=True, timeout=60, env={**os.environ, "ATLAS_DATABASE_URL": url})
    assert out.returncode != 0
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert "postgresql://atlas:***@127.0.0.1" in lines[0] and "s3cret" not in lines[0]


def test_a_sqlite_url_names_a_file_the_app_makes_from_data_on_first_start(tmp_path, monkeypatch):
    target = tmp_path / "atlas.sqlite3"
    monkeypatch.setenv("ATLAS_DATABASE_URL", f"sqlite:///{target}")
    app = create_app()
    assert target.exists()
    r = app.test_client().get("/api/v1/districts.geojson?city=chongqing")
    assert r.status_code == 200 and len(r.get_json()["features"]) == len(FileStore().units("重庆市"))


@pytest.mark.parametrize("path", ["/api/v1/layers/shenzhen/smart-terminals.geojson", "/api/v1/districts.geojson?city=chongqing",
                                  "/api/v1/roles.csv?city=shenzhen", "/ogc/collections/shenzhen-units/items?limit=3"])
def test_replayed_responses_equal_what_flask_built(app, path):
    """The second request is answered by PreparedFront from the first one's bytes: same status, headers, body."""
    for encoding in ("br", "gzip", "identity"):
        client = app.test_client()
        first, second = (client.get(path, headers={"Accept-Encoding": encoding}) for _ in range(2))
        assert first.status_code == second.status_code == 200
        assert first.data == second.data and dict(first.headers) == dict(second.headers)
        if path.startswith("/api/v1/"):
            assert second.headers["Access-Control-Allow-Origin"] == "*"  # CORS survives the replay
        assert "nonce-" not in second.headers["Content-Security-Policy"]  # never a page with a stale nonce
        again = client.get(path, headers={"Accept-Encoding": encoding, "If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == first.headers["ETag"]
        assert again.headers["Cache-Control"] == first.headers["Cache-Control"]


def test_pages_are_never_replayed(app):
    """A page carries a new CSP nonce on every response: PreparedFront leaves pages to Flask."""
    client = app.test_client()
    first, second = (client.get("/map/shenzhen/smart-terminals") for _ in range(2))
    assert first.status_code == second.status_code == 200
    assert first.headers["Content-Security-Policy"] != second.headers["Content-Security-Policy"]
    for r in (first, second):
        nonce = r.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
        assert f'nonce="{nonce}"' in r.get_data(as_text=True)


def test_an_edit_gets_a_new_version_and_survives_a_restart(database_url):
    url = database_url("edit")
    from geo.store.factory import start_store

    from geo.store.review import Reviewer

    first = start_store(url)
    before = first.version()
    nanshan = next(r for r in first.roles("深圳市", "智能终端") if r.role == "源头创新+高端制造区")
    Reviewer(first, "tester").review(nanshan.role_id, "edit", {"role": "源头创新区"})
    restarted = start_store(url)  # the files did not change: the edit stays
    assert restarted.version() != before
    edited = next(r for r in restarted.roles("深圳市", "智能终端") if r.role_id == nanshan.role_id)
    assert (edited.role, edited.status, edited.reviewed_by) == ("源头创新区", "edited", "tester")
