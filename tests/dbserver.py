"""Throwaway databases for the tests: SQLite files, or a PostgreSQL/PostGIS cluster run as the postgres user.

PostgreSQL refuses to run as root, so the cluster's directory belongs to `postgres` and its commands run
through `su` when the tests run as root. The cluster listens on a free port and a socket in /tmp only.
"""
from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")
ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgCluster:
    """initdb + pg_ctl on a free port; `url(db)` names a database in it, `stop`/`start` for fault tests."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="atlas-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.user = "postgres"
        os.chmod(self.root, 0o777)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self._run(f"{PG_BIN}/initdb -A trust -U postgres -E UTF8 --no-locale -D {self.data}")
        self.start()

    def _run(self, command: str) -> None:
        if os.geteuid() == 0:
            subprocess.run(["su", "postgres", "-c", command], check=True, capture_output=True, cwd="/tmp")
        else:
            subprocess.run(command, shell=True, check=True, capture_output=True)

    def start(self) -> None:
        opts = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        self._run(f"{PG_BIN}/pg_ctl -D {self.data} -l {self.root}/log -w -o '{opts}' start")

    def stop(self) -> None:
        self._run(f"{PG_BIN}/pg_ctl -D {self.data} -m fast -w stop")

    def url(self, db: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{db}"

    TEMPLATE = "atlas_template"

    def create_database(self, name: str) -> str:
        """A fresh database with PostGIS installed (copied from a template: CREATE EXTENSION postgis takes
        seconds, a template copy a fraction of one); the app's migrations and load run on it as on any."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (self.TEMPLATE,)).fetchall():
                conn.execute(f'CREATE DATABASE "{self.TEMPLATE}"')
                with psycopg.connect(self.url(self.TEMPLATE), autocommit=True) as tmpl:
                    tmpl.execute("CREATE EXTENSION postgis")
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.TEMPLATE}"')
        return self.url(name)

    def destroy(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def wait_for(predicate, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.time() + timeout
    while not predicate():
        if time.time() > deadline:
            raise TimeoutError("condition not met in time")
        time.sleep(0.1)


class AppProcess:
    """The app under gunicorn in its own process, over the given database (what a deployment runs); with
    threads > 1 gunicorn's threaded workers, as `python -m web` runs them."""

    def __init__(self, database_url: str, workers: int = 1, data_dir: Path | None = None, threads: int = 1):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "ATLAS_DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)}
        if data_dir is not None:
            env["ATLAS_DATA_DIR"] = str(data_dir)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", str(workers), "--threads", str(threads), "-b", f"127.0.0.1:{self.port}",
             "--preload", "--log-level", "warning", "web:create_app()"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        wait_for(self._up, 60)

    def _up(self) -> bool:
        if self.proc.poll() is not None:
            raise RuntimeError(f"app exited: {self.proc.stderr.read().decode() if self.proc.stderr else ''}")
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return True
        except OSError:
            return False

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        conn.request("GET", path, headers=headers or {})
        resp = conn.getresponse()
        body = resp.read()
        conn.close()
        return resp.status, dict(resp.getheaders()), body

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)
