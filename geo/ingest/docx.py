"""Word (.docx) -> text: body paragraphs and table rows in document order (python-docx)."""
from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from geo.ingest.read import IngestError
from geo.ingest.rows import row_line

if TYPE_CHECKING:
    from docx.table import Table


def docx_text(path: Path, data: bytes) -> str:
    """One line per paragraph; a table row is one line, its cells joined by ；, so rows do not run together."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # python-docx raises KeyError, ValueError, lxml errors for damaged files
        raise IngestError(path, f"damaged or unreadable Word document ({type(err).__name__})") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_rows(block))
        else:
            lines.append(block.text)
    return "\n".join(lines)


def _table_rows(table: Table) -> list[str]:
    rows = (row_line(["".join(p.text for p in cell.paragraphs) for cell in row.cells]) for row in table.rows)
    return [r for r in rows if r]
