"""Files the product writes: downloaded and printed CSVs are safe to open in a spreadsheet, and a
killed build never leaves a truncated committed file."""
from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from geo import paths
from geo.extract import roles
from geo.ingest import plans
from geo.pipeline import build_corpus
from geo.store.csvsafe import FORMULA_STARTS
from web import create_app

FORMULA_PLAN = (
    "深圳市产业空间布局规划\n"
    "将南山区打造为=1+2集聚区，盐田区打造为@A1生态集聚区，将宝安区定位为+高端制造区，福田区打造为-2+3总部区。\n"
)
FORMULA_TITLE = '=HYPERLINK("http://evil.example/","深圳市产业空间布局规划")'


@pytest.fixture(scope="module")
def formula_data(tmp_path_factory) -> Path:
    """A copy of data/ with one more plan whose title and role phrases read as spreadsheet formulas."""
    data = tmp_path_factory.mktemp("formula") / "data"
    shutil.copytree(paths.DATA_DIR, data)
    (data / "plans" / "formula-plan.txt").write_text(FORMULA_PLAN, encoding="utf-8")
    with (data / "plans" / "plans.csv").open("a", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerow(["formula-plan", FORMULA_TITLE, "深圳市", "test", "2026", "formula-plan.txt", ""])
    entries, built = build_corpus(data / "plans")
    roles.write_csv(built, data / "roles.csv")
    plans.write_entries(entries, data / "plan_sections.csv")
    return data


@pytest.fixture(scope="module")
def formula_url(formula_data, database_url) -> str:
    return database_url("formula")


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _assert_guarded(text: str) -> None:
    cells = _cells(text)
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)]
    for guarded in ("'=1+2集聚区", "'@A1生态集聚区", "'+高端制造区", "'-2+3总部区"):
        assert any(c == guarded or c.startswith(guarded + "；") or c.endswith("；" + guarded[1:]) for c in cells), guarded


def test_downloaded_csvs_guard_formula_cells(formula_data, formula_url):
    client = create_app({"DATA_DIR": str(formula_data), "DATABASE_URL": formula_url}).test_client()
    table = client.get("/api/v1/roles.csv?city=shenzhen").data.decode("utf-8-sig")
    _assert_guarded(table)
    assert "'" + FORMULA_TITLE in _cells(table)
    matrix = client.get("/api/v1/matrix/shenzhen.csv").data.decode("utf-8-sig")
    assert not [c for c in _cells(matrix) if c.startswith(FORMULA_STARTS)]
    assert any(c.startswith("'=1+2集聚区") for c in _cells(matrix))


def test_cli_csv_guards_formula_cells(formula_data):
    out = subprocess.run(
        [sys.executable, "-m", "geo", "extract", str(formula_data / "plans" / "formula-plan.txt"), "--city", "深圳市"],
        cwd=paths.ROOT, capture_output=True, text=True, check=True,
    ).stdout
    _assert_guarded(out)


def test_the_store_keeps_the_exact_text(formula_data, formula_url):
    """data/roles.csv is read back by the store, not opened in Excel: no apostrophe there or in JSON."""
    assert "=1+2集聚区" in [r.role for r in roles.read_csv(formula_data / "roles.csv")]
    client = create_app({"DATA_DIR": str(formula_data), "DATABASE_URL": formula_url}).test_client()
    data = client.get("/api/v1/map/shenzhen/general.json").get_json()
    assert "=1+2集聚区" in {role["role"] for d in data["districts"] for role in d["roles"]}


# Each writer of a committed file, run in a child whose file-size limit kills it (SIGXFSZ) mid-write.
WRITERS = {
    "roles.csv": "from geo.extract import roles; roles.write_csv(roles.read_csv(), TARGET)",
    "plan_sections.csv": "from geo.ingest import plans; plans.write_entries(plans.read_entries(), TARGET)",
    "units/shenzhen.web.geojson": (
        "import json; from geo.geometry.geojson_io import write_collection; "
        "write_collection(TARGET, json.loads((paths.UNITS_DIR / 'shenzhen.web.geojson').read_text(encoding='utf-8'))['features'])"
    ),
}


@pytest.mark.parametrize("name", list(WRITERS))
def test_killed_build_leaves_the_old_file_whole(tmp_path, name):
    target = tmp_path / name.replace("/", "-")
    shutil.copy(paths.DATA_DIR / name, target)
    before = target.read_bytes()
    script = (
        "import resource, sys; from pathlib import Path; from geo import paths; TARGET = Path(sys.argv[1]); "
        "resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048)); " + WRITERS[name]
    )
    proc = subprocess.run([sys.executable, "-c", script, str(target)], cwd=paths.ROOT, capture_output=True)
    assert proc.returncode != 0, "the writer was not interrupted"
    assert target.read_bytes() == before


def test_finished_write_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "roles.csv"
    target.write_text("old\n", encoding="utf-8")
    roles.write_csv(roles.read_csv(), target)
    assert target.read_bytes() == paths.ROLES.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["roles.csv"]
