"""`python -m geo add` and `geo remove` on a copy of data/: metadata, guesses, bad input, atomicity, and
the service showing the plan's roles with issuer and date."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from geo import paths
from web import create_app

PLAN = Path(__file__).parent / "plans" / "hangzhou-smart-terminal-test.txt"
HANGZHOU = {"330106", "330108", "330109", "330110", "330114"}  # 西湖 滨江 萧山 余杭 钱塘


def geo(*args: str, data: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geo", *args, "--data-dir", str(data)], cwd=paths.ROOT,
                          capture_output=True, text=True, timeout=120)


def snapshot(data: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data)): p.read_bytes() for p in sorted(data.glob("*")) + sorted(data.glob("plans/*")) if p.is_file()}


@pytest.fixture()
def data(tmp_path) -> Path:
    """A copy of data/ whose unit files are linked, not copied (the corpus commands never touch them)."""
    dest = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, dest, ignore=shutil.ignore_patterns("units"))
    (dest / "units").symlink_to(paths.UNITS_DIR)
    return dest


def test_add_guesses_metadata_and_remove_restores_byte_for_byte(data):
    before = snapshot(data)
    r = geo("add", str(PLAN), data=data)
    assert r.returncode == 0, r.stderr
    assert "guessed issuer: 杭州市经济和信息化局" in r.stderr and "guessed date: 2025-03-18" in r.stderr
    assert "5 roles" in r.stderr and "next start" in r.stderr
    row = (data / "plans" / "plans.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert row == ("hangzhou-smart-terminal-test,杭州市智能终端产业集群高质量发展行动计划（2025—2027年）,杭州市,"
                   "杭州市经济和信息化局,2025-03-18,hangzhou-smart-terminal-test.txt,")
    assert (data / "plans" / "hangzhou-smart-terminal-test.txt").read_bytes() == PLAN.read_bytes()
    again = geo("add", str(PLAN), data=data)
    assert again.returncode == 0 and "already in the corpus" in again.stderr
    r = geo("remove", "hangzhou-smart-terminal-test", data=data)
    assert r.returncode == 0, r.stderr
    assert snapshot(data) == before


def test_given_metadata_reaches_every_view(data, database_url):
    r = geo("add", str(PLAN), "--city", "hangzhou", "--issuer", "杭州市人民政府办公厅", "--date", "2025-04-01",
            "--url", "https://www.hangzhou.gov.cn/example", "--title", "杭州市智能终端产业集群行动计划（测试）", data=data)
    assert r.returncode == 0, r.stderr
    assert "guessed" not in r.stderr
    client = create_app({"DATA_DIR": str(data), "DATABASE_URL": database_url("corpus")}).test_client()
    m = client.get("/api/v1/map/hangzhou/smart-terminals.json").get_json()
    coloured = {d["id"] for d in m["districts"] if d["category"]}
    assert coloured == HANGZHOU
    role = next(r for d in m["districts"] for r in d["roles"])
    assert (role["plan_issuer"], role["plan_date"], role["plan_url"]) == ("杭州市人民政府办公厅", "2025-04-01", "https://www.hangzhou.gov.cn/example")
    assert m["plans"][0]["url"] == "https://www.hangzhou.gov.cn/example"
    csv_text = client.get("/api/v1/roles.csv?city=hangzhou").data.decode("utf-8-sig")
    header, first = csv_text.splitlines()[:2]
    assert "plan_issuer,plan_date,plan_url" in header and "杭州市人民政府办公厅,2025-04-01,https://www.hangzhou.gov.cn/example" in first
    layer = client.get("/api/v1/layers/hangzhou/smart-terminals.geojson").get_json()
    props = next(f["properties"] for f in layer["features"] if f["properties"]["id"] == "330106")
    assert props["plan_issuer"] == "杭州市人民政府办公厅" and props["plan_date"] == "2025-04-01"
    city = client.get("/api/v1/cities/hangzhou").get_json()
    assert city["has_plans"] and city["plans"] == 1 and city["roles"] == 5


def test_unknown_city_exits_2_with_suggestions(data):
    before = snapshot(data)
    r = geo("add", str(PLAN), "--city", "杭洲", data=data)
    assert r.returncode == 2 and "unknown city '杭洲'" in r.stderr and "杭州市" in r.stderr
    assert snapshot(data) == before


def test_plan_without_a_city_exits_2_asking_for_city(data, tmp_path):
    plan = tmp_path / "no-city.txt"
    plan.write_text("关于推动产业集群发展的实施方案\n将高新区打造为研发设计集聚区。\n", encoding="utf-8")
    before = snapshot(data)
    r = geo("add", str(plan), data=data)
    assert r.returncode == 2 and "--city" in r.stderr
    assert snapshot(data) == before


def test_rejected_add_leaves_the_corpus_as_it_was(data, tmp_path):
    """A bad --date or a missing file is refused before anything is written."""
    before = snapshot(data)
    assert geo("add", str(PLAN), "--date", "18 March", data=data).returncode == 2
    assert geo("add", str(tmp_path / "missing.txt"), data=data).returncode == 2
    assert snapshot(data) == before
    assert not list((data / "plans").glob(".*"))  # no staged file left behind


def test_remove_unknown_plan_suggests(data):
    r = geo("remove", "shenzhen-smart-terminal-plan", data=data)
    assert r.returncode == 2 and "shenzhen-smart-terminal-plan-2022" in r.stderr
