"""Issue 12 in Debian's Chromium: an editor signs in, rejects a role, adds one by selecting its sentence with
the mouse, and a visitor then sees both on the public map."""
from __future__ import annotations

import pytest
from conftest import LiveServer
from test_browser import Watch, open_map

from geo.store.accounts import Accounts
from web import create_app

PLAN = "shenzhen-20-8-clusters-2022"
GUANGMING = "r5f6d25b850c68f1"  # 光明区 · 超高清视频显示产业核心引领区
SENTENCE = "光明区重点引进玻璃基板、化学试剂、液晶材料等上下游配套资源"

# The screen rectangles of the first and last character of `needle` in the plan text, for a mouse drag.
ENDS_OF = """(needle) => {
  const root = document.getElementById('plan-text');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = n.data.indexOf(needle);
    if (i < 0) continue;
    const r = document.createRange();
    r.setStart(n, i); r.setEnd(n, i + 1);
    r.startContainer.parentElement.scrollIntoView({block: 'center'});
    const a = r.getBoundingClientRect();
    r.setStart(n, i + needle.length - 1); r.setEnd(n, i + needle.length);
    const b = r.getBoundingClientRect();
    return [a.left + 1, a.top + a.height / 2, b.right - 1, b.top + b.height / 2];
  }
  return null;
}"""


@pytest.fixture(scope="module")
def review_site(database_url, tmp_path_factory):
    app = create_app({"DATABASE_URL": database_url("review-browser"), "UPLOAD_DIR": str(tmp_path_factory.mktemp("up"))})
    Accounts(app.extensions["atlas.store"]).add("zhang", "a browser password", "editor", "张编辑")
    server = LiveServer(app)
    yield server.url, app.extensions["atlas.store"]
    server.stop()


def test_reject_and_add_by_selection_then_see_both_on_the_public_map(browser, review_site, screenshots):
    base, st = review_site
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    page = ctx.new_page()
    watch = Watch(page)
    page.goto(base + f"/review/{PLAN}")
    assert "/login" in page.url  # sent to sign in first
    page.fill("input[name=login]", "zhang")
    page.fill("input[name=password]", "a browser password")
    page.click("form.stack button[type=submit]")
    page.wait_for_url(f"**/review/{PLAN}")
    card = page.locator(f"#role-{GUANGMING}")
    assert "超高清视频显示产业核心引领区" in card.inner_text() and "extracted" in card.inner_text()
    card.locator("button[value=reject]").click()
    page.wait_for_load_state()
    assert "rejected" in page.locator(f"#role-{GUANGMING} .badge").inner_text()

    x0, y0, x1, y1 = page.evaluate(ENDS_OF, SENTENCE)
    page.mouse.move(x0, y0)
    page.mouse.down()
    page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2, steps=5)
    page.mouse.move(x1, y1, steps=5)
    page.mouse.up()
    text, _ = st.plan_text(PLAN)
    start = text.index(SENTENCE)
    assert (int(page.input_value("#add-start")), int(page.input_value("#add-end"))) == (start, start + len(SENTENCE))
    assert page.locator("#selection-preview").inner_text() == SENTENCE
    form = page.locator("#add-form")
    form.locator("select[name=place]").select_option("shenzhen-guangming")
    form.locator("select[name=cluster]").select_option("超高清视频显示")
    form.locator("input[name=role]").fill("显示材料配套集聚区")
    form.locator("input[value=配套]").check()
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    added = page.locator(".role-card.status-added")
    assert added.count() == 1 and "显示材料配套集聚区" in added.inner_text() and "zhang" in added.inner_text()
    page.locator(f"#role-{GUANGMING} .show-in-text").click()
    page.screenshot(path=screenshots / "review-plan.png")
    page.goto(base + "/review")
    page.screenshot(path=screenshots / "review-index.png")
    assert watch.errors == []
    ctx.close()

    visitor = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    public = visitor.new_page()
    seen = open_map(public, base, "/map/shenzhen/uhd-video-display")
    public.locator("path.district-shenzhen-guangming").focus()
    public.keyboard.press("Enter")
    popup = public.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5000)
    shown = popup.inner_text()
    assert "显示材料配套集聚区" in shown and "由编辑补充" in shown and "zhang" in shown
    assert "超高清视频显示产业核心引领区" not in shown
    assert SENTENCE in shown  # the editor's selection is the quote behind the added role
    public.screenshot(path=screenshots / "review-public-popup.png")
    public.locator(".leaflet-popup-close-button").click()
    public.locator(".leaflet-popup").wait_for(state="detached", timeout=5000)
    public.locator("path.district-shenzhen-baoan").focus()
    public.keyboard.press("Enter")
    popup.wait_for(timeout=5000)
    assert "未经人工审核" in popup.inner_text()  # an unreviewed role says so
    assert seen.errors == []
    visitor.close()
