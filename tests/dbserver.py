"""Throwaway databases for the tests: SQLite files, or a PostgreSQL/PostGIS cluster run as the postgres user.

PostgreSQL refuses to run as root, so the cluster's directory belongs to `postgres` and its commands run
through `su` when the tests run as root. The cluster listens on a free port and a socket in /tmp only.
"""
from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")


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

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def destroy(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def postgres_available() -> bool:
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return False
    return (PG_BIN / "initdb").exists()


def wait_for(predicate, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.time() + timeout
    while not predicate():
        if time.time() > deadline:
            raise TimeoutError("condition not met in time")
        time.sleep(0.1)
