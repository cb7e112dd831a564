"""A table row as one line of text, the same from Word and from web pages: cells joined by ；, ended as a sentence.

Rows must not run together (normalisation joins lines that do not end a sentence), and `geo.extract.tables`
reads a row's cells by the columns its header row names.
"""
from __future__ import annotations

_SENTENCE_END = "。！？；：…”」』"


def row_line(cells: list[str]) -> str:
    """The row's cells, each on one line, empty ones kept so that columns stay in place, a cell repeated by a
    merged span kept once; "" for a row with no text."""
    kept: list[str] = []
    for cell in cells:
        text = " ".join(cell.split())
        if not kept or not text or kept[-1] != text:
            kept.append(text)
    if not any(kept):
        return ""
    line = "；".join(kept)
    return line if line[-1] in _SENTENCE_END else line + "。"
