"""The review workflow for scripts, under /api/v1: decisions, added roles, uploads and the public change log.

Writes authenticate with `Authorization: Bearer TOKEN` (no cookie, so no CSRF token) or with the browser
session plus the CSRF token in `X-CSRFToken` (what the review screen sends).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, Response, abort, current_app, jsonify, request
from flask_login import current_user

from geo import paths
from geo.store.base import PlanRole
from geo.store.layers import role_dict
from geo.store.review import ReviewError, Reviewer, change_log
from geo.uploads import UploadError, add_upload
from web.auth import csrf, requires
from web.errors import resolve_city
from web.state import store

bp = Blueprint("review_api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)  # checked in `requires` for session calls; token calls carry no cookie to forge
MAX_CHANGES = 500


def role_json(r: PlanRole) -> dict[str, Any]:
    """A role with where it stands: city, cluster and place next to what maps show of it."""
    return {"city": r.city, "cluster": r.cluster, "cluster_en": r.cluster_en, "district": r.district,
            "district_id": r.district_id, "district_kind": r.district_kind, **role_dict(r)}


def upload_dir() -> Path:
    """Outside every folder a route serves (static/ and templates/ are under web/)."""
    return Path(current_app.config.get("UPLOAD_DIR") or paths.ROOT / "var" / "uploads")


def _reviewer() -> Reviewer:
    return Reviewer(store(), current_user.account.login)  # type: ignore[arg-type]


def _fail(err: ReviewError | UploadError) -> Response:
    names = {400: "Bad Request", 404: "Not Found", 409: "Conflict", 413: "Request Entity Too Large"}
    resp = jsonify({"error": names.get(err.status, "Bad Request"), "status": err.status, "detail": str(err), "suggestions": []})
    resp.status_code = err.status
    return resp


def _body() -> dict[str, Any]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort(400, description="send a JSON object (Content-Type: application/json)")
    return body


@bp.post("/roles/<role_id>/review")
@requires("editor")
def review(role_id: str) -> Response:
    """{"action": "accept"|"reject"|"undo"} or {"action": "edit", "role"?, "functions"?, "cluster"?, "place"?}."""
    body = _body()
    action = body.get("action")
    changes = body.get("changes") if isinstance(body.get("changes"), dict) else {k: v for k, v in body.items() if k != "action"}
    try:
        role = _reviewer().review(role_id, str(action), changes if action == "edit" else None)
    except ReviewError as err:
        return _fail(err)
    store().refresh()
    return jsonify({"role_id": role_id, "role": role_json(role) if role else None})


@bp.post("/roles")
@requires("editor")
def add_role() -> tuple[Response, int] | Response:
    """A missed role: {"plan": file id, "start", "end" (of the selection in the normalized text), "place",
    "cluster", "role", "functions"?}."""
    body = _body()
    try:
        role = _reviewer().add(str(body.get("plan", "")), body.get("start"), body.get("end"), body.get("place"),  # type: ignore[arg-type]
                               body.get("cluster"), body.get("role"), body.get("functions"))
    except ReviewError as err:
        return _fail(err)
    store().refresh()
    return jsonify({"role_id": role.role_id, "role": role_json(role)}), 201


@bp.get("/roles/<role_id>")
def get_role(role_id: str) -> Response:
    """One role as it stands, rejected ones included (their status says so)."""
    found = next((r for r in store().roles(None, include_rejected=True) if r.role_id == role_id), None)
    if found is None:
        abort(404, description=f"no role with id '{role_id}'")
    resp = jsonify(role_json(found))
    resp.cache_control.no_cache = True
    return resp


@bp.post("/plans/upload")
@requires("editor")
def upload() -> tuple[Response, int] | Response:
    """Multipart upload: `file`, `city`, optional `title`, `issuer`, `date`, `url`."""
    file = request.files.get("file")
    if file is None or not request.form.get("city"):
        abort(400, description="send multipart form data with 'file' and 'city'")
    city = resolve_city(request.form["city"])
    try:
        done = add_upload(store(), file.read(), file.filename or "", city, upload_dir(), current_user.account.login,  # type: ignore[union-attr]
                          **{k: request.form.get(k, "") for k in ("title", "issuer", "date", "url")})
    except UploadError as err:
        return _fail(err)
    store().refresh()
    return jsonify({"file_id": done.file_id, "city": done.city, "title": done.title, "sections": done.sections,
                    "roles": done.roles, "review": f"/review/{done.file_id}"}), 201


@bp.get("/changes")
def changes() -> Response:
    """The public change log, newest first; `before` (an id) pages back, `plan` narrows to one plan file."""
    try:
        limit = int(request.args.get("limit") or 100)
        before = int(request.args["before"]) if request.args.get("before") else None
    except ValueError:
        abort(400, description="parameters 'limit' and 'before' are integers")
    if not 1 <= limit <= MAX_CHANGES or (before is not None and not 1 <= before <= 2**62):
        abort(400, description=f"parameter 'limit' is 1 to {MAX_CHANGES}, 'before' a change id from 1")
    items = change_log(store(), limit, before, request.args.get("plan") or None)  # type: ignore[arg-type]
    doc: dict[str, Any] = {"changes": items}
    if len(items) == limit:
        doc["next"] = f"/api/v1/changes?limit={limit}&before={items[-1]['id']}"
    resp = jsonify(doc)
    resp.cache_control.no_cache = True
    return resp
