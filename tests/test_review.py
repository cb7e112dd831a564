"""Issue 12 over HTTP, on the real app and a database of its own: accounts and the access matrix, CSRF,
rate limiting, decisions reflected in every public view, decisions surviving a restart and a
re-extraction, hostile uploads, and the user commands."""
from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from geo import paths
from geo.extract import roles as roles_io
from geo.ingest import plans as plans_io
from geo.pipeline import build_corpus
from geo.store.accounts import Accounts
from web import create_app

PLAN = "shenzhen-smart-terminal-plan-2022"
FUTIAN = "rb4f6fbc414a8dc9"  # 福田区 · 品牌运营+生态集聚区 in the smart-terminal plan (roles.csv)
NANSHAN = "r9df67a276a825de"  # 南山区 · 源头创新+高端制造区, same sentence; only the test of public views decides on it
PASSWORD = "correct horse battery"
LEVELS = ["anonymous", "viewer", "editor", "admin"]


def _csrf(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


class Site:
    """The app over its own database, with one account and one API token per role."""

    def __init__(self, app):
        self.app = app
        self.store = app.extensions["atlas.store"]
        acc = Accounts(self.store)
        self.tokens: dict[str, str] = {}
        for level in LEVELS[1:]:
            if acc.get(level) is None:
                acc.add(level, PASSWORD, level)
            self.tokens[level] = acc.new_token(level)[1]

    def client(self, level: str, base_url: str = "http://localhost"):
        """A browser-like client signed in as `level` (anonymous: not signed in), with a CSRF token."""
        c = self.app.test_client()
        c.environ_base["REMOTE_ADDR"] = f"10.0.{LEVELS.index(level)}.1"
        page = c.get("/login", base_url=base_url).get_data(as_text=True)
        if level != "anonymous":
            r = c.post("/login", data={"login": level, "password": PASSWORD, "csrf_token": _csrf(page)}, base_url=base_url)
            assert r.status_code == 302, r.get_data(as_text=True)
            page = c.get("/login", base_url=base_url).get_data(as_text=True)
        c.csrf = _csrf(page)  # type: ignore[attr-defined]
        return c

    def bearer(self, level: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[level]}"} if level != "anonymous" else {}


@pytest.fixture(scope="module")
def site(database_url, tmp_path_factory):
    uploads = tmp_path_factory.mktemp("uploads")
    return Site(create_app({"DATABASE_URL": database_url("review"), "UPLOAD_DIR": str(uploads)}))


def _layer(client, city="shenzhen", cluster="smart-terminals") -> dict[str, dict]:
    doc = client.get(f"/api/v1/layers/{city}/{cluster}.geojson").get_json()
    return {f["properties"]["id"]: f["properties"] for f in doc["features"]}


def _roles_csv(client, query="city=shenzhen") -> list[dict[str, str]]:
    text = client.get(f"/api/v1/roles.csv?{query}").get_data(as_text=True).lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


def _review(site, role_id, body, level="editor"):
    return site.app.test_client().post(f"/api/v1/roles/{role_id}/review", json=body, headers=site.bearer(level))


# --- who may do what -----------------------------------------------------------------------------------

def _text_span(site, needle: str) -> tuple[int, int]:
    text, _ = site.store.plan_text(PLAN)
    i = text.index(needle)
    return i, i + len(needle)


def _api_writes(site) -> list[tuple[str, str, dict]]:
    """Every API write, each with a body an editor could send."""
    start, end = _text_span(site, "坪山区打造为高端制造+核心元器件集聚区")
    return [
        ("review", f"/api/v1/roles/{FUTIAN}/review", {"json": {"action": "accept"}}),
        ("add", "/api/v1/roles", {"json": {"plan": PLAN, "start": start, "end": end, "place": "坪山区", "cluster": "智能终端",
                                           "role": "矩阵测试区"}}),
        ("upload", "/api/v1/plans/upload", {"data": {"city": "深圳市", "file": (io.BytesIO("深圳市某计划\n将南山区打造为矩阵上传集聚区。\n".encode()), "m.txt")}}),
    ]


API_EXPECTED = {"anonymous": 401, "viewer": 403, "editor": (200, 201, 409), "admin": (200, 201, 409)}


@pytest.mark.parametrize("level", LEVELS)
def test_access_matrix_api(site, level):
    for name, url, kwargs in _api_writes(site):
        resp = site.app.test_client().post(url, headers=site.bearer(level), **kwargs)
        expected = API_EXPECTED[level]
        assert resp.status_code in (expected if isinstance(expected, tuple) else (expected,)), (name, level, resp.get_json())
        if resp.status_code == 401:
            assert resp.headers["WWW-Authenticate"].startswith("Bearer")
        if name == "add" and resp.status_code == 201:  # leave the role as it was for the next level
            assert _review(site, resp.get_json()["role_id"], {"action": "undo"}).status_code == 200


def test_a_wrong_or_revoked_token_is_401_not_anonymous(site):
    acc = Accounts(site.store)
    token_id, secret = acc.new_token("editor")
    c = site.app.test_client()
    ok = c.post(f"/api/v1/roles/{FUTIAN}/review", json={"action": "accept"}, headers={"Authorization": f"Bearer {secret}"})
    assert ok.status_code == 200
    assert acc.revoke_token(token_id)
    gone = c.post(f"/api/v1/roles/{FUTIAN}/review", json={"action": "accept"}, headers={"Authorization": f"Bearer {secret}"})
    assert gone.status_code == 401 and "revoked" in gone.get_json()["detail"]
    assert c.post(f"/api/v1/roles/{FUTIAN}/review", json={"action": "accept"}, headers={"Authorization": "Bearer nonsense"}).status_code == 401
    _review(site, FUTIAN, {"action": "undo"})
    _review(site, FUTIAN, {"action": "undo"})


def _form_writes(site, level: str) -> list[tuple[str, str, dict, str]]:
    """Every browser form that writes, with its fields and the least role that may use it."""
    start, end = _text_span(site, "坪山区打造为高端制造+核心元器件集聚区")
    viewer_tokens = Accounts(site.store).tokens("viewer")
    return [
        ("decide", f"/review/{PLAN}/roles/{FUTIAN}", {"action": "accept"}, "editor"),
        ("add", f"/review/{PLAN}/add", {"start": start, "end": end, "place": "坪山区", "cluster": "智能终端", "role": "表单测试区"}, "editor"),
        ("upload", "/review/upload", {"city": "深圳市", "file": (io.BytesIO(f"深圳市表单计划（{level}）\n将南山区打造为表单上传集聚区。\n".encode()), "f.txt")}, "editor"),
        ("set user", "/review/users/viewer", {"role": "viewer"}, "admin"),
        ("revoke", f"/review/users/viewer/tokens/{viewer_tokens[0]['id']}/revoke", {}, "admin"),
    ]


@pytest.mark.parametrize("level", LEVELS)
def test_access_matrix_forms(site, level):
    for name, url, fields, least in _form_writes(site, level):
        c = site.client(level)
        resp = c.post(url, data={**fields, "csrf_token": c.csrf})
        if level == "anonymous":
            assert resp.status_code == 401, (name, level)
        elif LEVELS.index(level) < LEVELS.index(least):
            assert resp.status_code == 403, (name, level)
        else:
            assert resp.status_code == 302, (name, level, resp.get_data(as_text=True)[:300])
    site.tokens["viewer"] = Accounts(site.store).new_token("viewer")[1]


@pytest.mark.parametrize("level,status", [("anonymous", 302), ("viewer", 403), ("editor", 200), ("admin", 200)])
def test_review_pages_need_an_editor(site, level, status):
    c = site.client(level)
    for path in ("/review", f"/review/{PLAN}", "/review/upload"):
        resp = c.get(path)
        assert resp.status_code == status, (path, level)
        if status == 302:
            assert resp.headers["Location"].startswith("/login?next=")
    assert c.get("/review/users").status_code == {"anonymous": 302, "viewer": 403, "editor": 403, "admin": 200}[level]


def test_every_form_refuses_a_post_without_its_csrf_token(site):
    """Every POST route outside /api/v1 (where session calls need X-CSRFToken and tokens carry no cookie)."""
    routes = [r for r in site.app.url_map.iter_rules() if "POST" in r.methods and not r.rule.startswith("/api/")]
    assert {r.endpoint for r in routes} >= {"auth.login", "auth.logout", "review.decide", "review.add", "review.upload", "review.set_user", "review.revoke"}
    c = site.client("admin")
    for r in routes:
        url = re.sub(r"<(?:int:)?(\w+)>", lambda m: {"file_id": PLAN, "role_id": FUTIAN, "login": "viewer", "token_id": "1"}[m.group(1)], r.rule)
        resp = c.post(url, data={"action": "reject", "login": "admin", "password": PASSWORD})
        assert resp.status_code == 400 and b"CSRF" in resp.data, url
    api = c.post(f"/api/v1/roles/{FUTIAN}/review", json={"action": "reject"})
    assert api.status_code == 400  # a session call to the API without X-CSRFToken
    ok = c.post(f"/api/v1/roles/{FUTIAN}/review", json={"action": "accept"}, headers={"X-CSRFToken": c.csrf})
    assert ok.status_code == 200 and ok.get_json()["role"]["status"] == "accepted"
    assert _review(site, FUTIAN, {"action": "undo"}).status_code == 200


def test_failed_logins_are_rate_limited(site):
    Accounts(site.store).add("target", PASSWORD, "editor")
    c = site.app.test_client()
    c.environ_base["REMOTE_ADDR"] = "10.9.9.9"
    token = _csrf(c.get("/login").get_data(as_text=True))
    for _ in range(5):
        assert c.post("/login", data={"login": "target", "password": "wrong password", "csrf_token": token}).status_code == 401
    blocked = c.post("/login", data={"login": "target", "password": PASSWORD, "csrf_token": token})
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) > 0
    other = site.client("admin")  # another login from another address is not blocked
    assert other.get("/review").status_code == 200
    elsewhere = site.app.test_client()  # the login name is blocked from any address, for its window
    elsewhere.environ_base["REMOTE_ADDR"] = "10.9.9.10"
    token = _csrf(elsewhere.get("/login").get_data(as_text=True))
    assert elsewhere.post("/login", data={"login": "target", "password": PASSWORD, "csrf_token": token}).status_code == 429


def test_session_cookie_flags(site):
    c = site.app.test_client()
    token = _csrf(c.get("/login").get_data(as_text=True))
    plain = c.post("/login", data={"login": "editor", "password": PASSWORD, "csrf_token": token}, environ_base={"REMOTE_ADDR": "10.7.0.1"})
    session_cookie = lambda resp: next(c for c in resp.headers.getlist("Set-Cookie") if c.startswith("session="))  # noqa: E731
    cookie = session_cookie(plain)
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    s = site.app.test_client()
    token = _csrf(s.get("/login", base_url="https://localhost").get_data(as_text=True))
    form = {"login": "editor", "password": PASSWORD, "csrf_token": token}
    no_referer = s.post("/login", data=form, base_url="https://localhost", environ_base={"REMOTE_ADDR": "10.7.0.2"})
    assert no_referer.status_code == 400  # over TLS the CSRF check also wants a same-site Referer
    tls = s.post("/login", data=form, base_url="https://localhost", environ_base={"REMOTE_ADDR": "10.7.0.2"},
                 headers={"Referer": "https://localhost/login"})
    assert tls.status_code == 302 and "Secure" in session_cookie(tls)


def test_login_redirects_only_within_the_site(site):
    c = site.app.test_client()
    c.environ_base["REMOTE_ADDR"] = "10.6.0.1"
    token = _csrf(c.get("/login").get_data(as_text=True))
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
        resp = c.post("/login", data={"login": "editor", "password": PASSWORD, "csrf_token": token, "next": target})
        assert urlsplit(resp.headers["Location"]).netloc in ("", "localhost") and "evil" not in resp.headers["Location"]
        c.post("/logout", data={"csrf_token": token})
        token = _csrf(c.get("/login").get_data(as_text=True))


# --- decisions in every public view --------------------------------------------------------------------

def test_reject_edit_add_and_undo_show_in_layer_embed_and_roles_csv(site):
    pub = site.app.test_client()
    ids = lambda unit: _layer(pub)[unit]["role_ids"].split("|")  # noqa: E731
    assert NANSHAN in ids("shenzhen-nanshan")
    # reject
    r = _review(site, NANSHAN, {"action": "reject"})
    assert r.status_code == 200 and r.get_json()["role"]["status"] == "rejected"
    assert NANSHAN not in ids("shenzhen-nanshan")
    assert NANSHAN not in {row["role_id"] for row in _roles_csv(pub)}
    everything = {row["role_id"]: row for row in _roles_csv(pub, "city=shenzhen&status=all")}
    assert (everything[NANSHAN]["status"], everything[NANSHAN]["reviewed_by"]) == ("rejected", "editor")
    embed = pub.get("/embed/shenzhen/smart-terminals").get_data(as_text=True)
    version = json.loads(re.search(r'id="atlas-config"[^>]*>(.*?)</script>', embed, re.S).group(1))["v"]
    assert version == site.store.version()
    data = pub.get(f"/api/v1/map/shenzhen/smart-terminals.json?function=all&v={version}").get_json()
    nanshan = next(d for d in data["districts"] if d["id"] == "shenzhen-nanshan")
    assert NANSHAN not in [x["role_id"] for x in nanshan["roles"]]
    # undo brings it back, as extracted
    assert _review(site, NANSHAN, {"action": "undo"}).get_json()["role"]["status"] == "extracted"
    assert NANSHAN in ids("shenzhen-nanshan")
    # edit: the phrase and the place change, the status and reviewer show in the layer and the CSV
    r = _review(site, NANSHAN, {"action": "edit", "role": "创新研发集聚区", "place": "罗湖区", "functions": ["总部"]})
    assert r.status_code == 200, r.get_json()
    layer = _layer(pub)
    assert NANSHAN not in layer["shenzhen-nanshan"]["role_ids"].split("|")
    luohu = layer["shenzhen-luohu"]
    i = luohu["role_ids"].split("|").index(NANSHAN)
    assert luohu["statuses"].split("|")[i] == "edited" and "editor" in luohu["reviewed_by"] and "创新研发集聚区" in luohu["roles"]
    row = {x["role_id"]: x for x in _roles_csv(pub)}[NANSHAN]
    assert (row["district"], row["role"], row["functions"], row["status"]) == ("罗湖区", "创新研发集聚区", "总部", "edited")
    district_page = pub.get("/district/shenzhen/luohu").get_data(as_text=True)
    assert "创新研发集聚区" in district_page and "经编辑修订 · editor" in district_page
    # add from a selection
    start, end = _text_span(site, "坪山区打造为高端制造+核心元器件集聚区")
    added = site.app.test_client().post("/api/v1/roles", headers=site.bearer("editor"), json={
        "plan": PLAN, "start": start, "end": end, "place": "坪山区", "cluster": "smart-terminals", "role": "整机配套集聚区"})
    assert added.status_code == 201, added.get_json()
    new = added.get_json()["role"]
    assert (new["status"], new["quote"], new["start"], new["end"], new["via"]) == ("added", "坪山区打造为高端制造+核心元器件集聚区", start, end, "direct")
    assert "整机配套集聚区" in _layer(pub)["shenzhen-pingshan"]["roles"]
    assert {x["role_id"]: x for x in _roles_csv(pub)}[new["role_id"]]["status"] == "added"
    # the change log says who did what, before and after
    log = pub.get("/api/v1/changes?limit=5").get_json()["changes"]
    assert [c["action"] for c in log[:2]] == ["add", "edit"]
    edit = log[1]
    assert edit["by"] == "editor" and edit["before"]["role"] == "源头创新+高端制造区" and edit["after"]["role"] == "创新研发集聚区"
    # undo both: everything as extracted again
    assert _review(site, new["role_id"], {"action": "undo"}).get_json()["role"] is None
    assert _review(site, NANSHAN, {"action": "undo"}).get_json()["role"]["status"] == "extracted"
    assert "整机配套集聚区" not in _layer(pub)["shenzhen-pingshan"]["roles"]
    assert _review(site, NANSHAN, {"action": "undo"}).status_code == 409  # reject was undone already; nothing left


def test_bad_review_requests_say_why(site):
    assert _review(site, "rnosuchrole", {"action": "accept"}).status_code == 404
    bad = _review(site, FUTIAN, {"action": "delete"})
    assert bad.status_code == 400 and "action must be one of" in bad.get_json()["detail"]
    assert "no district or zone" in _review(site, FUTIAN, {"action": "edit", "place": "火星区"}).get_json()["detail"]
    assert "unknown cluster" in _review(site, FUTIAN, {"action": "edit", "cluster": "不存在产业"}).get_json()["detail"]
    assert "unknown function" in _review(site, FUTIAN, {"action": "edit", "functions": ["炼金"]}).get_json()["detail"]
    outside = site.app.test_client().post("/api/v1/roles", headers=site.bearer("editor"), json={
        "plan": PLAN, "start": 10**7, "end": 10**7 + 5, "place": "坪山区", "cluster": "智能终端", "role": "x"})
    assert outside.status_code == 400 and "inside the plan text" in outside.get_json()["detail"]


def test_review_screen_highlights_every_role_at_its_span(site):
    c = site.client("editor")
    page = c.get(f"/review/{PLAN}").get_data(as_text=True)
    text, _ = site.store.plan_text(PLAN)
    marks = re.findall(r'<mark data-start="(\d+)" data-roles="([^"]+)">([^<]*)</mark>', page)
    assert marks
    covered = {rid for _, ids, _ in marks for rid in ids.split()}
    plan_roles = [r for r in site.store.roles("深圳市", include_rejected=True) if r.plan_id == PLAN]
    assert {r.role_id for r in plan_roles} <= covered
    for start, _, shown in marks:
        shown = html.unescape(shown)
        assert text[int(start) : int(start) + len(shown)] == shown  # each highlight is the text at its span


# --- restarts and re-extraction ------------------------------------------------------------------------

GUANGMING = "r5f6d25b850c68f1"  # 光明区 · 超高清视频显示产业核心引领区 (20+8 plan, its own sentence)
BAOAN = "rf78e25a2741188a"  # 宝安区 · 超高清视频显示终端配套集聚区 (same plan, another sentence)


def test_decisions_survive_a_restart_and_a_re_extraction(database_url, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data)
    url = database_url("reextract")
    site = Site(create_app({"DATA_DIR": str(data), "DATABASE_URL": url}))
    assert _review(site, FUTIAN, {"action": "reject"}).status_code == 200
    assert _review(site, BAOAN, {"action": "accept"}).status_code == 200
    assert _review(site, GUANGMING, {"action": "edit", "role": "显示产业核心区"}).status_code == 200
    start, end = _text_span(site, "坪山区打造为高端制造+核心元器件集聚区")
    added = site.app.test_client().post("/api/v1/roles", headers=site.bearer("editor"), json={
        "plan": PLAN, "start": start, "end": end, "place": "坪山区", "cluster": "智能终端", "role": "重启测试区"}).get_json()["role"]
    expected = {FUTIAN: "rejected", BAOAN: "accepted", GUANGMING: "edited", added["role_id"]: "added"}

    def statuses(st) -> dict[str, str]:
        st.refresh()
        return {r.role_id: r.status for r in st.roles(None, include_rejected=True)}

    # a restart over the same files keeps every decision
    again = create_app({"DATA_DIR": str(data), "DATABASE_URL": url}).extensions["atlas.store"]
    assert {k: statuses(again).get(k) for k in expected} == expected
    # the text behind 光明区's role changes; roles.csv is rebuilt and the app restarts on it
    plan_file = data / "plans" / "shenzhen-20-8-clusters-2022.txt"
    body = plan_file.read_text(encoding="utf-8")
    assert body.count("光明区重点引进玻璃基板、化学试剂") == 1
    plan_file.write_text(body.replace("光明区重点引进玻璃基板、化学试剂", "光明区重点引进玻璃基板、电子化学品"), encoding="utf-8")
    entries, built = build_corpus(data / "plans")
    roles_io.write_csv(built, data / "roles.csv")
    plans_io.write_entries(entries, data / "plan_sections.csv")
    rebuilt_app = create_app({"DATA_DIR": str(data), "DATABASE_URL": url})
    rebuilt = rebuilt_app.extensions["atlas.store"]
    now = statuses(rebuilt)
    assert (now[FUTIAN], now[BAOAN], now[added["role_id"]]) == ("rejected", "accepted", "added")
    assert GUANGMING not in now  # read anew: a new id, extracted, waiting for review
    fresh = next(r for r in rebuilt.roles("深圳市", include_rejected=True) if r.district == "光明区" and r.role == "超高清视频显示产业核心引领区")
    assert fresh.status == "extracted" and "电子化学品" in fresh.quote
    # the old decision is not lost: it is listed for another look, on the screen too
    orphans = rebuilt.orphans("shenzhen-20-8-clusters-2022")
    assert [(d.role_id, d.status, d.role["role"]) for d in orphans] == [(GUANGMING, "edited", "显示产业核心区")]
    page = Site(rebuilt_app).client("editor").get("/review/shenzhen-20-8-clusters-2022").get_data(as_text=True)
    assert "Needs another look" in page and f'id="role-{GUANGMING}"' in page and "显示产业核心区" in page


# --- uploads ---------------------------------------------------------------------------------------------

def _upload(site, data: bytes, name: str, level="editor", city="深圳市"):
    return site.app.test_client().post("/api/v1/plans/upload", headers=site.bearer(level),
                                       data={"city": city, "file": (io.BytesIO(data), name)})


def test_an_uploaded_plan_is_extracted_and_waits_for_review(site):
    text = "杭州市某产业发展行动方案\n（一）生物医药\n以滨江区为核心，将钱塘区打造为生物医药制造集聚区。\n"
    resp = _upload(site, text.encode("gb18030"), "方案.txt", city="杭州市")
    assert resp.status_code == 201, resp.get_json()
    doc = resp.get_json()
    assert doc["roles"] >= 1
    roles = [r for r in site.store.roles("杭州市", include_rejected=True) if r.plan_id.startswith(doc["file_id"])]
    assert {(r.district, r.status) for r in roles} >= {("钱塘区", "extracted")}
    page = site.client("editor").get(doc["review"]).get_data(as_text=True)
    assert "钱塘区" in page and "生物医药制造集聚区" in page
    assert _upload(site, text.encode("gb18030"), "again.txt", city="杭州市").status_code == 409
    committed = (paths.DATA_DIR / "plans" / f"{PLAN}.txt").read_bytes()
    known = _upload(site, committed, "copy.txt")
    assert known.status_code == 409 and PLAN in known.get_json()["detail"]
    assert site.app.test_client().get("/api/v1/changes?limit=1").get_json()["changes"][0]["action"] == "upload"


def test_hostile_uploads_are_refused_or_inert(site, tmp_path):
    upload_dir = Path(site.app.config["UPLOAD_DIR"])
    before = set(upload_dir.glob("*"))
    # a ZIP named .pdf: read by its content, refused
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("payload.exe", b"MZ" * 100)
    zipped = _upload(site, buf.getvalue(), "plan.pdf")
    assert zipped.status_code == 400 and "ZIP archive that is not a Word document" in zipped.get_json()["detail"]
    # a path-traversal name: stored under a generated name in the upload folder, nowhere else
    evil = "../../web/static/evil.txt"
    ok = _upload(site, "深圳市测试计划\n将南山区打造为路径测试集聚区。\n".encode(), evil)
    assert ok.status_code == 201, ok.get_json()
    assert not (paths.ROOT / "web" / "static" / "evil.txt").exists()
    stored = set(upload_dir.glob("*")) - before
    assert len(stored) == 1 and re.fullmatch(r"[0-9a-f]{32}\.txt", next(iter(stored)).name)
    assert site.app.test_client().get("/static/" + next(iter(stored)).name).status_code == 404
    # HTML with scripts: the text is read, the markup is not run or shown as markup
    markup = ("<html><head><script>alert('x')</script></head><body><p>深圳市网页计划</p>"
            "<p>将南山区打造为<img src=x onerror=alert(1)>网页测试集聚区。</p><script>document.write('pwn')</script></body></html>")
    page_up = _upload(site, markup.encode(), "p.html")
    assert page_up.status_code == 201, page_up.get_json()
    text, _ = site.store.plan_text(page_up.get_json()["file_id"])
    assert "alert" not in text and "document.write" not in text and "<img" not in text
    shown = site.client("editor").get(page_up.get_json()["review"]).get_data(as_text=True)
    assert "<img src=x" not in shown and "<script>alert" not in shown
    # a text file that is binary
    assert _upload(site, bytes(range(256)) * 10, "x.txt").status_code == 400
    # unknown extension
    assert "upload a .pdf" in _upload(site, b"hello", "x.exe").get_json()["detail"]


def test_a_200_mb_upload_is_refused_before_it_is_read(site, live_review_server):
    """A real socket and an editor's token: the server answers 413 on the headers, without taking the body."""
    host, port = urlsplit(live_review_server).hostname, urlsplit(live_review_server).port
    with socket.create_connection((host, port), timeout=10) as s:
        s.sendall((f"POST /api/v1/plans/upload HTTP/1.1\r\nHost: {host}\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                   f"Authorization: Bearer {site.tokens['editor']}\r\nContent-Length: {200 * 2**20}\r\nConnection: close\r\n\r\n").encode() + b"--x\r\n" + b"0" * 65536)
        answer = s.recv(4096).decode("latin-1")
    assert answer.startswith("HTTP/1.1 413"), answer[:200]


@pytest.fixture(scope="module")
def live_review_server(site):
    from conftest import LiveServer

    server = LiveServer(site.app)
    yield server.url
    server.stop()


# --- the user commands -----------------------------------------------------------------------------------

def test_user_commands_add_token_and_revoke(database_url):
    url = database_url("cli")
    env = {**os.environ, "ATLAS_DATABASE_URL": url}
    run = lambda *args, stdin="": subprocess.run([sys.executable, "-m", "web", "user", *args], input=stdin, env=env,  # noqa: E731
                                                 capture_output=True, text=True, cwd=paths.ROOT, timeout=120)
    added = run("add", "wang", "--role", "editor", stdin="a long enough password\n")
    assert added.returncode == 0, added.stderr
    assert run("add", "wang", "--role", "editor", stdin="a long enough password\n").returncode == 2
    short = run("add", "li", stdin="short\n")
    assert short.returncode == 2 and "at least" in short.stderr
    token = run("token", "wang")
    assert token.returncode == 0 and token.stdout.strip().startswith("atl_")
    token_id = re.search(r"token (\d+)", token.stderr).group(1)
    app = create_app({"DATABASE_URL": url})
    c = app.test_client()
    auth = {"Authorization": f"Bearer {token.stdout.strip()}"}
    assert c.post(f"/api/v1/roles/{FUTIAN}/review", json={"action": "accept"}, headers=auth).status_code == 200
    assert run("revoke", token_id).returncode == 0
    assert c.post(f"/api/v1/roles/{FUTIAN}/review", json={"action": "accept"}, headers=auth).status_code == 401
    assert Accounts(app.extensions["atlas.store"]).authenticate("wang", "a long enough password") is not None
    assert "wang\teditor\tactive" in run("list").stdout


def test_uploaded_plans_are_extracted_again_keeping_decisions(site):
    """`geo db reextract-uploads` after a rule change: same roles, same ids, decisions still on them."""
    from geo.uploads import reextract_uploads

    up = _upload(site, "深圳市再抽取测试计划\n将龙华区打造为再抽取测试集聚区，将光明区打造为第二测试集聚区。\n".encode(), "r.txt").get_json()
    mine = lambda: {r.role_id: r for r in site.store.roles(None, include_rejected=True) if r.plan_id.startswith(up["file_id"])}  # noqa: E731
    site.store.refresh()
    before = mine()
    assert len(before) == 2
    first = sorted(before)[0]
    assert _review(site, first, {"action": "reject"}).status_code == 200
    counts = reextract_uploads(site.store)
    site.store.refresh()
    after = mine()
    assert counts[up["file_id"]] == 2 and set(after) == set(before) and after[first].status == "rejected"


def test_public_answers_do_not_vary_by_cookie(site):
    """Accounts must not cost the public data its shared caching: no Vary: Cookie, no session cookie."""
    c = site.app.test_client()
    for path in ("/api/v1/layers/shenzhen/smart-terminals.geojson", "/embed/shenzhen/smart-terminals", "/map/shenzhen/smart-terminals"):
        resp = c.get(path)
        assert resp.status_code == 200 and "Cookie" not in resp.headers.get("Vary", ""), path
        assert "Set-Cookie" not in resp.headers, path


def test_the_edit_form_takes_names_as_the_screen_offers_them(site):
    """The review screen's edit form sends cluster and place by name (from shared lists) and the ticked functions."""
    role_id = "r9b1d780a2bd79c6"  # 坪山区 · 高端制造+核心元器件集聚区
    c = site.client("editor")
    url = f"/review/{PLAN}/roles/{role_id}"
    resp = c.post(url, data={"csrf_token": c.csrf, "action": "edit", "role": "核心元器件集聚区", "cluster": "智能终端",
                             "place": "龙岗区", "functions_set": "1", "functions": ["生产制造", "配套"]})
    assert resp.status_code == 302 and resp.headers["Location"].endswith(f"#role-{role_id}")
    got = site.app.test_client().get(f"/api/v1/roles/{role_id}").get_json()
    assert (got["district"], got["role"], got["functions"], got["status"]) == ("龙岗区", "核心元器件集聚区", ["生产制造", "配套"], "edited")
    page = c.get(f"/review/{PLAN}").get_data(as_text=True)
    assert "edit: " + role_id in page  # the outcome is flashed on the screen it returns to
    bad = c.post(url, data={"csrf_token": c.csrf, "action": "edit", "place": "不存在区"})
    assert bad.status_code == 302 and "is no district or zone" in c.get(f"/review/{PLAN}").get_data(as_text=True)
    assert c.post(url, data={"csrf_token": c.csrf, "action": "undo"}).status_code == 302
    assert site.app.test_client().get(f"/api/v1/roles/{role_id}").get_json()["status"] == "extracted"
