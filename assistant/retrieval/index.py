"""One index snapshot: what a generation of the store holds, loaded together and swapped as one."""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from assistant.answering.cards import CardMatch, CardMatcher, cards_from_chunks
from assistant.embedders import Embedder
from assistant.retrieval.bm25 import BM25Retriever
from assistant.retrieval.dense import DenseRetriever
from assistant.retrieval.hybrid import FusedHit, fuse
from assistant.retrieval.spelling import Speller
from assistant.types import Chunk, Hit

log = logging.getLogger(__name__)

CANDIDATES = 25  # hits per retriever before fusion


@dataclass(frozen=True, eq=False)
class Snapshot:
    """Chunks, the lexical index, the answer cards and the documents of one index generation.

    An answer holds on to one snapshot from start to end, so it never mixes two generations.
    """

    generation: str
    chunks: tuple[Chunk, ...]
    bm25: BM25Retriever
    cards: CardMatcher
    by_doc: dict[str, list[Chunk]]
    dense: DenseRetriever

    @cached_property
    def speller(self) -> Speller:
        """Corrects typos in questions to the words of the answer cards."""
        cards = self.cards.cards
        return Speller((card.chunk.text for card in cards), (q for card in cards for q in card.questions))

    @classmethod
    def load(cls, store, embedder: Embedder, cache_dir: Path | None = None) -> Snapshot:
        """Read every chunk of the store's serving generation and build the in-memory indexes."""
        generation = store.generation
        chunks = tuple(store.all_chunks())
        by_doc: dict[str, list[Chunk]] = {}
        for chunk in chunks:
            by_doc.setdefault(chunk.metadata.get("doc_id") or chunk.id, []).append(chunk)
        cards = CardMatcher(cards_from_chunks(chunks), embedder, cache_dir=cache_dir)
        log.info("index %s: %d chunks, %d cards", generation, len(chunks), len(cards.cards))
        return cls(generation, chunks, BM25Retriever(chunks), cards, by_doc, DenseRetriever(embedder, store))


class Retrieval:
    """The hybrid search for one query (one part of a turn), computed on first use.

    Answerers that do not need it (the scope guard, the deadline calculator) never pay for it.
    """

    def __init__(
        self, snapshot: Snapshot, embedder: Embedder, query: str, language: str | None,
        audience: str | None, *, part: int = 0, k: int = 6, timings: dict | None = None,
        correct: bool = True,
    ):
        self.snapshot, self.embedder = snapshot, embedder
        # "wnneer ... beginne": searched on the words it means
        self.query = snapshot.speller.correct(query) if correct else query
        self.language, self.audience = language, audience
        self.part, self.k = part, k
        self.timings = timings if timings is not None else {}

    @cached_property
    def vector(self) -> list[float]:
        """The query embedding (cached by the embedder for repeated questions)."""
        with _timer(self.timings, "embed_ms"):
            return self.embedder.embed_query(self.query)

    @cached_property
    def _results(self) -> tuple[list[Hit], list[Hit], list[FusedHit]]:
        vector = self.vector
        with _timer(self.timings, "dense_ms"):
            dense = self.snapshot.dense.search(self.query, CANDIDATES, self.language, embedding=vector)
        with _timer(self.timings, "bm25_ms"):
            lexical = self.snapshot.bm25.search(self.query, CANDIDATES, self.language)
        with _timer(self.timings, "fusion_ms"):
            fused = fuse(dense, lexical, k=CANDIDATES, language=self.language, audience=self.audience)
        return dense, lexical, fused

    @property
    def searched(self) -> bool:
        """True once an answerer needed the search (so the trace can show its hits)."""
        return "_results" in self.__dict__

    @property
    def cards_matched(self) -> bool:
        """True once an answerer needed the card match."""
        return "cards" in self.__dict__

    @property
    def dense_hits(self) -> list[Hit]:
        return self._results[0]

    @property
    def lexical_hits(self) -> list[Hit]:
        return self._results[1]

    @property
    def all_fused(self) -> list[FusedHit]:
        """Every fused candidate, best first."""
        return self._results[2]

    @property
    def fused(self) -> list[FusedHit]:
        """The top `k` fused hits."""
        return self._results[2][: self.k]

    def hits(self, k: int | None = None) -> list[Hit]:
        return [f.hit for f in self._results[2][: k or self.k]]

    @cached_property
    def ranks(self) -> dict[str, tuple[float, float]]:
        """Document id -> (reciprocal rank in the dense results, in the BM25 results)."""
        found: list[dict[str, float]] = []
        for hits in (self.dense_hits, self.lexical_hits):
            first: dict[str, float] = {}
            for rank, hit in enumerate(hits, start=1):
                first.setdefault(hit.chunk.metadata.get("doc_id") or hit.chunk.id, 1 / rank)
            found.append(first)
        dense, bm25 = found
        return {doc: (dense.get(doc, 0.0), bm25.get(doc, 0.0)) for doc in dense.keys() | bm25.keys()}

    @cached_property
    def cards(self) -> list[CardMatch]:
        """The answer cards in the query's language, best match first."""
        with _timer(self.timings, "cards_ms"):
            return self.snapshot.cards.ranked(self.vector, self.query, self.language or "nl", self.audience,
                                              self.ranks)

    @property
    def card(self) -> CardMatch | None:
        """The best answer card for the query in its language."""
        return self.cards[0] if self.cards else None

    @property
    def top_dense(self) -> float:
        return max((f.dense for f in self.fused), default=0.0)

    @property
    def top_bm25(self) -> float:
        return max((f.bm25 for f in self.fused), default=0.0)

    def passages(self, language: str, kinds: Sequence[str] | None = None) -> list[Chunk]:
        """The fused passages to answer from: the asker's language first (others only if none)."""
        chunks = [f.hit.chunk for f in self.all_fused
                  if kinds is None or f.hit.chunk.metadata.get("kind") in kinds][: self.k]
        same = [c for c in chunks if c.metadata.get("language", language) == language]
        return same or chunks


class _timer:
    """Adds the elapsed milliseconds of a block to `timings[key]`."""

    def __init__(self, timings: dict, key: str):
        self.timings, self.key = timings, key

    def __enter__(self):
        import time

        self.started = time.perf_counter()

    def __exit__(self, *exc):
        import time

        elapsed = (time.perf_counter() - self.started) * 1000
        self.timings[self.key] = round(self.timings.get(self.key, 0.0) + elapsed, 2)
        return False
