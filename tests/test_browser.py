"""The explorer in Debian's Chromium, driven by Playwright, against the real server on 127.0.0.1."""
from __future__ import annotations

import json
import urllib.request

import pytest
from conftest import PAYLOAD

SHENZHEN_SMART = {"shenzhen-futian", "shenzhen-luohu", "shenzhen-nanshan", "shenzhen-baoan", "shenzhen-longhua", "shenzhen-longgang", "shenzhen-pingshan"}

COLOURED = """() => [...document.querySelectorAll('path.district')]
  .filter(p => !p.classList.contains('cat-none'))
  .map(p => [...p.classList].find(c => c.startsWith('district-') ).slice('district-'.length))"""

SCREEN_POINT = """([lon, lat]) => {
  const m = window.atlasMap, p = m.latLngToContainerPoint([lat, lon]), r = m.getContainer().getBoundingClientRect();
  return [p.x + r.left, p.y + r.top];
}"""


class Watch:
    """Console errors, uncaught exceptions, dialogs and every request URL of one page."""

    def __init__(self, page):
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    p = context.new_page()
    yield p
    context.close()


def open_map(page, base: str, path: str) -> Watch:
    watch = Watch(page)
    page.goto(base + path)
    page.wait_for_selector("body[data-ready=true]", timeout=15000)
    return watch


def label_of(base: str, cluster: str, district: str) -> list[float]:
    with urllib.request.urlopen(f"{base}/api/v1/map/shenzhen/{cluster}.json") as r:
        data = json.load(r)
    return next(d["label"] for d in data["districts"] if d["id"] == district)


def test_smart_terminal_map_colours_exactly_its_seven_districts(page, live_server, screenshots):
    watch = open_map(page, live_server.url, "/map/shenzhen/smart-terminals?basemap=none")
    assert set(page.evaluate(COLOURED)) == SHENZHEN_SMART
    assert page.locator("path.district").count() == 11
    assert page.locator("path.district.approximate").count() == 3  # 大鹏, 深汕, and 龙岗 minus 大鹏
    assert page.locator("#districts li").count() == 7
    page.screenshot(path=screenshots / "explorer-shenzhen-smart-terminals.png")
    assert watch.errors == []
    assert watch.requests and all(u.startswith(live_server.url + "/") for u in watch.requests), [
        u for u in watch.requests if not u.startswith(live_server.url)
    ]


def test_clicking_nanshan_opens_its_role_with_the_quote(page, live_server, screenshots):
    watch = open_map(page, live_server.url, "/map/shenzhen/smart-terminals")
    x, y = page.evaluate(SCREEN_POINT, label_of(live_server.url, "smart-terminals", "shenzhen-nanshan"))
    page.mouse.click(x, y)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5000)
    text = popup.inner_text()
    assert "南山区" in text and "源头创新+高端制造区" in text
    assert "推动市域内“研发+高端制造”跨区协同" in text
    assert "前海 (仅有位置点，无边界)" in text  # the zone it hosts, and that it has no polygon
    page.screenshot(path=screenshots / "explorer-popup-nanshan.png")
    assert watch.errors == []


def test_switching_to_marine_changes_the_map_without_reload(page, live_server, screenshots):
    watch = open_map(page, live_server.url, "/map/shenzhen/smart-terminals")
    before = set(page.evaluate(COLOURED))
    page.click("#clusters a[data-cluster=marine]")
    page.wait_for_selector("body[data-cluster=marine][data-ready=true]", timeout=10000)
    after = set(page.evaluate(COLOURED))
    with urllib.request.urlopen(f"{live_server.url}/api/v1/map/shenzhen/marine.json") as r:
        expected = {d["id"] for d in json.load(r)["districts"] if d["category"]}
    assert after == expected and after != before
    assert "shenzhen-yantian" in after and "shenzhen-yantian" not in before
    assert page.evaluate("window.atlasPageLoads") == 1
    assert page.url.endswith("/map/shenzhen/marine")
    page.go_back()
    page.wait_for_selector("body[data-cluster=smart-terminals][data-ready=true]", timeout=10000)
    assert set(page.evaluate(COLOURED)) == before
    page.screenshot(path=screenshots / "explorer-after-back.png")
    assert watch.errors == []


def test_function_filter_updates_the_url_and_map(page, live_server):
    watch = open_map(page, live_server.url, "/map/shenzhen/smart-terminals")
    page.click("#functions a[data-function=rd]")
    page.wait_for_selector("body[data-function=rd][data-ready=true]", timeout=10000)
    assert page.url.endswith("/map/shenzhen/smart-terminals?function=rd")
    assert set(page.evaluate(COLOURED)) < SHENZHEN_SMART
    assert watch.errors == []


def test_phone_width_and_other_pages_render(browser, live_server, screenshots):
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    watch = open_map(page, live_server.url, "/map/chongqing/smart-terminals")
    assert len(page.evaluate(COLOURED)) == 38  # every district through 一区两群
    map_box = page.locator(".mapbox").bounding_box()
    assert map_box["width"] <= 375 and map_box["height"] > 300
    page.screenshot(path=screenshots / "explorer-chongqing-phone.png")
    page.goto(live_server.url + "/district/shenzhen/nanshan")
    page.wait_for_selector("body[data-ready=true]", timeout=10000)
    page.screenshot(path=screenshots / "district-nanshan-phone.png", full_page=True)
    page.goto(live_server.url + "/matrix/shenzhen")
    page.screenshot(path=screenshots / "matrix-shenzhen-phone.png")
    assert watch.errors == []
    context.close()


def test_injected_payload_stays_inert(page, hostile_server, screenshots):
    watch = open_map(page, hostile_server.url, "/map/shenzhen/smart-terminals")
    assert "shenzhen-yantian" in page.evaluate(COLOURED)
    list_text = page.locator("#districts").inner_text()
    assert PAYLOAD in list_text and "<script>alert`x`</script>" in list_text
    x, y = page.evaluate(SCREEN_POINT, label_of(hostile_server.url, "smart-terminals", "shenzhen-nanshan"))
    page.mouse.click(x, y)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5000)
    assert PAYLOAD in popup.inner_text()
    page.mouse.move(*page.evaluate(SCREEN_POINT, label_of(hostile_server.url, "smart-terminals", "shenzhen-yantian")))
    page.wait_for_timeout(300)
    assert page.evaluate("document.querySelectorAll('img[src=x], .leaflet-pane script, #districts script').length") == 0
    page.goto(hostile_server.url + "/district/shenzhen/nanshan")
    page.wait_for_selector("body[data-ready=true]", timeout=10000)
    assert PAYLOAD in page.locator("main").inner_text()
    assert page.evaluate("document.querySelectorAll('img[src=x]').length") == 0
    page.screenshot(path=screenshots / "payload-inert.png")
    assert watch.dialogs == []
    assert watch.errors == []
