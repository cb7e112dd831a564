"""Fixtures that start the real app: in-process for HTTP tests, on a real port for the browser.

The backend is SQLite unless `--backend postgis` (or ATLAS_TEST_BACKEND=postgis): then a throwaway
PostgreSQL/PostGIS cluster is started for the session and every app gets a database of its own in it.
"""
from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path
from typing import Callable, Iterator

import pytest
from werkzeug.serving import make_server

from geo import paths
from geo.extract import roles
from geo.ingest import plans
from geo.pipeline import build_corpus
from tests.dbserver import PgCluster
from web import create_app

ARTIFACTS = paths.ROOT / "artifacts" / "screenshots"
PAYLOAD = "<img src=x onerror=alert(1)>"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--backend", choices=["sqlite", "postgis"], default=os.environ.get("ATLAS_TEST_BACKEND", "sqlite"))


@pytest.fixture(scope="session")
def backend(request: pytest.FixtureRequest) -> str:
    return request.config.getoption("--backend")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    cluster = PgCluster()
    yield cluster
    cluster.destroy()


@pytest.fixture(scope="session")
def database_url(backend: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Callable[[str], str]:
    """A fresh, empty database of the selected backend for each name."""
    if backend == "postgis":
        cluster = request.getfixturevalue("pg_cluster")
        return cluster.create_database
    return lambda name: f"sqlite:///{tmp_path_factory.mktemp('db') / name}.sqlite3"


@pytest.fixture(scope="session", autouse=True)
def atlas_url(database_url) -> Iterator[str]:
    """The database holding data/ as committed, shared by every test that does not change the data. It is
    ATLAS_DATABASE_URL for the session, so create_app() without a DATABASE_URL and `python -m web` in a
    subprocess use it (and the selected backend) instead of making var/atlas.sqlite3. A test that serves
    data of its own passes DATABASE_URL=database_url(name)."""
    url = database_url("atlas")
    before = os.environ.get("ATLAS_DATABASE_URL")
    os.environ["ATLAS_DATABASE_URL"] = url
    yield url
    if before is None:
        os.environ.pop("ATLAS_DATABASE_URL", None)
    else:
        os.environ["ATLAS_DATABASE_URL"] = before


@pytest.fixture(scope="session")
def app(atlas_url):
    return create_app({"DATABASE_URL": atlas_url})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def hostile_data(tmp_path_factory) -> Path:
    """A copy of data/ with one more plan whose role phrase and quote carry HTML payloads."""
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(paths.DATA_DIR, data)
    plan = "evil-plan.txt"
    (data / "plans" / plan).write_text(
        "深圳市培育发展智能终端产业集群行动计划\n"
        f"将南山区打造为{PAYLOAD}集聚区，盐田区打造为<script>alert`x`</script>生态集聚区。\n",
        encoding="utf-8",
    )
    with (data / "plans" / "plans.csv").open("a", encoding="utf-8") as f:
        f.write(f"evil-plan,深圳市培育发展智能终端产业集群行动计划<b>x</b>,深圳市,test,2026,{plan},\n")
    entries, built = build_corpus(data / "plans")
    roles.write_csv(built, data / "roles.csv")
    plans.write_entries(entries, data / "plan_sections.csv")
    return data


class LiveServer:
    def __init__(self, app):
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()


@pytest.fixture(scope="session")
def live_server(app) -> Iterator[LiveServer]:
    server = LiveServer(app)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def hostile_url(hostile_data, database_url) -> str:
    """A database of its own for the hostile copy of data/ (loaded by the first app over it)."""
    return database_url("hostile")


@pytest.fixture(scope="session")
def hostile_server(hostile_data, hostile_url) -> Iterator[LiveServer]:
    server = LiveServer(create_app({"DATA_DIR": str(hostile_data), "DATABASE_URL": hostile_url}))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--no-first-run", "--disable-sync", "--disable-quic"],
        )
        yield b
        b.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
