"""`Assistant`: turns a question and the conversation so far into a cited answer."""
from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from assistant.answering.cards import CardMatcher, card_answer, cards_from_chunks
from assistant.answering.deadline_answerer import DeadlineAnswerer
from assistant.answering.extractive import ExtractiveAnswerer, article_citation
from assistant.answering.messages import say
from assistant.answering.scope import classify
from assistant.errors import InvalidInputError
from assistant.privacy import mentions_health, mentions_identifier
from assistant.retrieval.bm25 import BM25Retriever
from assistant.retrieval.dense import DenseRetriever, Embedder
from assistant.retrieval.hybrid import FusedHit, fuse
from assistant.text import detect_language, fold
from assistant.types import Answer, Chunk, Hit

log = logging.getLogger(__name__)

_FOLLOW_UP = re.compile(
    r"^(en|maar|of|and|but|or|what about|how about|wat als|en als|what if|en voor|en bij|en de|en het"
    r"|and for|and the|also|ook)\b|^(en|and)\?|^\W*(waarom|why|hoe dan|how so|en dan)\W*$"
)
_AUDIENCE_SWITCH = (
    (re.compile(r"\b(voor|als|bij) (de |een )?(zieke )?werknemer|\bfor (the |an )?employee|\bas (an? )?(sick )?employee"), "werknemer"),
    (re.compile(r"\b(voor|als|bij) (de |een )?werkgever|\bfor (the |an )?employer|\bas (an )?employer"), "werkgever"),
)
# Who is asking, from their own words, when the UI did not say.
_AUDIENCE_HINTS = (
    (re.compile(r"\bmijn (baas|werkgever|leidinggevende|manager)\b|\bik ben (ziek|arbeidsongeschikt|zwanger)"
                r"|\bben ik\b.*\bziek|\bmag ik\b.*\b(weigeren|kiezen)|\bmy (boss|employer|manager)\b"
                r"|\bi(?: am|'m) (sick|ill|pregnant)\b"), "werknemer"),
    (re.compile(r"\bmijn (werknemer|medewerker|personeelslid)|\bonze (werknemer|medewerker)|\bmy (employee|staff|worker)"
                r"|\bour (employee|staff|worker)"), "werkgever"),
)


@dataclass(frozen=True)
class Thresholds:
    """Confidence cut-offs, tuned on the development eval set (`spoor2 eval`)."""

    card: float = 0.63
    answer_dense: float = 0.38
    answer_bm25: float = 6.0
    unknown_dense: float = 0.65
    unknown_bm25: float = 10.0


class Assistant:
    """The product's core: retrieval, answer cards, extractive answers, deadlines, refusals."""

    def __init__(
        self,
        embedder: Embedder,
        store,
        *,
        llm=None,
        clock: Callable[[], date] = date.today,
        thresholds: Thresholds | None = None,
        refresh_seconds: float = 10.0,
        cache_dir=None,
    ):
        self.embedder = embedder
        self.store = store
        self.llm = llm
        self.clock = clock
        self.thresholds = thresholds or Thresholds()
        self.refresh_seconds = refresh_seconds
        self.cache_dir = cache_dir
        self.extractive = ExtractiveAnswerer()
        self.deadlines = DeadlineAnswerer(lambda doc_id: article_citation(self.by_doc, doc_id, 1))
        self._lock = threading.Lock()
        self._checked = 0.0
        self._load()

    # -- index state -------------------------------------------------------------------------
    def _load(self) -> None:
        chunks = self.store.all_chunks()
        bm25 = BM25Retriever(chunks)
        cards = CardMatcher(cards_from_chunks(chunks), self.embedder, cache_dir=self.cache_dir)
        by_doc: dict[str, list[Chunk]] = {}
        for chunk in chunks:
            by_doc.setdefault(chunk.metadata.get("doc_id") or chunk.id, []).append(chunk)
        self.chunks, self.bm25, self.cards, self.by_doc = chunks, bm25, cards, by_doc
        self.dense = DenseRetriever(self.embedder, self.store)
        self.generation = getattr(self.store, "generation", "")
        log.info("assistant loaded %d chunks, %d cards", len(chunks), len(cards.cards))

    def _maybe_refresh(self) -> None:
        """Pick up a newly built index generation (checked at most every `refresh_seconds`)."""
        now = time.monotonic()
        if now - self._checked < self.refresh_seconds and self.generation == getattr(self.store, "generation", ""):
            return
        self._checked = now
        with self._lock:
            refresh = getattr(self.store, "refresh", None)
            switched = refresh() if refresh else False
            if switched or self.generation != getattr(self.store, "generation", ""):
                self._load()

    def health(self) -> dict:
        """Readiness for the health endpoint."""
        info = self.store.info() if hasattr(self.store, "info") else {}
        return {"ready": True, "chunks": len(self.chunks), "cards": len(self.cards.cards),
                "model": self.embedder.name, "generation": self.generation,
                "llm": getattr(self.llm, "name", "") if self.llm else "", "built_at": info.get("built_at", "")}

    def ping(self) -> None:
        """Raise `StoreUnavailableError` when the vector store does not answer."""
        if hasattr(self.store, "ping"):
            self.store.ping()

    def source_document(self, doc_id: str) -> dict | None:
        """A knowledge-base document for its /bron page: title, sources and sections in order."""
        chunks = self.by_doc.get(doc_id)
        if not chunks:
            return None
        ordered = sorted(chunks, key=lambda c: int(c.metadata.get("position") or 0))
        meta = ordered[0].metadata
        try:
            sources = json.loads(meta.get("sources_json") or "[]")
        except ValueError:
            sources = []
        sections, seen = [], set()
        for chunk in ordered:
            if chunk.text in seen:
                continue
            seen.add(chunk.text)
            sections.append({"section": chunk.metadata.get("section", ""), "text": chunk.text})
        return {"id": doc_id, "title": meta.get("title") or doc_id, "language": meta.get("language", ""),
                "url": meta.get("url", ""), "kind": meta.get("kind", ""), "sources": sources,
                "questions": json.loads(meta.get("questions") or "[]"), "sections": sections}

    # -- retrieval ---------------------------------------------------------------------------
    def retrieve(
        self, query: str, *, language: str | None = None, audience: str | None = None,
        k: int = 5, mode: str = "hybrid", embedding: Sequence[float] | None = None,
    ) -> list[Hit]:
        """Top-k hits for `query` with one retriever ("dense", "bm25") or both fused ("hybrid")."""
        if mode == "bm25":
            return self.bm25.search(query, k, language)
        if mode == "dense":
            return self.dense.search(query, k, language, embedding=embedding)
        return [f.hit for f in self._fused(query, language, audience, k, embedding)]

    def _fused(self, query, language, audience, k, embedding=None, timings=None) -> list[FusedHit]:
        return self._search(query, language, audience, k, embedding, timings)[2]

    def _search(self, query, language, audience, k, embedding=None, timings=None):
        """(dense hits, BM25 hits, fused hits) for the query."""
        timings = timings if timings is not None else {}
        t = time.perf_counter()
        vector = embedding if embedding is not None else self.embedder.embed_query(query)
        timings["embed_ms"] = timings.get("embed_ms", 0.0) + _ms(t)
        t = time.perf_counter()
        dense = self.dense.search(query, 25, language, embedding=vector)
        timings["dense_ms"] = _ms(t)
        t = time.perf_counter()
        lexical = self.bm25.search(query, 25, language)
        timings["bm25_ms"] = _ms(t)
        t = time.perf_counter()
        fused = fuse(dense, lexical, k=k, language=language, audience=audience)
        timings["fusion_ms"] = _ms(t)
        return dense, lexical, fused

    # -- answering ---------------------------------------------------------------------------
    def ask(
        self, question: str, history: Sequence[dict] | None = None, audience: str | None = None,
        language: str | None = None, today: date | None = None,
    ) -> Answer:
        """Answer `question` in the asker's language, with citations and a trace.

        Raises:
            InvalidInputError: the question is empty or not text.
            StoreUnavailableError: the vector store cannot be reached.
        """
        started = time.perf_counter()
        if not isinstance(question, str) or not question.strip():
            raise InvalidInputError("empty question", nl=say("empty", "nl"), en=say("empty", "en"))
        question = question.strip()
        history = [h for h in (history or []) if isinstance(h, dict) and isinstance(h.get("content"), str)]
        previous = [h["content"] for h in history if h.get("role") == "user"]
        language = language if language in ("nl", "en") else detect_language(
            question, default=detect_language(" ".join(previous[-2:]), default="nl") if previous else "nl")
        audience = audience if audience in ("werkgever", "werknemer") else None
        self._maybe_refresh()
        answer = self._route(question, previous, audience, language, today or self.clock())
        if mentions_health(question) or mentions_identifier(question):
            answer.text = f"{answer.text}\n\n{say('privacy', language)}"
            answer.trace["privacy_notice"] = True
        answer.trace.setdefault("timings", {})["total_ms"] = _ms(started)
        return answer

    def stream(self, question: str, history=None, audience=None, language=None) -> Iterator[str | Answer]:
        """Yield the answer text in small pieces, then the complete `Answer`."""
        answer = self.ask(question, history, audience, language)
        if self.llm is not None and answer.kind == "llm" and answer.trace.get("streamed_parts"):
            yield from answer.trace.pop("streamed_parts")
        else:
            for part in re.findall(r"\S+\s*", answer.text):
                yield part
        yield answer

    def _route(self, question, previous, audience, language, today) -> Answer:
        scope = classify(question)
        trace: dict = {"query": question, "language": language, "scope": scope.kind, "timings": {}}
        if scope.kind in ("injection", "medical", "greeting", "out_of_scope"):
            key = scope.kind if scope.kind != "out_of_scope" else "out_of_scope"
            trace["path"] = f"refusal:{scope.kind}"
            return Answer(say(key, language), "refusal", language, confidence=1.0, trace=trace)
        deadline = self.deadlines.answer(question, previous, language, today, trace)
        if deadline is not None:
            return deadline
        lowered = fold(question)
        if audience is None:
            audience = next((who for pattern, who in _AUDIENCE_HINTS if pattern.search(lowered)), None)
        for pattern, who in _AUDIENCE_SWITCH:
            if pattern.search(lowered):
                audience = who
        trace["audience"] = audience
        query = question
        if previous and (_FOLLOW_UP.search(fold(question)) or len(question.split()) <= 4):
            query = f"{previous[-1]} {question}"
            trace["follow_up_of"] = previous[-1]
        return self._answer(query, question, audience, language, scope.kind, trace)

    def _answer(self, query, question, audience, language, scope, trace) -> Answer:
        timings = trace["timings"]
        t = time.perf_counter()
        vector = self.embedder.embed_query(query)
        timings["embed_ms"] = _ms(t)
        dense, lexical, fused = self._search(query, language, audience, 6, vector, timings)
        trace["hits"] = [_hit_trace(f) for f in fused]
        ranks: dict[str, float] = {}
        for hits in (dense, lexical):
            seen: set[str] = set()
            for rank, hit in enumerate(hits, start=1):
                doc_id = hit.chunk.metadata.get("doc_id") or hit.chunk.id
                if doc_id not in seen:
                    seen.add(doc_id)
                    ranks[doc_id] = ranks.get(doc_id, 0.0) + 1 / rank
        t = time.perf_counter()
        match = self.cards.match(vector, query, language, audience, ranks)
        timings["cards_ms"] = _ms(t)
        if match:
            trace["card"] = {"id": match.card.id, "score": round(match.score, 3),
                             "dense": round(match.dense, 3), "lexical": round(match.lexical, 3)}
        top_dense = max((f.dense for f in fused), default=0.0)
        top_bm25 = max((f.bm25 for f in fused), default=0.0)
        confidence = min(1.0, max(top_dense, top_bm25 / 20))
        if match and match.score >= self.thresholds.card:
            trace["path"] = "card"
            return card_answer(match, self.by_doc, language, trace)
        confident = top_dense >= self.thresholds.answer_dense or top_bm25 >= self.thresholds.answer_bm25
        if scope == "unknown" and top_dense < self.thresholds.unknown_dense \
                and top_bm25 < self.thresholds.unknown_bm25:
            trace["path"] = "refusal:out_of_scope"
            return Answer(say("out_of_scope", language), "refusal", language, confidence=0.9, trace=trace)
        if not fused or not confident:
            trace["path"] = "dont_know"
            return Answer(say("dont_know", language), "refusal", language, confidence=confidence, trace=trace)
        passages = [f.hit.chunk for f in fused if f.hit.chunk.metadata.get("language", language) == language] \
            or [f.hit.chunk for f in fused]
        t = time.perf_counter()
        if self.llm is not None:
            answer = self.llm.answer(question, passages[:5], language, trace)
            if answer is not None:
                answer.confidence = confidence
                timings["compose_ms"] = _ms(t)
                return answer
        text, citations = self.extractive.compose(query, passages, language)
        timings["compose_ms"] = _ms(t)
        if not text:
            trace["path"] = "dont_know"
            return Answer(say("dont_know", language), "refusal", language, confidence=confidence, trace=trace)
        trace["path"] = trace.get("path", "extractive")
        return Answer(text, "extractive", language, citations, confidence, trace)


def _hit_trace(f: FusedHit) -> dict:
    meta = f.hit.chunk.metadata
    return {"id": f.hit.chunk.id, "doc_id": meta.get("doc_id", ""), "section": meta.get("section", ""),
            "kind": meta.get("kind", ""), "language": meta.get("language", ""),
            "score": round(f.hit.score, 5), "dense": round(f.dense, 4), "bm25": round(f.bm25, 3),
            "dense_rank": f.dense_rank, "bm25_rank": f.bm25_rank}


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 2)
