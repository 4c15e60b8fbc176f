"""Loaders: file bytes -> `Document`, one small module per format, chosen by extension."""
from __future__ import annotations

import logging
from pathlib import Path

from assistant.errors import LoaderError
from ingest.document import Document
from ingest.textutil import decode_bytes

log = logging.getLogger(__name__)

SUPPORTED = frozenset({".md", ".markdown", ".txt", ".html", ".htm", ".pdf", ".docx"})


def is_supported(path: Path) -> bool:
    """True when a loader exists for this file's extension."""
    return path.suffix.lower() in SUPPORTED


def _decode(data: bytes, name: str) -> tuple[str, list[str]]:
    text, encoding = decode_bytes(data)
    if encoding in ("utf-8", "utf-8-sig"):
        return text, []
    log.info("%s: not UTF-8, decoded as %s", name, encoding)
    return text, [f"decoded as {encoding}"]


def load(path: Path, data: bytes) -> Document:
    """Parse `data` (the bytes of `path`) with the loader for its extension.

    Raises:
        LoaderError: the file is damaged, empty or not supported; the message says why.
    """
    suffix = path.suffix.lower()
    notes: list[str] = []
    if suffix in (".md", ".markdown"):
        from ingest.loaders import markdown

        text, notes = _decode(data, path.name)
        document = markdown.parse(text)
    elif suffix == ".txt":
        from ingest.loaders import text as plain

        text, notes = _decode(data, path.name)
        document = plain.parse(text)
    elif suffix in (".html", ".htm"):
        from ingest.loaders import html

        document = html.parse(data)
    elif suffix == ".pdf":
        from ingest.loaders import pdf

        document = pdf.parse(data)
    elif suffix == ".docx":
        from ingest.loaders import docx

        document = docx.parse(data)
    else:
        raise LoaderError(f"unsupported file type {suffix or '(none)'}")
    document.notes = notes + document.notes
    if not document.title:
        document.title = path.stem.replace("-", " ").replace("_", " ").strip()
    if not any(s.text.strip() for s in document.sections):
        raise LoaderError("no text found (empty file?)")
    return document
