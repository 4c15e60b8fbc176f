"""Dense retrieval: the query embedding against the vector store."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from assistant.embedders import Embedder
from assistant.types import Hit


class VectorStore(Protocol):
    """Nearest-neighbour search over stored chunk vectors."""

    def query(self, embedding: Sequence[float], k: int, where: dict | None = None,
              generation: str | None = None) -> list[Hit]: ...


class DenseRetriever:
    """Embeds the query and asks the store for its nearest chunks."""

    name = "dense"

    def __init__(self, embedder: Embedder, store: VectorStore, where: dict | None = None,
                 generation: str | None = None):
        self.embedder = embedder
        self.store = store
        self.where = where  # a metadata filter (a site's view of the index)
        self.generation = generation  # the snapshot's generation (None: the store's current)

    def search(
        self, query: str, k: int, language: str | None = None, embedding: Sequence[float] | None = None
    ) -> list[Hit]:
        """The `k` nearest chunks (cosine similarity as score)."""
        vector = embedding if embedding is not None else self.embedder.embed_query(query)
        return [Hit(h.chunk, h.score, self.name) for h in self.store.query(vector, k, self.where,
                                                                       self.generation)]
