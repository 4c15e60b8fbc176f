"""Retrievers: dense (Chroma + embeddings), lexical (BM25) and their fusion."""
from __future__ import annotations

from typing import Protocol

from assistant.types import Hit


class Retriever(Protocol):
    """Finds the chunks that best match a query."""

    def search(self, query: str, k: int, language: str | None = None) -> list[Hit]:
        """The best `k` hits, best first."""
        ...
