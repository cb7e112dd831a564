"""`python -m web`, the README's first command: a production server, and one clear line for bad data."""
from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo import paths


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(port: int, data_dir: Path | None = None, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(paths.ROOT)}
    if data_dir:
        env["ATLAS_DATA_DIR"] = str(data_dir)
    return subprocess.Popen(
        [sys.executable, "-m", "web", "--port", str(port), *args],
        cwd=paths.ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def workers(master: int) -> list[int]:
    """gunicorn's worker processes: the children of the master."""
    return [int(pid) for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split()]


def wait_for(port: int, proc: subprocess.Popen, n_workers: int = 2, seconds: float = 60) -> None:
    """Until the port answers and every worker is forked: a SIGTERM that reaches a worker still booting is
    lost (it has the master's handler), and the master then waits out gunicorn's 30 s graceful timeout."""
    deadline = time.time() + seconds
    while time.time() < deadline and proc.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                if len(workers(proc.pid)) >= n_workers:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("the server did not start")


def stop(proc: subprocess.Popen) -> str:
    """SIGTERM, and what the server wrote to stderr; the wait covers gunicorn's graceful timeout."""
    proc.terminate()
    return proc.communicate(timeout=60)[1]


def test_python_m_web_serves_with_gunicorn():
    port = free_port()
    proc = start(port)
    try:
        wait_for(port, proc)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/api/v1/cities")
        resp = conn.getresponse()
        assert resp.status == 200 and resp.getheader("Server") == "gunicorn"
        conn.close()
    finally:
        stop(proc)


@pytest.mark.parametrize("name, damage, problem", [
    ("cities.csv", lambda p: p.write_text("city,slug\n深圳市,shenzhen\n", encoding="utf-8"), "missing field"),
    ("roles.csv", Path.unlink, "file not found"),
    ("plan_sections.csv", lambda p: p.write_bytes(b"\xff\xfe" + p.read_bytes()), "not UTF-8"),
    ("zones.csv", lambda p: p.write_text("id,name\nx,y\n", encoding="utf-8"), "missing field"),
])
def test_bad_data_file_is_one_line_naming_it(tmp_path, name, damage, problem):
    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data, ignore=shutil.ignore_patterns("units", "*.txt"))
    damage(data / name)
    proc = start(free_port(), data)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1, err[-2000:]
    assert str(data / name) in lines[0] and problem in lines[0], lines[0]


def test_app_workers_do_not_load_the_extractor():
    """Uploads import the reader and extractor when one arrives: a fresh app process starts without them."""
    code = ("import sys; from web import create_app; create_app(); "
            "print(sorted(m for m in ('pypinyin', 'pdfminer', 'docx', 'geo.pipeline', 'geo.extract.extractor') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=paths.ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
