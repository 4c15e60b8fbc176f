"""Dense retrieval: the query embedding against the vector store."""
from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Protocol

from assistant.embedders import Embedder
from assistant.types import Chunk, Hit


class VectorStore(Protocol):
    """Nearest-neighbour search over stored chunk vectors."""

    def query(self, embedding: Sequence[float], k: int, where: dict | None = None,
              generation: str | None = None) -> list[Hit]: ...

    def nearest(self, embedding: Sequence[float], k: int, where: dict | None = None,
                generation: str | None = None) -> list[tuple[str, float]]: ...


ChunkLookup = Callable[[Collection[str]], Mapping[str, Chunk]]


class DenseRetriever:
    """Embeds the query and asks the store for its nearest chunks.

    With `chunks` (the snapshot's lexical file, which holds the same chunks as the store's
    generation) the store is asked for ids and scores only, and the chunks are read locally.
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
            nearest = self.store.nearest(vector, k, self.where, self.generation)
            found = self.chunks([i for i, _ in nearest])
            if all(i in found for i, _ in nearest):
                return [Hit(found[i], score, self.name) for i, score in nearest]
        return [Hit(h.chunk, h.score, self.name) for h in self.store.query(vector, k, self.where,
                                                                       self.generation)]
