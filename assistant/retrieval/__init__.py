"""Retrievers: dense (Chroma + embeddings), lexical (BM25) and their fusion."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Protocol

from assistant.types import Chunk, Hit


class Retriever(Protocol):
    """Finds the chunks that best match a query."""

    def search(self, query: str, k: int, language: str | None = None) -> list[Hit]:
        """The best `k` hits, best first."""
        ...


class Store(Protocol):
    """The vector store as the assistant reads it: generations of chunks with their vectors.

    `ChromaStore` is the implementation; each generation's chunks also live in a lexical file
    under `lexical_dir` (see `assistant.retrieval.lexical_file`).
    """

    generation: str  # the generation this store object serves now
    lexical_dir: Path
    server_mode: bool

    def query(self, embedding: Sequence[float], k: int, where: dict | None = None,
              generation: str | None = None) -> list[Hit]:
        """The `k` chunks of `generation` (default: the current one) nearest to `embedding`."""
        ...

    def nearest(self, embedding: Sequence[float], k: int, where: dict | None = None,
                generation: str | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the `k` nearest chunks, as `query` finds them."""
        ...

    def pages(self, generation: str) -> Iterator[list[Chunk]]:
        """Every chunk of `generation`, in pages (to write its lexical file)."""
        ...

    def info(self) -> dict:
        """The metadata recorded with the current generation, plus its name."""
        ...

    def refresh(self) -> bool:
        """Switch to a newly built generation; True when it switched."""
        ...

    def ping(self) -> None:
        """Raise `StoreUnavailableError` when the store does not answer."""
        ...
