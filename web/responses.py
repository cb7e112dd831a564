"""Small helpers for building download responses."""
from __future__ import annotations

from urllib.parse import quote

from flask import Response


def attachment(resp: Response, ascii_name: str, utf8_name: str) -> Response:
    """An ASCII filename for old clients and a UTF-8 filename* (RFC 6266) for the rest."""
    resp.headers["Content-Disposition"] = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(utf8_name)}"
    return resp
