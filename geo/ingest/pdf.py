"""PDF -> text from its text layer (pdfminer.six), pages separated by form feeds so running headers are found."""
from __future__ import annotations

import io
import logging
from pathlib import Path

from geo.ingest.read import IngestError


def pdf_text(path: Path, data: bytes) -> str:
    """The text layer, one page after another with a form feed between them; a scan without one is an error."""
    from pdfminer.high_level import extract_text
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    # pdfminer logs a warning per font it finds odd; those say nothing to a user of the command line.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        text = extract_text(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise IngestError(path, "encrypted PDF; save an unprotected copy") from None
    except Exception as err:  # pdfminer raises many unrelated types for damaged files
        raise IngestError(path, f"damaged or unreadable PDF ({type(err).__name__})") from None
    if not any(ch.isalnum() for ch in text):
        raise IngestError(path, "PDF has no text layer (scanned?); run OCR first")
    return text
