"""Editors' screens: plans to review, one plan's text with its roles, uploads, and (admins) users.

Every form posts with a CSRF token and answers with a redirect back (post/redirect/get), carrying the
outcome in the session's flash messages; the same decisions are open to scripts in web.review_api.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from geo.extract.functions import FUNCTION_ORDER
from geo.ingest.plans import file_id_of
from geo.store.accounts import ROLES, AccountError, Accounts
from geo.store.base import STATUSES, PlanRole
from geo.store.review import ReviewError, Reviewer, change_log
from geo.uploads import MAX_UPLOAD_BYTES, UploadError, add_upload
from web.auth import requires
from web.errors import resolve_city
from web.params import load_view_params
from web.review_api import upload_dir
from web.state import store

bp = Blueprint("review", __name__, url_prefix="/review")
bp.before_request(load_view_params)


@dataclass(frozen=True)
class Segment:
    """A stretch of plan text and the roles whose sentence covers it (none: plain text)."""

    start: int
    text: str
    role_ids: tuple[str, ...]


def segments(text: str, roles: list[PlanRole]) -> list[Segment]:
    """The text cut wherever a role's span starts or ends, so each piece is highlighted for its roles."""
    cuts = sorted({0, len(text), *(r.start for r in roles), *(r.end for r in roles)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a < 0 or b > len(text) or a == b:
            continue
        ids = tuple(r.role_id for r in roles if r.start <= a and b <= r.end)
        out.append(Segment(a, text[a:b], ids))
    return out


@bp.get("")
@requires("editor")
def index() -> str:
    st = store()
    files = {f["file_id"]: f for f in st.plan_files()}
    counts: dict[str, Counter[str]] = {fid: Counter() for fid in files}
    for r in st.roles(None, include_rejected=True):
        counts.setdefault(file_id_of(r.plan_id), Counter())[r.status] += 1
    orphans = Counter(d.file_id for d in st.orphans())  # type: ignore[attr-defined]
    return render_template("review_index.html", title="审核 Review", files=list(files.values()), counts=counts,
                           orphans=orphans, statuses=STATUSES, changes=change_log(st, 20))  # type: ignore[arg-type]


@bp.get("/<file_id>")
@requires("editor")
def plan(file_id: str) -> str:
    st = store()
    text, city = st.plan_text(file_id)  # type: ignore[attr-defined]
    if text is None:
        abort(404, description=f"no plan file '{file_id}'")
    meta = next(f for f in st.plan_files() if f["file_id"] == file_id)  # type: ignore[attr-defined]
    roles = [r for r in st.roles(city, include_rejected=True) if file_id_of(r.plan_id) == file_id]
    roles.sort(key=lambda r: (r.start, r.end, r.district_id))
    places = [(u.id, u.name) for u in st.units(city)] + [(z.id, z.name) for z in st.zones(city)]
    return render_template(
        "review_plan.html", title=f"审核 · {meta['title']}", meta=meta, file_id=file_id, city=city,
        segments=segments(text, [r for r in roles if 0 <= r.start < r.end <= len(text)]), roles=roles,
        orphans=st.orphans(file_id), places=places, clusters=st.clusters(), functions=FUNCTION_ORDER,  # type: ignore[attr-defined]
        changes=change_log(st, 30, file_id=file_id),  # type: ignore[arg-type]
    )


def _reviewer() -> Reviewer:
    return Reviewer(store(), current_user.account.login)  # type: ignore[arg-type]


@bp.post("/<file_id>/roles/<role_id>")
@requires("editor")
def decide(file_id: str, role_id: str) -> Response:
    action = request.form.get("action", "")
    changes = None
    if action == "edit":
        changes = {k: request.form[k] for k in ("role", "cluster", "place") if request.form.get(k, "").strip()}
        if "functions" in request.form or request.form.get("functions_set"):
            changes["functions"] = request.form.getlist("functions")
    try:
        _reviewer().review(role_id, action, changes)
        flash(f"{action}: {role_id}", "ok")
    except ReviewError as err:
        flash(str(err), "error")
    return redirect(url_for("review.plan", file_id=file_id, _anchor=f"role-{role_id}"))  # type: ignore[return-value]


@bp.post("/<file_id>/add")
@requires("editor")
def add(file_id: str) -> Response:
    form = request.form
    try:
        start, end = int(form.get("start", "")), int(form.get("end", ""))
    except ValueError:
        flash("select the sentence in the plan text first", "error")
        return redirect(url_for("review.plan", file_id=file_id))  # type: ignore[return-value]
    try:
        role = _reviewer().add(file_id, start, end, form.get("place", ""), form.get("cluster", ""), form.get("role", ""),
                               form.getlist("functions") or None)
        flash(f"add: {role.role_id}", "ok")
        return redirect(url_for("review.plan", file_id=file_id, _anchor=f"role-{role.role_id}"))  # type: ignore[return-value]
    except ReviewError as err:
        flash(str(err), "error")
    return redirect(url_for("review.plan", file_id=file_id))  # type: ignore[return-value]


@bp.route("/upload", methods=["GET", "POST"])
@requires("editor")
def upload() -> Any:
    error = ""
    if request.method == "POST":
        file = request.files.get("file")
        try:
            if file is None or not file.filename:
                raise UploadError("choose a plan file")
            city = resolve_city(request.form.get("city", ""))
            done = add_upload(store(), file.read(), file.filename, city, upload_dir(), current_user.account.login,  # type: ignore[arg-type]
                              **{k: request.form.get(k, "") for k in ("title", "issuer", "date", "url")})
            flash(f"{done.title}: {done.roles} roles extracted", "ok")
            return redirect(url_for("review.plan", file_id=done.file_id))
        except UploadError as err:
            error = str(err)
    cities = store().cities()
    return render_template("review_upload.html", title="上传规划 Upload a plan", error=error, cities=cities,
                           max_mb=MAX_UPLOAD_BYTES // 2**20), (400 if error else 200)


@bp.get("/users")
@requires("admin")
def users() -> str:
    acc = Accounts(store())  # type: ignore[arg-type]
    people = acc.all()
    return render_template("review_users.html", title="用户 Users", people=people, roles=ROLES,
                           tokens={p.login: acc.tokens(p.login) for p in people})


@bp.post("/users/<login>")
@requires("admin")
def set_user(login: str) -> Response:
    acc = Accounts(store())  # type: ignore[arg-type]
    try:
        if request.form.get("role"):
            acc.set_role(login, request.form["role"])
        if request.form.get("active") in ("0", "1"):
            acc.set_active(login, request.form["active"] == "1")
        flash(f"{login} updated", "ok")
    except AccountError as err:
        flash(str(err), "error")
    return redirect(url_for("review.users"))  # type: ignore[return-value]


@bp.post("/users/<login>/tokens/<int:token_id>/revoke")
@requires("admin")
def revoke(login: str, token_id: int) -> Response:
    ok = Accounts(store()).revoke_token(token_id, login)  # type: ignore[arg-type]
    flash(f"token {token_id} revoked" if ok else f"no live token {token_id} of {login}", "ok" if ok else "error")
    return redirect(url_for("review.users"))  # type: ignore[return-value]
