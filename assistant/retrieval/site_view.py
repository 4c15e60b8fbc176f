"""A site's view of an index snapshot: the shared knowledge base plus that site's own documents.

Chunks carry metadata `site` (missing or '' = shared). A request from site S is answered from
the shared chunks, S's chunks and S's extra chunks (its profile's packages), never from another
site's: the dense search filters in the store (`where`), the lexical search, the cards and the
documents filter by site in the generation's lexical file (SQL), and the extras join them.
A request without a site sees the shared knowledge base only.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from assistant.answering.cards import CardMatcher, cards_from_chunks
from assistant.embedders import Embedder
from assistant.retrieval.bm25 import BM25Retriever
from assistant.retrieval.dense import DenseRetriever
from assistant.retrieval.index import Snapshot
from assistant.retrieval.lexical import DiskLexicalIndex
from assistant.retrieval.lexical_postgres import PostgresLexicalIndex
from assistant.types import Chunk


def chunk_site(chunk: Chunk) -> str:
    """The site a chunk belongs to ('' = the shared knowledge base)."""
    return str(chunk.metadata.get("site") or "")


def site_view(snapshot: Snapshot, site: str | None, extra: Sequence[Chunk], embedder: Embedder,
              cache_dir: Path | None = None) -> Snapshot:
    """The snapshot as site `site` (None: no site) may see it; the snapshot itself when that is
    everything it holds."""
    allowed = {"", site or ""}
    others = sorted(snapshot.catalog.sites_present() - allowed)
    if not others and not extra:
        return snapshot
    catalog = snapshot.catalog.view(allowed, extra)
    cards = cards_from_chunks(catalog.of_kind("card"))
    if [c.chunk.id for c in cards] != [c.chunk.id for c in snapshot.cards.cards]:
        matcher = CardMatcher(cards, embedder, cache_dir=cache_dir)
    else:
        matcher = snapshot.cards
    if isinstance(snapshot.lexical, DiskLexicalIndex | PostgresLexicalIndex):
        lexical = snapshot.lexical.view(catalog)
    else:
        lexical = BM25Retriever(list(catalog.chunks()))
    dense = snapshot.dense
    if others:  # chunks without the key are shared: `$nin` keeps them
        dense = DenseRetriever(embedder, dense.store, where={"site": {"$nin": others}},
                               generation=dense.generation, chunks=catalog)
    return Snapshot(snapshot.generation, catalog, lexical, matcher, dense)
