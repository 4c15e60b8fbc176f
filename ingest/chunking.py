"""Documents -> `Chunk`s: one chunk per section, long sections split with overlap.

Decisions:
- An answer card is one chunk: its body unsplit; its questions go into metadata.
- Other documents get one chunk per heading section. A section longer than `chunk_size`
  characters is split at paragraph, then sentence, then word boundaries (never mid-word), and
  each further piece starts with up to `chunk_overlap` characters of whole sentences (or words)
  from the end of the piece before it.
- `position` numbers a document's chunks in reading order (0, 1, ...).
- The text that is embedded is not the stored text: `embedding_text()` puts the title and section
  (for cards: the question phrasings) in front, so a section is found by what it is about.
  `content_hash` is the hash of that embedded text; an unchanged hash means the stored vector is
  still right.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from assistant.text import detect_language, sentences
from assistant.types import Chunk
from ingest.document import Document

# A sentence may end behind a closing quote or bracket: 'zei hij." Daarna'
SENTENCE_CLOSERS = "\"'”’)]…"


def chunk_id(source: str, section: str, text: str) -> str:
    """Content-derived id: sha256 of source, section and text (32 hex characters)."""
    return hashlib.sha256(f"{source}\n{section}\n{text}".encode()).hexdigest()[:32]


def embedding_text(chunk: Chunk) -> str:
    """What gets embedded for a chunk: context line(s), a blank line, the text."""
    meta = chunk.metadata
    if meta.get("kind") == "card":
        questions = json.loads(meta.get("questions") or "[]")
        return "\n".join([*questions, "", chunk.text]) if questions else chunk.text
    head = " — ".join(p for p in (meta.get("title", ""), meta.get("section", "")) if p)
    return f"{head}\n\n{chunk.text}" if head else chunk.text


def _json_list(value: Any) -> str:
    if value is None:
        return "[]"
    items = value if isinstance(value, list) else [value]
    return json.dumps([str(v) for v in items], ensure_ascii=False)


def document_metadata(
    doc: Document, path: str, file_hash: str, ingested_at: str, stem: str, trusted: bool = True,
) -> dict[str, Any]:
    """Metadata shared by every chunk of `doc` (all values scalar).

    Answer-card front matter makes a vetted card only in a `trusted` file (the curated knowledge
    base); anywhere else the file is passage material like any other document."""
    fm = doc.meta
    card = trusted and str(fm.get("type", "")).lower() == "card"
    kind = "card" if card else ("article" if fm.get("id") else "document")
    language = str(fm.get("language") or "").lower()
    url = str(fm.get("url") or "").strip()
    title = doc.title
    if kind == "card" and not fm.get("title") and isinstance(fm.get("questions"), list):
        title = str(fm["questions"][0]) if fm["questions"] else title
    meta: dict[str, Any] = {
        "source": url or path,
        "path": path,
        "title": title,
        "url": url,
        "language": language if language in ("nl", "en") else detect_language(doc.text[:5000]),
        "audience": str(fm.get("audience") or ""),
        "doc_id": str(fm.get("id") or stem),
        "kind": kind,
        "trusted": trusted,  # from the curated knowledge base (or SPOOR2_TRUSTED_SOURCES)
        "file_hash": file_hash,
        "ingested_at": ingested_at,
    }
    if kind == "card":
        meta["questions"] = _json_list(fm.get("questions"))
        if fm.get("requires"):
            meta["requires"] = str(fm["requires"])
        if fm.get("replaces"):
            meta["replaces"] = _json_list(fm.get("replaces"))
            meta["replaces_when"] = str(fm.get("replaces_when") or fm.get("requires") or "")
    if kind == "card" or "articles" in fm:
        meta["articles"] = _json_list(fm.get("articles"))
    if "sources" in fm:
        meta["sources_json"] = json.dumps(fm.get("sources") or [], ensure_ascii=False, default=str)
    if fm.get("status"):
        meta["status"] = str(fm["status"])
    if "topics" in fm:
        meta["topics"] = _json_list(fm.get("topics"))
    if fm.get("last_reviewed"):
        meta["last_reviewed"] = str(fm["last_reviewed"])
    return meta


def _units(text: str, size: int) -> list[tuple[str, bool]]:
    """(piece, starts_paragraph) pieces of at most `size` characters."""
    units: list[tuple[str, bool]] = []
    for paragraph in (p.strip() for p in text.split("\n\n")):
        if not paragraph:
            continue
        pieces = [paragraph] if len(paragraph) <= size else [
            part for line in paragraph.split("\n")
            for part in sentences(line, cased=True, closers=SENTENCE_CLOSERS)
        ]
        first = True
        for piece in pieces:
            for part in _split_words(piece, size):
                units.append((part, first))
                first = False
    return units


def _split_words(text: str, size: int) -> Iterable[str]:
    """`text` in pieces of at most `size` characters, cut only between words."""
    if len(text) <= size:
        yield text
        return
    current = ""
    for word in text.split():
        while len(word) > size:  # one absurdly long token (a URL): the only place to cut it
            if current:
                yield current
                current = ""
            yield word[:size]
            word = word[size:]
        if current and len(current) + 1 + len(word) > size:
            yield current
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        yield current


def _join(units: list[tuple[str, bool]]) -> str:
    out = ""
    for text, new_paragraph in units:
        out = text if not out else out + ("\n\n" if new_paragraph else " ") + text
    return out


def _tail(units: list[tuple[str, bool]], overlap: int) -> list[tuple[str, bool]]:
    """Whole units (or else words) from the end of a piece, at most `overlap` characters."""
    if overlap <= 0 or not units:
        return []
    tail: list[tuple[str, bool]] = []
    for unit in reversed(units):
        if len(_join([unit, *tail])) > overlap:
            break
        tail.insert(0, unit)
    if tail:
        return [(tail[0][0], True), *tail[1:]]
    words: list[str] = []
    for word in reversed(units[-1][0].split()):
        if len(" ".join([word, *words])) > overlap:
            break
        words.insert(0, word)
    return [(" ".join(words), True)] if words else []


def split_text(text: str, size: int, overlap: int) -> list[str]:
    """Split `text` into pieces of at most `size` characters with about `overlap` of overlap."""
    text = text.strip()
    if len(text) <= size:
        return [text] if text else []
    pieces: list[str] = []
    current: list[tuple[str, bool]] = []
    fresh = 0  # units in `current` that are not overlap
    for unit in _units(text, size):
        if current and len(_join([*current, unit])) > size:
            pieces.append(_join(current))
            current = _tail(current, overlap)
            if len(_join([*current, unit])) > size:
                current = []
            fresh = 0
        current.append(unit)
        fresh += 1
    if current and fresh:
        pieces.append(_join(current))
    return pieces


def chunk_document(
    doc: Document, *, path: str, file_hash: str, ingested_at: str, stem: str,
    chunk_size: int, chunk_overlap: int, trusted: bool = True, site: str = "",
) -> list[Chunk]:
    """The chunks of one document, each with full provenance metadata; a `site` key marks a
    site's own document (its chunks are only used on that site, and have their own ids)."""
    base = document_metadata(doc, path, file_hash, ingested_at, stem, trusted)
    if site:
        base["site"] = site
    if base["kind"] == "card":
        parts = [("", "\n\n".join(s.text for s in doc.sections), 0)]
    else:
        parts = [
            (" > ".join(s.path), piece, s.page)
            for s in doc.sections
            for piece in split_text(s.text, chunk_size, chunk_overlap)
        ]
    chunks, seen = [], set()
    for section, text, page in parts:
        cid = chunk_id(f"{site}|{base['source']}" if site else base["source"], section, text)
        if not text or cid in seen:
            continue  # a repeated paragraph under the same heading adds nothing
        seen.add(cid)
        chunk = Chunk(id=cid, text=text, metadata={
            **base, "section": section, "page": page, "position": len(chunks),
        })
        digest = hashlib.sha256(embedding_text(chunk).encode()).hexdigest()[:32]
        chunk.metadata["content_hash"] = digest
        chunks.append(chunk)
    return chunks
