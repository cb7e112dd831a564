"""A plan file of any published format -> normalized plan text, or one IngestError that says which file and why.

The format is recognised from the content (a PDF's %PDF header, a ZIP holding word/document.xml, HTML markup),
and the encoding from byte-order marks, then strict UTF-8, then GB18030; the file name is only a hint for HTML.
Uploads are untrusted: the size is capped and nothing in a file is executed.
"""
from __future__ import annotations

import codecs
import io
import re
import zipfile
from pathlib import Path

from geo.ingest.normalize import normalize

MAX_BYTES = 100 * 1024 * 1024
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<\?xml[^>]*>\s*<(?:!doctype\s+)?html)", re.I)
_HTML_TAGS = re.compile(r"<(?:p|div|br|span|table|td|h[1-6])\b[^<>]*>", re.I)
# Control characters that do not occur in text: NUL and the C0 range except tab, line and page breaks.
# Control characters no text file holds. Counted in the text's Latin-1 bytes, all other characters left out (no
# control character is one of them): encoding so is four times as fast as to UTF-8, and bytes.translate deleting
# every other byte twice as fast as a regex scan for a class, which the engine tries at every position.
_BINARY_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1C), 0x7F])
_NOT_BINARY = bytes(b for b in range(256) if b not in _BINARY_BYTES)


class IngestError(Exception):
    """A file that cannot be read as a plan; `reason` says why in one line."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[IngestError], tuple[Path, str]]:
        return IngestError, (self.path, self.reason)  # so a worker process can hand it back (geo.batch)


def read_plan_text(path: Path) -> str:
    """The normalized text of a plan file (.txt in any supported encoding, .html, .pdf or .docx)."""
    head = _head(path)
    if b"%PDF-" in head[:1024]:  # the header may follow a little junk, as PDF readers allow
        from geo.ingest.pdf import pdf_text

        return normalize(pdf_text(path, path.read_bytes()))
    if head[:4] == b"PK\x03\x04":
        return normalize(_docx_text(path, path.read_bytes()))
    if head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise IngestError(path, "legacy binary Word/Office document (.doc); save it as .docx or PDF")
    text = decode(path, head)
    looks_html = path.suffix.lower() in {".html", ".htm", ".shtml", ".xhtml"} or is_html(text)
    return normalize(text, is_html=looks_html)


_HEAD = 65536
_BLOCK = 1 << 20


def _head(path: Path) -> bytes:
    """The first bytes of a readable, non-empty file under the size cap; every other case is an IngestError."""
    if not path.exists():
        raise IngestError(path, "no such file")
    if path.is_dir():
        raise IngestError(path, "is a directory, not a plan file")
    if not path.is_file():
        raise IngestError(path, "not a regular file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise IngestError(path, f"too large ({size / 2**20:.0f} MB; the limit is {MAX_BYTES // 2**20} MB)")
    if size == 0:
        raise IngestError(path, "empty file")
    try:
        with path.open("rb") as f:
            return f.read(_HEAD)
    except OSError as err:
        raise IngestError(path, f"cannot be read ({err.strerror or err})") from None


def decode(path: Path, head: bytes) -> str:
    """Text of a file: a BOM decides; otherwise strict UTF-8, then GB18030 (a superset of GBK and GB2312).

    Decoded a block at a time: decoding 50 MB at once briefly takes three times the text's size."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            text = _decode_blocks(path, encoding, len(bom))
            if text is None:
                raise IngestError(path, f"not valid {encoding.upper()} text despite its byte-order mark")
            break
    else:
        if b"\x00" in head:
            raise IngestError(path, "binary file (NUL bytes), not plan text")
        text = _decode_blocks(path, "utf-8", 0) or _decode_blocks(path, "gb18030", 0)
        if text is None:
            raise IngestError(path, "binary file or unknown encoding (neither UTF-8 nor GB18030 text)")
    sample = text[:_HEAD]
    if len(sample.encode("latin-1", "ignore").translate(None, _NOT_BINARY)) > max(8, len(sample) // 1000):
        raise IngestError(path, "binary file (control characters), not plan text")
    return text


def _decode_blocks(path: Path, encoding: str, skip: int) -> str | None:
    """The file decoded strictly, or None when it is not valid in that encoding."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    pieces: list[str] = []
    try:
        with path.open("rb") as f:
            f.seek(skip)
            while block := f.read(_BLOCK):
                pieces.append(decoder.decode(block))
            pieces.append(decoder.decode(b"", final=True))
    except UnicodeDecodeError:
        return None
    return "".join(pieces)


def is_html(text: str) -> bool:
    """Markup that starts like a web page, or text whose opening is dense with block tags."""
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 3


def _docx_text(path: Path, data: bytes) -> str:
    """A ZIP is read only if it is a Word document; other archives are refused, never unpacked."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        raise IngestError(path, "damaged ZIP/Word file") from None
    if "word/document.xml" not in names:
        raise IngestError(path, "ZIP archive that is not a Word document (.docx)")
    from geo.ingest.docx import docx_text

    return docx_text(path, data)
