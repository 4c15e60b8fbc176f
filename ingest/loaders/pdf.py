"""PDF files: one section per page, page numbers kept."""
from __future__ import annotations

import io
import logging
import re

from assistant.errors import LoaderError
from ingest.document import Document, SectionBuilder
from ingest.textutil import join_lines

log = logging.getLogger(__name__)
_SENTENCE_END = re.compile(r"[.!?:;]['\")]?$")


def _paragraphs(text: str) -> list[str]:
    """Rebuild paragraphs from PDF lines; a blank or short sentence-ending line ends one."""
    lines = [ln.strip() for ln in text.splitlines()]
    width = max((len(ln) for ln in lines), default=0)
    paragraphs, current = [], []
    for line in lines:
        if not line:
            if current:
                paragraphs.append(join_lines(current))
                current = []
            continue
        current.append(line)
        if _SENTENCE_END.search(line) and len(line) < 0.7 * width:
            paragraphs.append(join_lines(current))
            current = []
    if current:
        paragraphs.append(join_lines(current))
    return paragraphs


def parse(data: bytes) -> Document:
    """Extract the text of each page; raise `LoaderError` for broken or text-less PDFs."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise LoaderError("the PDF is password-protected")
        pages = [page.extract_text() or "" for page in reader.pages]
        info_title = str((reader.metadata or {}).get("/Title") or "").strip()
    except LoaderError:
        raise
    except Exception as exc:  # pypdf raises many kinds of errors for damaged files
        log.debug("pypdf failed", exc_info=True)
        raise LoaderError(f"not a readable PDF ({type(exc).__name__})") from None
    if not any(p.strip() for p in pages):
        raise LoaderError("no extractable text (scanned PDF?)")
    builder = SectionBuilder(title=info_title)
    for number, text in enumerate(pages, start=1):
        builder.set_page(number)
        for paragraph in _paragraphs(text):
            builder.paragraph(paragraph)
    title = info_title or next(
        (p for p in _paragraphs(pages[0]) if 0 < len(p) <= 120 and "\n" not in p), ""
    )
    return Document(title=title, sections=builder.sections())
