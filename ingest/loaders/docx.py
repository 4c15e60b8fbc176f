"""Word documents (.docx): Heading styles form the section path."""
from __future__ import annotations

import io
import logging
import re

from assistant.errors import LoaderError
from ingest.document import Document, SectionBuilder

log = logging.getLogger(__name__)
_HEADING_STYLE = re.compile(r"(?i)^(heading|kop)\s*(\d)$")


def _level(style_name: str) -> int:
    if style_name.lower() == "title":
        return 1
    match = _HEADING_STYLE.match(style_name.strip())
    return int(match.group(2)) if match else 0


def parse(data: bytes) -> Document:
    """Read paragraphs and tables in order; raise `LoaderError` for a corrupt file."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        title = (document.core_properties.title or "").strip()
        blocks = []
        for element in document.element.body.iterchildren():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "p":
                blocks.append(Paragraph(element, document))
            elif tag == "tbl":
                blocks.append(Table(element, document))
    except Exception as exc:  # python-docx raises zip, XML and key errors for damaged files
        log.debug("python-docx failed", exc_info=True)
        raise LoaderError(f"not a readable DOCX file ({type(exc).__name__})") from None
    builder = SectionBuilder(title=title)
    for block in blocks:
        if isinstance(block, Table):
            for row in block.rows:
                cells = [" ".join(c.text.split()) for c in row.cells]
                builder.paragraph(" | ".join(c for c in cells if c))
            continue
        text = " ".join(block.text.split())
        level = _level(block.style.name if block.style is not None else "")
        if level:
            builder.heading(level, text)
        elif text:
            style = (block.style.name if block.style is not None else "").lower()
            builder.paragraph(f"- {text}" if "list" in style else text)
    return Document(title=builder.title, sections=builder.sections())
