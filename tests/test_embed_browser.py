"""Embeds in Chromium: framed by a page from another origin (another port), framing refused elsewhere."""
from __future__ import annotations

import html
import threading

import pytest
from conftest import LiveServer
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from web import create_app


class HostSite:
    """Someone else's site on another port: a page with one iframe."""

    def __init__(self) -> None:
        self.server = make_server("127.0.0.1", 0, self.app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @Request.application
    def app(self, request: Request) -> Response:
        src = html.escape(request.args.get("src", ""))
        body = f'<!doctype html><html><body style="margin:0"><p style="height:40px">host</p><iframe src="{src}" width="340" height="480" style="border:0"></iframe><div style="height:2000px"></div></body></html>'
        return Response(body, mimetype="text/html")


@pytest.fixture(scope="module")
def host():
    site = HostSite()
    yield site
    site.server.shutdown()


@pytest.fixture(scope="module")
def host_b():
    site = HostSite()
    yield site
    site.server.shutdown()


@pytest.fixture()
def page(browser):
    ctx = browser.new_context(viewport={"width": 800, "height": 700})
    p = ctx.new_page()
    p.console_errors = []
    p.on("console", lambda m: m.type == "error" and p.console_errors.append(m.text))
    yield p
    ctx.close()


def app_frame(page):
    return next(f for f in page.frames if f != page.main_frame)


def test_embed_renders_in_a_foreign_page_and_answers_a_click(page, live_server, host, screenshots):
    src = f"{live_server.url}/embed/shenzhen/smart-terminals?highlight=nanshan"
    page.goto(f"{host.url}/?src={src}")
    frame = app_frame(page)
    frame.wait_for_selector("body[data-ready=true]", timeout=15000)
    assert frame.locator("path.district.highlight").count() == 1
    box = page.locator("iframe").bounding_box()
    label = frame.evaluate("""async () => {
        const d = (await (await fetch('/api/v1/map/shenzhen/smart-terminals.json')).json()).districts.find(x => x.id === 'shenzhen-nanshan');
        const p = window.atlasMap.latLngToContainerPoint([d.label[1], d.label[0]]);
        return [p.x, p.y];
    }""")
    page.mouse.click(box["x"] + label[0], box["y"] + label[1])
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5000)
    assert "源头创新+高端制造区" in popup.inner_text()
    zoom = frame.evaluate("window.atlasMap.getZoom()")
    page.mouse.move(box["x"] + 170, box["y"] + 300)
    page.mouse.wheel(0, -600)
    page.wait_for_timeout(400)
    assert frame.evaluate("window.atlasMap.getZoom()") == zoom  # the wheel does not hijack the host page
    page.screenshot(path=screenshots / "embed-in-foreign-page.png")
    assert page.console_errors == []


def test_explorer_refuses_to_be_framed(page, live_server, host):
    page.goto(f"{host.url}/?src={live_server.url}/map/shenzhen/smart-terminals")
    page.wait_for_timeout(1500)
    frame = app_frame(page)
    assert frame.url.startswith("chrome-error://") or frame.locator("#atlas-config").count() == 0
    assert any("frame-ancestors" in e or "Refused to" in e for e in page.console_errors) or frame.url.startswith("chrome-error://")


def test_embed_allowed_origins_is_honoured(page, host, host_b):
    server = LiveServer(create_app({"EMBED_ALLOWED_ORIGINS": host.url}))
    try:
        src = f"{server.url}/embed/shenzhen/marine"
        page.goto(f"{host.url}/?src={src}")
        app_frame(page).wait_for_selector("body[data-ready=true]", timeout=15000)
        page.goto(f"{host_b.url}/?src={src}")
        page.wait_for_timeout(1500)
        frame = app_frame(page)
        assert frame.url.startswith("chrome-error://") or frame.locator("#atlas-config").count() == 0
    finally:
        server.stop()


def test_embed_dialog_builds_a_working_snippet(browser, live_server, screenshots):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    page.goto(f"{live_server.url}/map/shenzhen/smart-terminals")
    page.wait_for_selector("body[data-ready=true]")
    page.click("#clusters a[data-cluster=marine]")
    page.wait_for_selector("body[data-cluster=marine][data-ready=true]")
    page.click("#embed-open")
    page.fill("#embed-form input[name=title]", 'A "title" <b>')
    page.select_option("#embed-form select[name=highlight]", "yantian")
    page.uncheck("#embed-form input[name=legend]")
    snippet = page.input_value("#embed-snippet")
    assert snippet.startswith(f'<iframe src="{live_server.url}/embed/shenzhen/marine?')
    assert "highlight=yantian" in snippet and "legend=0" in snippet
    assert 'title="A &quot;title&quot; &lt;b&gt;"' in snippet
    page.wait_for_function("document.getElementById('embed-preview').src.includes('highlight=yantian')")
    preview = page.frame_locator("#embed-preview")
    preview.locator("body[data-ready=true]").wait_for(timeout=15000)
    assert preview.locator("path.district.highlight").count() == 1
    page.screenshot(path=screenshots / "embed-dialog.png")
    ctx.close()
