"""Dense retrieval: the query embedding against the vector store."""
from __future__ import annotations

import logging
from collections.abc import Collection, Mapping, Sequence
from typing import Protocol

from assistant.embedders import Embedder
from assistant.types import Chunk, Hit

log = logging.getLogger(__name__)


class VectorStore(Protocol):
    """Nearest-neighbour search over stored chunk vectors."""

    def query(self, embedding: Sequence[float], k: int, where: dict | None = None,
              generation: str | None = None) -> list[Hit]: ...

    def nearest(self, embedding: Sequence[float], k: int, where: dict | None = None,
                generation: str | None = None) -> list[tuple[str, float]]: ...


class ChunkLookup(Protocol):
    """Chunks by id (the generation's lexical file)."""

    def by_id(self, ids: Collection[str]) -> Mapping[str, Chunk]: ...


class DenseRetriever:
    """Embeds the query and asks the store for its nearest chunks.

    With `chunks` (the snapshot's catalog) the store is asked for ids and scores only and the
    chunks are read from the lexical file: less to read and, with a Chroma server, to send.
    """

    name = "dense"

    def __init__(self, embedder: Embedder, store: VectorStore, where: dict | None = None,
                 generation: str | None = None, chunks: ChunkLookup | None = None):
        self.embedder = embedder
        self.store = store
        self.where = where  # a metadata filter (a site's view of the index)
        self.generation = generation  # the snapshot's generation (None: the store's current)
        self.chunks = chunks

    def search(
        self, query: str, k: int, language: str | None = None, embedding: Sequence[float] | None = None
    ) -> list[Hit]:
        """The `k` nearest chunks (cosine similarity as score)."""
        vector = embedding if embedding is not None else self.embedder.embed_query(query)
        if self.chunks is not None:
            found = self.store.nearest(vector, k, self.where, self.generation)
            chunks = self.chunks.by_id([i for i, _ in found])
            if len(chunks) == len({i for i, _ in found}):
                return [Hit(chunks[i], score, self.name) for i, score in found]
            log.warning("dense hits missing from the lexical file of %s; reading them from the "
                        "store", self.generation)
        return [Hit(h.chunk, h.score, self.name) for h in self.store.query(vector, k, self.where,
                                                                       self.generation)]
