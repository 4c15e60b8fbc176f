"""A site's view of an index snapshot: the shared knowledge base plus that site's own documents.

Chunks carry metadata `site` (missing or '' = shared). A request from site S is answered from
the shared chunks, S's chunks and S's extra chunks (its profile's packages), never from another
site's: the dense search filters in the store (`where`), BM25, the cards and the documents are
rebuilt from the allowed chunks. A request without a site sees the shared knowledge base only.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from assistant.answering.cards import CardMatcher, cards_from_chunks
from assistant.embedders import Embedder
from assistant.retrieval.bm25 import BM25Retriever
from assistant.retrieval.dense import DenseRetriever
from assistant.retrieval.index import Snapshot
from assistant.types import Chunk


def chunk_site(chunk: Chunk) -> str:
    """The site a chunk belongs to ('' = the shared knowledge base)."""
    return str(chunk.metadata.get("site") or "")


def site_view(snapshot: Snapshot, site: str | None, extra: Sequence[Chunk], embedder: Embedder,
              cache_dir: Path | None = None) -> Snapshot:
    """The snapshot as site `site` (None: no site) may see it; the snapshot itself when that is
    everything it holds."""
    allowed = {"", site or ""}
    others = sorted({chunk_site(c) for c in snapshot.chunks} - allowed)
    if not others and not extra:
        return snapshot
    chunks = tuple(c for c in snapshot.chunks if chunk_site(c) in allowed) + tuple(extra)
    by_doc: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        by_doc.setdefault(chunk.metadata.get("doc_id") or chunk.id, []).append(chunk)
    cards = cards_from_chunks(chunks)
    if [c.chunk.id for c in cards] != [c.chunk.id for c in snapshot.cards.cards]:
        matcher = CardMatcher(cards, embedder, cache_dir=cache_dir)
    else:
        matcher = snapshot.cards
    dense = snapshot.dense
    if others:  # chunks without the key are shared: `$nin` keeps them
        dense = DenseRetriever(embedder, dense.store, where={"site": {"$nin": others}})
    return Snapshot(snapshot.generation, chunks, BM25Retriever(chunks), matcher, by_doc, dense)
