"""The security headers as Chromium enforces them: pages run under the nonce CSP without a violation,
a script without the nonce is refused, and a web app on another origin can read the API."""
from __future__ import annotations

import pytest
from test_embed_browser import HostSite

WATCH_CSP = "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"


@pytest.fixture()
def page(browser):
    ctx = browser.new_context(viewport={"width": 1000, "height": 700})
    ctx.add_init_script(WATCH_CSP)
    ctx.route("https://**/*", lambda route: route.abort())  # basemap tiles: no network in tests
    p = ctx.new_page()
    yield p
    ctx.close()


@pytest.fixture(scope="module")
def other_origin():
    site = HostSite()
    yield site
    site.server.shutdown()


@pytest.mark.parametrize("path", [
    "/map/shenzhen/smart-terminals?basemap=osm",
    "/map/chongqing/smart-terminals?basemap=gaode",
    "/district/shenzhen/nanshan",
    "/embed/shenzhen/smart-terminals?basemap=osm",
])
def test_pages_run_under_the_csp_without_a_violation(page, live_server, path):
    page.goto(live_server.url + path)
    page.wait_for_selector("body[data-ready=true]", timeout=15000)
    assert page.locator("path.leaflet-interactive").count() > 0
    assert page.evaluate("window.__csp") == []


def test_a_script_without_the_nonce_is_refused(page, live_server):
    page.goto(live_server.url + "/map/shenzhen/smart-terminals")
    page.wait_for_selector("body[data-ready=true]", timeout=15000)
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.append(s); }""")
    assert page.evaluate("window.__ran") is None
    assert any(v.startswith("script-src") for v in page.evaluate("window.__csp"))


def test_a_web_app_on_another_origin_reads_the_api(page, live_server, other_origin):
    page.goto(other_origin.url)
    result = page.evaluate(
        """async (base) => {
            const r = await fetch(base + '/api/v1/layers/shenzhen/smart-terminals.geojson', {headers: {'If-None-Match': '"x"'}});
            return [r.status, (await r.json()).features.length, r.headers.get('content-disposition') !== null];
        }""",
        live_server.url,
    )
    assert result[0] == 200 and result[1] == 11 and result[2]
