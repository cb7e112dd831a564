"""The national views and an added plan in Debian's Chromium, against the real server on 127.0.0.1."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import urllib.request

import pytest
from conftest import LiveServer

from geo import paths
from web import create_app

PLAN = paths.ROOT / "tests" / "plans" / "hangzhou-smart-terminal-test.txt"
HANGZHOU = {"330106", "330108", "330109", "330110", "330114"}
COLOURED = """() => [...document.querySelectorAll('path.district')]
  .filter(p => !p.classList.contains('cat-none') && !p.classList.contains('cat-null'))
  .map(p => [...p.classList].find(c => c.startsWith('district-')).slice('district-'.length))"""
SCREEN_POINT = """([lon, lat]) => {
  const cfg = JSON.parse(document.getElementById('atlas-config').textContent);
  const m = window[cfg.mapVar], p = m.latLngToContainerPoint([lat, lon]), r = m.getContainer().getBoundingClientRect();
  return [p.x + r.left, p.y + r.top];
}"""


@pytest.fixture(scope="module")
def added_server(tmp_path_factory, database_url):
    """The real app on a copy of data/ after `python -m geo add` of a plan written for this test (杭州市)."""
    data = tmp_path_factory.mktemp("added") / "data"
    shutil.copytree(paths.DATA_DIR, data, ignore=shutil.ignore_patterns("units"))
    (data / "units").symlink_to(paths.UNITS_DIR)
    r = subprocess.run([sys.executable, "-m", "geo", "add", str(PLAN), "--data-dir", str(data)], cwd=paths.ROOT,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    server = LiveServer(create_app({"DATA_DIR": str(data), "DATABASE_URL": database_url("added")}))
    yield server
    server.stop()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.on("console", lambda m: m.type == "error" and errors.append(m.text))
    yield p
    context.close()
    assert errors == []


def label(base: str, uid: str) -> list[float]:
    with urllib.request.urlopen(f"{base}/api/v1/map/hangzhou/smart-terminals.json") as r:
        return next(d["label"] for d in json.load(r)["districts"] if d["id"] == uid)


def test_added_plan_puts_roles_on_the_hangzhou_map(page, added_server, screenshots):
    page.goto(added_server.url + "/map/hangzhou/smart-terminals")
    page.wait_for_selector("body[data-ready=true]", timeout=20000)
    assert set(page.evaluate(COLOURED)) == HANGZHOU
    assert page.locator("path.district").count() == 13
    x, y = page.evaluate(SCREEN_POINT, label(added_server.url, "330106"))
    page.mouse.click(x, y)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5000)
    text = popup.inner_text()
    assert "西湖区" in text and "研发设计+创新策源区" in text and "杭州市智能终端产业集群高质量发展行动计划" in text
    assert "杭州市经济和信息化局" in text and "2025-03-18" in text  # issuer and date guessed by `geo add`
    page.screenshot(path=screenshots / "explorer-hangzhou-added-plan.png")


def test_cluster_view_shows_hangzhou_beside_shenzhen_and_chongqing(page, added_server, screenshots):
    page.goto(added_server.url + "/cluster/smart-terminals")
    page.wait_for_selector("body[data-ready=true]", timeout=20000)
    cities = page.eval_on_selector_all("section.city-group", "els => els.map(e => e.dataset.city)")
    assert set(cities) == {"shenzhen", "chongqing", "hangzhou"}
    assert HANGZHOU <= set(page.evaluate(COLOURED))
    page.evaluate("""() => { const cfg = JSON.parse(document.getElementById('atlas-config').textContent);
                      window[cfg.mapVar].setView([30.25, 120.1], 10, {animate: false}); }""")
    page.wait_for_timeout(300)
    x, y = page.evaluate(SCREEN_POINT, label(added_server.url, "330106"))
    page.mouse.click(x, y)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5000)
    text = popup.inner_text()
    assert "西湖区" in text and "杭州市经济和信息化局" in text and "2025-03-18" in text  # issuer and date
    page.screenshot(path=screenshots / "cluster-smart-terminals-hangzhou.png")


def test_home_map_links_cities_with_plans(page, live_server, screenshots):
    page.goto(live_server.url + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=20000)
    assert page.locator("path.city-dot").count() == 3
    page.screenshot(path=screenshots / "home.png")
    page.locator("path.city-shenzhen").click()
    page.wait_for_url("**/map/shenzhen/**", timeout=10000)


def test_search_leads_to_a_city_without_plans(page, live_server, screenshots):
    page.goto(live_server.url + "/")
    page.fill("#q", "成都")
    page.press("#q", "Enter")
    page.wait_for_url("**/search?q=*", timeout=10000)
    page.click("#hits a[href='/map/chengdu']")
    page.wait_for_selector("body[data-ready=true]", timeout=20000)
    assert page.url.endswith("/map/chengdu/general")
    assert page.locator("path.district").count() == 20
    page.screenshot(path=screenshots / "explorer-chengdu-no-plans.png")
