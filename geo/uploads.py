"""Plans added at run time (editors' uploads): file -> normalized text -> roles -> the database.

An upload goes through the same reader as the command line (format from the content, size cap, one-line
errors) and is kept under a generated name in a folder no web route serves. Its text, sections and roles
live in the database (origin `upload`), so every app server shows it and `db load` of the committed files
leaves it alone; its roles then wait for review like any other.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from geo.ingest.plans import PlanEntry, split_sections
from geo.reference.units import City
from geo.store.base import Plan, PlanRole
from geo.store.review import ReviewError, Run, now

if TYPE_CHECKING:
    from geo.extract.roles import Role
    from geo.store.sql import SqlStore

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
SUFFIXES = {".pdf", ".docx", ".html", ".htm", ".txt"}
MAX_TITLE = 200
_URL = re.compile(r"https?://[^\s<>\"']{1,2000}")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


class UploadError(ValueError):
    """An upload that is refused; the message says why in one line, `status` is the HTTP answer."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Uploaded:
    file_id: str
    city: str
    title: str
    sections: int
    roles: int


def _suffix(filename: str) -> str:
    """The original name only hints the format (the reader decides by content); it never names a file."""
    suffix = Path(filename.replace("\\", "/")).suffix.lower()
    if suffix not in SUFFIXES:
        raise UploadError(f"upload a .pdf, .docx, .html or .txt file; got '{suffix or 'no extension'}'")
    return suffix


def _clean_meta(title: str, issuer: str, date: str, url: str) -> tuple[str, str, str, str]:
    title, issuer, date, url = (" ".join(v.split()) for v in (title, issuer, date, url))
    if len(title) > MAX_TITLE or len(issuer) > MAX_TITLE:
        raise UploadError(f"title and issuer are at most {MAX_TITLE} characters")
    if date and not _DATE.fullmatch(date):
        raise UploadError(f"date must be YYYY, YYYY-MM or YYYY-MM-DD; got '{date}'")
    if url and not _URL.fullmatch(url):
        raise UploadError("url must be an http:// or https:// address")
    return title, issuer, date, url


def add_upload(store: "SqlStore", data: bytes, filename: str, city: City, upload_dir: Path, login: str,
               title: str = "", issuer: str = "", date: str = "", url: str = "") -> Uploaded:
    """Read, extract and store one uploaded plan file; nothing is stored when any step fails.

    The reader and the extractor (about 50 MB of modules and tables) are imported here, not at start, so
    app workers that never receive an upload do not carry them."""
    from geo.ingest.read import IngestError, read_plan_text
    from geo.pipeline import CityUnknown, guess_date, guess_issuer, guess_title

    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadError(f"file too large ({len(data) / 2**20:.0f} MB; the limit is {MAX_UPLOAD_BYTES // 2**20} MB)", 413)
    if not data:
        raise UploadError("empty file")
    suffix = _suffix(filename)
    title, issuer, date, url = _clean_meta(title, issuer, date, url)
    upload_dir.mkdir(parents=True, exist_ok=True)
    path = upload_dir / f"{uuid.uuid4().hex}{suffix}"
    path.write_bytes(data)
    try:
        text = read_plan_text(path)
        if not text.strip():
            raise UploadError("the file holds no text (a scanned PDF needs OCR first)")
        file_id = f"upload-{city.slug}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:10]}"
        title = title or guess_title(text) or filename[:MAX_TITLE]
        issuer = issuer or guess_issuer(text, city.name)
        date = date or guess_date(text)
        entries, roles = _extract(text, file_id, title, city, issuer, date, url)
        meta = {"id": file_id, "title": title, "city": city.name, "issuer": issuer, "date": date, "file": path.name,
                "url": url, "original_name": Path(filename.replace("\\", "/")).name[:200], "uploaded_by": login, "uploaded_at": now()}
        with store.edit() as run:
            same = run("SELECT file_id FROM plan_texts WHERE file_id = ? OR body = ?", file_id, text)
            if same:
                raise UploadError(f"this text is already in the atlas as plan '{same[0][0]}'", 409)
            _insert(run, file_id, city.name, text, meta, entries, roles)
            run("INSERT INTO changes (at, login, role_id, file_id, action, before, after) VALUES (?, ?, '', ?, 'upload', NULL, ?)",
                now(), login, file_id, json.dumps({"role": None, "decision": None, "plan": meta}, ensure_ascii=False))
    except IngestError as err:
        path.unlink(missing_ok=True)
        raise UploadError(f"{Path(filename).name[:200]}: {err.reason}") from None
    except CityUnknown as err:
        path.unlink(missing_ok=True)
        raise UploadError(str(err)) from None
    except (UploadError, ReviewError):
        path.unlink(missing_ok=True)
        raise
    return Uploaded(file_id, city.name, title, len(entries), len(roles))


def _extract(text: str, file_id: str, title: str, city: City, issuer: str, date: str, url: str) -> tuple[list[Plan], list[PlanRole]]:
    from geo.pipeline import extract_text

    entries = [Plan(**vars(PlanEntry(s.plan_id, file_id, s.title, s.cluster, city.name, issuer, date)), url=url)
               for s in split_sections(text, file_id, title)]
    _, roles = extract_text(text, file_id, title, city.name)
    return entries, [_plan_role(r, issuer, date, url) for r in roles]


def _plan_role(r: "Role", issuer: str, date: str, url: str) -> PlanRole:
    return PlanRole(**vars(r), plan_issuer=issuer, plan_date=date, plan_url=url)


def _insert(run: Run, file_id: str, city: str, text: str, meta: dict[str, str], entries: list[Plan], roles: list[PlanRole]) -> None:
    dumps = lambda o: json.dumps(o, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
    run("INSERT INTO plan_texts (file_id, city, origin, body, meta) VALUES (?, ?, 'upload', ?, ?)", file_id, city, text, dumps(meta))
    for i, p in enumerate(entries):
        run("INSERT INTO plans (plan_id, file_id, city, ord, data, origin) VALUES (?, ?, ?, ?, ?, 'upload')",
            p.plan_id, file_id, city, i, dumps(dataclasses.asdict(p)))
    for i, r in enumerate(roles):
        run("INSERT INTO roles (city, cluster, district_id, ord, data, role_id, file_id, origin) VALUES (?, ?, ?, ?, ?, ?, ?, 'upload')",
            r.city, r.cluster, r.district_id, i, dumps(dataclasses.asdict(r)), r.role_id, file_id)


def reextract_uploads(store: "SqlStore") -> dict[str, int]:
    """Extract every uploaded plan again from its stored text (after a rule change): roles are replaced,
    decisions stay keyed by role_id. Returns roles per plan file."""
    counts: dict[str, int] = {}
    cities = {c.name: c for c in store.cities()}
    for f in [f for f in store.plan_files() if f["origin"] == "upload"]:
        text, _ = store.plan_text(f["file_id"])
        entries, roles = _extract(text or "", f["file_id"], f["title"], cities[f["city"]], f["issuer"], f["date"], f["url"])
        with store.edit() as run:
            run("DELETE FROM roles WHERE origin = 'upload' AND file_id = ?", f["file_id"])
            run("DELETE FROM plans WHERE origin = 'upload' AND file_id = ?", f["file_id"])
            run("DELETE FROM plan_texts WHERE file_id = ?", f["file_id"])
            meta = {k: v for k, v in f.items() if k not in ("file_id", "origin")}
            _insert(run, f["file_id"], f["city"], text or "", meta, entries, roles)
        counts[f["file_id"]] = len(roles)
    return counts
