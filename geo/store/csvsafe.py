"""Spreadsheet-safe CSV cells (OWASP "CSV injection").

Excel, LibreOffice and Google Sheets run a cell that begins with = + - @ (or a tab or carriage return, which
they skip before looking) as a formula. Plan text is untrusted, so every CSV made for people to open
gets such cells prefixed with an apostrophe: spreadsheets show the text as typed and hide the apostrophe.
Files our own code reads back (data/roles.csv) keep the exact text.
"""
from __future__ import annotations

from typing import Any, Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """The value, with a leading apostrophe if it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [safe_cell(v) for v in row]
